import Model
import Testing
@testable import Reconciler

/// Planner bugs found by the end-to-end tests, pinned with fakes (pure planner logic).
@Suite struct PlannerRegressionTests {
    static let instance = Plan.Instance(id: "i-1", region: "us-east-1")

    static func flow(_ name: String, queue: String, renamedFrom: [String] = []) -> Flow {
        let text = #"{"Version":"2019-10-30","StartAction":"a","Actions":[{"Identifier":"a","Type":"UpdateContactTargetQueue","Parameters":{"QueueId":"${queue:\#(queue)}"},"Transitions":{}}]}"#
        return Flow(name: name, type: .contactFlow,
                    content: FlowContent(path: "f.json", resolvedPath: "/f.json", text: text,
                                         references: FlowContentCanonicalizer.references(in: text))) {
                                             $0.renamedFrom = renamedFrom
                                         }
    }

    static func desired(queue: String, hours: String, profile: String, renamed: Bool) -> DesiredState {
        DesiredState(
            stack: "acme",
            hoursOfOperation: [HoursOfOperation(name: hours, timeZone: "UTC") {
                $0.schedule = [:]
                $0.renamedFrom = renamed ? ["Old Hours"] : []
            }],
            queues: [Queue(name: queue, hoursOfOperation: hours) {
                $0.outboundCallerId = OutboundCallerId(name: "Acme", flow: "Whisper")
                $0.renamedFrom = renamed ? ["Helpdesk"] : []
            }],
            routingProfiles: [RoutingProfile(name: profile, description: "d", defaultOutboundQueue: queue, concurrency: [.voice: 1]) {
                $0.queues = [RoutingProfileQueue(queue: queue, channels: [.voice], priority: 1, delay: 0)]
                $0.renamedFrom = renamed ? ["Tier 1"] : []
            }],
            flows: [flow("Main IVR", queue: queue), flow("Whisper", queue: queue)],
            users: [User(username: "jdoe", routingProfile: profile, securityProfiles: ["Agent"])])
    }

    /// The live state an instance has after applying `desired` exactly.
    static func live(_ desired: DesiredState) -> LiveState {
        var resources = [LiveResource(address: ResourceAddress(.securityProfile, "Agent"), id: "sp-agent", arn: "arn:sp/agent",
                                      tags: [:], fields: ["description": "", "permissions": .strings([])], isDefault: true)]
        for (n, resource) in Projection.declaredFields(desired, flowContent: { FlowContentCanonicalizer.canonicalForm($0.text) }).enumerated() {
            var fields = resource.fields
            fields["password"] = nil
            resources.append(LiveResource(address: resource.address, id: "id-\(n)", arn: "arn:\(resource.address)",
                                          tags: [Ownership.stackTag: desired.stack], fields: fields))
        }
        return LiveState(resources: resources)
    }

    @Test func renameDoesNotMakeReferrersDiff() {
        let before = Self.desired(queue: "Helpdesk", hours: "Old Hours", profile: "Tier 1", renamed: false)
        let after = Self.desired(queue: "Sales", hours: "New Hours", profile: "Front Line", renamed: true)
        let result = Planner.plan(desired: after, live: Self.live(before), instance: Self.instance)
        #expect(result.diagnostics.isEmpty)
        #expect(result.plan.changes.map { "\($0.action) \($0.address)" } == [
            "rename hours.New Hours", "rename queue.Sales", "rename routingProfile.Front Line",
        ])
        // The renamed profile's queues fingerprint (over queue names) is rewritten along with the
        // rename (TagResource); a fingerprint that is only stale never makes a change of its own, and
        // a fingerprint tag is never shown as a field (issue #15: it is bookkeeping, not configuration).
        #expect(result.plan.changes.map { $0.fields.map(\.path) } == [["name"], ["name"], ["name"]])
        #expect(result.plan.changes.map(\.calls) == [["UpdateHoursOfOperation"], ["UpdateQueueName"], ["UpdateRoutingProfileName", "TagResource"]])
    }

    @Test func renamedFlowReferencedByQueueDoesNotDiff() {
        var before = Self.desired(queue: "Sales", hours: "H", profile: "P", renamed: false)
        before.flows = [Self.flow("Main IVR", queue: "Sales"), Self.flow("Old Whisper", queue: "Sales")]
        before.queues[0].outboundCallerId = OutboundCallerId(name: "Acme", flow: "Old Whisper")
        var after = before
        after.flows = [Self.flow("Main IVR", queue: "Sales"), Self.flow("Whisper", queue: "Sales", renamedFrom: ["Old Whisper"])]
        after.queues[0].outboundCallerId = OutboundCallerId(name: "Acme", flow: "Whisper")
        let result = Planner.plan(desired: after, live: Self.live(before), instance: Self.instance)
        #expect(result.plan.changes.map { "\($0.action) \($0.address)" } == ["rename flow.Whisper"])
    }

    @Test func createdUserListsPasswordOnce() {
        var desired = Self.desired(queue: "Q", hours: "H", profile: "P", renamed: false)
        let live = Self.live(desired)
        desired.users.append(User(username: "asmith", routingProfile: "P",
                                  securityProfiles: ["Agent"]) { $0.password = SensitiveValue("secret-Value-1") })
        let result = Planner.plan(desired: desired, live: live, instance: Self.instance)
        let create = result.plan.changes.first { $0.address == "user.asmith" }
        #expect(create?.fields.filter { $0.path == "password" }.count == 1)
        #expect(create?.fields.first { $0.path == "password" }?.after == .sensitive)
    }

    @Test func flowContentDiffIsActionLevel() {
        let before = FlowContentCanonicalizer.canonicalForm(
            #"{"Version":"2019-10-30","StartAction":"a","Actions":[{"Identifier":"a","Type":"MessageParticipant","Parameters":{"Text":"Hi","Loop":false,"N":2},"Transitions":{}},{"Identifier":"set-queue","Type":"UpdateContactTargetQueue","Parameters":{"QueueId":"${queue:A}"},"Transitions":{}}]}"#)
        let after = FlowContentCanonicalizer.canonicalForm(
            #"{"Version":"2019-10-30","StartAction":"a","Actions":[{"Identifier":"set-queue","Type":"UpdateContactTargetQueue","Parameters":{"QueueId":"${queue:B}"},"Transitions":{}},{"Identifier":"a","Type":"MessageParticipant","Parameters":{"Text":"Hi","Loop":true,"N":2},"Transitions":{}}]}"#)
        let changes = Differ.diff(before: ["content": .string(before.behaviour)], after: ["content": .string(after.behaviour)])
        #expect(changes.map(\.path) == [#"content.Actions.a.Parameters.Loop"#, #"content.Actions["set-queue"].Parameters.QueueId"#])
        #expect(changes.first?.before == .bool(false) && changes.first?.after == .bool(true))
        #expect(changes.allSatisfy { $0.topLevelField == "content" })
        // Content that is not a JSON object still diffs as a whole.
        #expect(Differ.diff(before: ["content": "x"], after: ["content": "y"]).map(\.path) == ["content"])
    }
}
