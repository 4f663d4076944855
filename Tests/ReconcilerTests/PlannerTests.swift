import Model
import Testing
@testable import Reconciler

let instance = Plan.Instance(id: "i-1", region: "us-east-1")

private func flowContent(_ text: String) -> FlowContent {
    FlowContent(path: "f.json", resolvedPath: "/f.json", text: text,
                references: FlowContentCanonicalizer.references(in: text))
}

private let simpleFlow = #"{"Version":"2019-10-30","StartAction":"a","Actions":[{"Identifier":"a","Type":"DisconnectParticipant","Parameters":{},"Transitions":{}}]}"#

func sample() -> DesiredState {
    DesiredState(
        stack: "acme",
        hoursOfOperation: [HoursOfOperation(name: "Business Hours", timeZone: "America/New_York") {
            $0.schedule = [.monday: [TimeRange(parsing: "08:00-18:00")!]]
        }],
        queues: [Queue(name: "Support", hoursOfOperation: "Business Hours") { $0.maxContacts = 10 }],
        routingProfiles: [RoutingProfile(name: "Tier 1", description: "Front line", defaultOutboundQueue: "Support",
                                         concurrency: [.voice: 1]) {
                                             $0.queues = [RoutingProfileQueue(queue: "Support", channels: [.voice], priority: 1, delay: 0)]
                                         }],
        securityProfiles: [SecurityProfile(name: "Supervisor") { $0.permissions = ["BasicAgentAccess"] }],
        users: [User(username: "jdoe", routingProfile: "Tier 1",
                     securityProfiles: ["Agent"]) { $0.firstName = "Jane"; $0.lastName = "Doe" }],
        declarations: [:])
}

/// The live state an instance would have after applying `desired` exactly (plus defaults).
func converged(_ desired: DesiredState, owner: String? = "acme") -> LiveState {
    var resources: [LiveResource] = [
        LiveResource(address: ResourceAddress(.securityProfile, "Agent"), id: "sp-agent", arn: "arn:sp/agent", tags: [:],
                     fields: ["description": "", "permissions": .strings(["BasicAgentAccess"])], isDefault: true),
        LiveResource(address: ResourceAddress(.hoursOfOperation, "Basic Hours"), id: "h-basic", arn: "arn:h/basic", tags: [:],
                     fields: [:], isDefault: true),
    ]
    for (n, resource) in Projection.declaredFields(desired, flowContent: { FlowContentCanonicalizer.canonicalForm($0.text) }).enumerated() {
        var fields = resource.fields
        var tags: [String: String] = [:]
        if case let .object(t)? = fields["tags"] { tags = t.compactMapValues { if case let .string(s) = $0 { s } else { nil } } }
        if owner == nil { tags[Ownership.stackTag] = nil } else { tags[Ownership.stackTag] = owner }
        fields["password"] = nil
        resources.append(LiveResource(address: resource.address, id: "id-\(n)", arn: "arn:\(resource.address)", tags: tags, fields: fields))
    }
    return LiveState(resources: resources, readCalls: 7)
}

@Suite struct PlannerTests {
    @Test func createsFollowTheReferenceGraph() {
        let result = Planner.plan(desired: sample(), live: converged(DesiredState(stack: "acme")), instance: instance)
        #expect(result.diagnostics.isEmpty)
        let addresses = result.plan.changes.map(\.address)
        #expect(addresses == ["hours.Business Hours", "queue.Support", "routingProfile.Tier 1",
                              "securityProfile.Supervisor", "user.jdoe"])
        #expect(result.plan.changes.allSatisfy { $0.action == .create })
        #expect(result.plan.changes.map(\.calls) == [["CreateHoursOfOperation"], ["CreateQueue"], ["CreateRoutingProfile"],
                                                    ["CreateSecurityProfile"], ["CreateUser"]])
        // The user waits for its routing profile; the profile for its queue.
        #expect(result.details[4].dependsOn == [2])
        #expect(result.details[2].dependsOn == [1])
        #expect(result.details[1].dependsOn == [0])
        #expect(result.plan.readCalls == 7)
    }

    @Test func convergedInstanceHasNoChanges() {
        let desired = sample()
        let result = Planner.plan(desired: desired, live: converged(desired), instance: instance)
        #expect(result.diagnostics.isEmpty)
        #expect(result.plan.changes.isEmpty)
    }

    @Test func maxContactsChangeUsesOnlyItsCall() {
        var desired = sample()
        let live = converged(desired)
        desired.queues[0].maxContacts = 50
        let result = Planner.plan(desired: desired, live: live, instance: instance)
        #expect(result.plan.changes.count == 1)
        #expect(result.plan.changes[0].action == .update)
        #expect(result.plan.changes[0].fields == [FieldChange(path: "maxContacts", before: 10, after: 50)])
        #expect(result.plan.changes[0].calls == ["UpdateQueueMaxContacts"])
    }

    @Test func priorityChangeUsesUpdateRoutingProfileQueues() {
        var desired = sample()
        let live = converged(desired)
        desired.routingProfiles[0].queues[0].priority = 2
        let change = Planner.plan(desired: desired, live: live, instance: instance).plan.changes
        // The fingerprint tag follows the queue configs, so a fast plan can trust it later.
        #expect(change.map(\.calls) == [["UpdateRoutingProfileQueues", "TagResource"]])
        // …but is not shown as a field (issue #15).
        #expect(change[0].fields.map(\.path) == ["queues.Support.voice.priority"])
    }

    @Test func renameKeepsTheId() {
        let original = sample()
        let live = converged(original)
        var desired = original
        desired.queues[0].name = "Help"
        desired.queues[0].renamedFrom = ["Support"]
        desired.routingProfiles[0].defaultOutboundQueue = "Help"
        desired.routingProfiles[0].queues[0].queue = "Help"
        let result = Planner.plan(desired: desired, live: live, instance: instance)
        let rename = result.plan.changes.first { $0.action == .rename }
        #expect(rename?.address == "queue.Help")
        #expect(rename?.id == live[ResourceAddress(.queue, "Support")]?.id)
        #expect(rename?.calls == ["UpdateQueueName"])
        #expect(!result.plan.changes.contains { $0.action == .create || $0.action == .delete })
    }

    @Test func untaggedResourceIsAdopted() {
        let desired = sample()
        let result = Planner.plan(desired: desired, live: converged(desired, owner: nil), instance: instance)
        #expect(result.plan.changes.count == 5)
        #expect(result.plan.changes.allSatisfy { $0.action == .adopt && $0.calls == ["TagResource"] })
    }

    @Test func resourceOfAnotherStackIsRefused() {
        let desired = sample()
        let result = Planner.plan(desired: desired, live: converged(desired, owner: "other"), instance: instance)
        #expect(result.diagnostics.count == 5)
        #expect(result.diagnostics[0].message.contains("belongs to stack 'other'"))
    }

    @Test func pruneDeletesOnlyThisStacksUndeclaredResources() {
        let desired = sample()
        var live = converged(desired)
        live.resources[ResourceAddress(.queue, "Old")] = LiveResource(
            address: ResourceAddress(.queue, "Old"), id: "q-old", arn: "arn:q/old", tags: [Ownership.stackTag: "acme"], fields: [:])
        live.resources[ResourceAddress(.queue, "Foreign")] = LiveResource(
            address: ResourceAddress(.queue, "Foreign"), id: "q-f", arn: "arn:q/f", tags: [Ownership.stackTag: "other"], fields: [:])
        live.resources[ResourceAddress(.queue, "Untagged")] = LiveResource(
            address: ResourceAddress(.queue, "Untagged"), id: "q-u", arn: "arn:q/u", tags: [:], fields: [:])
        live.resources[ResourceAddress(.queue, "BasicQueue")] = LiveResource(
            address: ResourceAddress(.queue, "BasicQueue"), id: "q-b", arn: "arn:q/b", tags: [Ownership.stackTag: "acme"],
            fields: [:], isDefault: true)

        let kept = Planner.plan(desired: desired, live: live, instance: instance)
        #expect(kept.plan.changes.isEmpty)
        #expect(kept.notes.count == 1 && kept.notes[0].contains("queue.Old"))
        #expect(kept.plan.kept == ["queue.Old"])

        let pruned = Planner.plan(desired: desired, live: live, instance: instance, options: .init(prune: true))
        #expect(pruned.plan.changes.map(\.address) == ["queue.Old"])
        #expect(pruned.plan.changes[0].calls == ["DeleteQueue"])
    }

    @Test func flowQueueCycleUsesAPlaceholder() {
        var desired = sample()
        let text = simpleFlow.replacingOccurrences(of: #""Parameters":{}"#, with: #""Parameters":{"QueueId":"${queue:Support}"}"#)
        desired.flows = [Flow(name: "Outbound Whisper", type: .outboundWhisper, content: flowContent(text))]
        desired.queues[0].outboundCallerId = OutboundCallerId(name: "Acme", flow: "Outbound Whisper")
        let result = Planner.plan(desired: desired, live: converged(DesiredState(stack: "acme")), instance: instance)
        #expect(result.diagnostics.isEmpty)
        let flowIndex = result.plan.changes.firstIndex { $0.address == "flow.Outbound Whisper" }!
        let queueIndex = result.plan.changes.firstIndex { $0.address == "queue.Support" }!
        #expect(flowIndex < queueIndex)
        #expect(result.details[flowIndex].placeholder)
        #expect(result.details[flowIndex].fillDependsOn == [queueIndex])
        #expect(result.details[queueIndex].dependsOn.contains(flowIndex))
        #expect(result.plan.changes[flowIndex].calls == ["CreateContactFlow (placeholder)", "UpdateContactFlowContent"])
    }

    @Test func largeQueueListsAreBatched() {
        var desired = sample()
        desired.queues = (1...25).map { Queue(name: "Q\($0)", hoursOfOperation: "Basic Hours") }
        desired.routingProfiles[0].defaultOutboundQueue = "Q1"
        desired.routingProfiles[0].queues = desired.queues.map { RoutingProfileQueue(queue: $0.name, channels: [.voice]) }
        desired.users = []
        let result = Planner.plan(desired: desired, live: converged(DesiredState(stack: "acme")), instance: instance)
        let profile = result.plan.changes.first { $0.kind == "routingProfile" }!
        // The fingerprint is re-stamped after the last association (it bumps LastModifiedTime).
        #expect(profile.calls == ["CreateRoutingProfile", "AssociateRoutingProfileQueues", "AssociateRoutingProfileQueues", "TagResource"])
    }

    @Test func largeManualAssignmentQueueListsAreBatched() {
        var desired = sample()
        desired.queues = (1...12).map { Queue(name: "Q\($0)", hoursOfOperation: "Basic Hours") }
        desired.routingProfiles[0].defaultOutboundQueue = "Q1"
        desired.routingProfiles[0].concurrency[.chat] = 2
        desired.routingProfiles[0].manualAssignmentQueues = desired.queues.map { RoutingProfileManualAssignmentQueue(queue: $0.name, channels: [.chat]) }
        desired.users = []
        let result = Planner.plan(desired: desired, live: converged(DesiredState(stack: "acme")), instance: instance)
        let profile = result.plan.changes.first { $0.kind == "routingProfile" }!
        // 10 with the create (RoutingProfileManualAssignmentQueueConfigList: 1–10), the other 2 after.
        #expect(profile.calls == ["CreateRoutingProfile", "AssociateRoutingProfileQueues", "TagResource"])
    }

    @Test func manualAssignmentQueueChangesAreOneAssociateAndOneDisassociate() {
        var desired = sample()
        desired.queues += [Queue(name: "Q1", hoursOfOperation: "Basic Hours"), Queue(name: "Q2", hoursOfOperation: "Basic Hours")]
        desired.routingProfiles[0].concurrency[.chat] = 2
        desired.routingProfiles[0].concurrency[.task] = 2
        desired.routingProfiles[0].manualAssignmentQueues = [RoutingProfileManualAssignmentQueue(queue: "Q1", channels: [.chat, .task])]
        let live = converged(desired)
        desired.routingProfiles[0].manualAssignmentQueues = [RoutingProfileManualAssignmentQueue(queue: "Q1", channels: [.chat]),
                                                              RoutingProfileManualAssignmentQueue(queue: "Q2", channels: [.task])]
        let result = Planner.plan(desired: desired, live: live, instance: instance)
        let profile = try! #require(result.plan.changes.first { $0.kind == "routingProfile" })
        #expect(profile.fields.map(\.path) == ["manualAssignmentQueues.Q1", "manualAssignmentQueues.Q2"])
        #expect(profile.calls.filter { $0 != "TagResource" } == ["AssociateRoutingProfileQueues", "DisassociateRoutingProfileQueues"])
    }

    @Test func planIsDeterministic() {
        let a = Planner.plan(desired: sample(), live: converged(DesiredState(stack: "acme")), instance: instance)
        let b = Planner.plan(desired: sample(), live: converged(DesiredState(stack: "acme")), instance: instance)
        #expect(PlanDocument.json(a.plan).rendered() == PlanDocument.json(b.plan).rendered())
    }

    @Test func flowKeyOrderAndWhitespaceDoNotDiff() {
        let a = FlowContentCanonicalizer.canonicalForm(simpleFlow)
        let b = FlowContentCanonicalizer.canonicalForm("""
            { "StartAction": "a", "Version": "2019-10-30",
              "Actions": [ { "Transitions": {}, "Parameters": {}, "Type": "DisconnectParticipant", "Identifier": "a" } ] }
            """)
        #expect(a == b)
    }

    @Test func arnsInLiveContentBecomeReferences() {
        let arns = ["arn:aws:connect:us-east-1:1:instance/i/queue/q1": ResourceAddress(.queue, "Support")]
        let live = #"{"QueueId":"arn:aws:connect:us-east-1:1:instance/i/queue/q1"}"#
        #expect(FlowContentCanonicalizer.unresolve(live, arns: arns) == #"{"QueueId":"${queue:Support}"}"#)
        #expect(FlowContentCanonicalizer.substitute(#"{"QueueId":"${queue:Support}"}"#) {
            $0.name == "Support" ? "ARN" : nil
        }
                == #"{"QueueId":"ARN"}"#)
    }
}

@Suite struct UserRenameTests {
    @Test func usernameChangeIsAReplaceFlaggedLoudly() {
        let original = sample()
        let live = converged(original)
        var desired = original
        desired.users[0].username = "jane.doe"
        desired.users[0].renamedFrom = ["jdoe"]
        let result = Planner.plan(desired: desired, live: live, instance: instance)
        #expect(result.plan.changes.map(\.address) == ["user.jane.doe"])
        let change = result.plan.changes[0]
        #expect(change.action == .replace)
        #expect(change.previousName == "jdoe")
        #expect(change.calls == ["DeleteUser", "CreateUser"])
        #expect(change.warnings.count == 1 && change.warnings[0].contains("cannot change a username"))
    }
}
