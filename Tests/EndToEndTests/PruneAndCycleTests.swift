import ConnectAPI
import ConnectHTTP
import Foundation
import PatchbayTestSupport
import Testing

/// Issue #5, "must show" 3: prune deletes only what it should and never a default; a flow ↔
/// queue cycle applies in one run.
@Suite struct PruneAndCycleTests {
    static let full = """
        stack: prune-test
        hoursOfOperation:
          Night Hours: { timeZone: UTC, schedule: { monday: "00:00-06:00" } }
        queues:
          Keep: { hoursOfOperation: Basic Hours }
          Drop: { hoursOfOperation: Night Hours, description: to be pruned }
        routingProfiles:
          Night Shift:
            description: nights
            defaultOutboundQueue: Drop
            concurrency: { voice: 1 }
            queues: [ { queue: Drop, channels: [voice], priority: 1 } ]
        securityProfiles:
          Night Lead: { permissions: [BasicAgentAccess] }
        userHierarchy:
          levels: [Site]
          groups: { Night Site: {} }
        users:
          nightowl:
            firstName: Night
            lastName: Owl
            routingProfile: Night Shift
            securityProfiles: [Night Lead]
            hierarchyGroup: Night Site

        """

    static let reduced = """
        stack: prune-test
        userHierarchy:
          levels: [Site]
        queues:
          Keep: { hoursOfOperation: Basic Hours }

        """

    @Test func pruneDeletesOnlyThisStacksUndeclaredResources() async throws {
        try await withEmulator { emu in
            let dir = try TempDir()
            let manifest = dir.path("patchbay.yaml")
            try Self.full.write(toFile: manifest, atomically: true, encoding: .utf8)
            let first = try await patchbay(["apply", manifest, "--auto-approve"] + emu.connectionArguments)
            try #require(first.exitCode == 0, "\(first)")

            // Made by hand: untagged, another stack's, this stack's (tag added by hand), and a
            // default tagged as this stack's.
            let c = emu.client, id = emu.instanceId
            let s0 = try await InstanceSnapshot.read(c, instanceId: id)
            let basicHours = try #require(s0.hours("Basic Hours")?.HoursOfOperationId)
            _ = try await c.write(.createQueue, ["InstanceId": id], CreateQueueRequest(Name: "Untagged", HoursOfOperationId: basicHours))
            _ = try await c.write(.createQueue, ["InstanceId": id], CreateQueueRequest(Name: "Theirs", HoursOfOperationId: basicHours,
                                                                           Tags: ["patchbay:stack": "other-stack"]))
            _ = try await c.write(.createQueue, ["InstanceId": id], CreateQueueRequest(Name: "Stray", HoursOfOperationId: basicHours,
                                                                           Tags: ["patchbay:stack": "prune-test"]))
            let basicQueue = try #require(s0.queue("BasicQueue")?.QueueArn)
            try await c.write(.tagResource, ["resourceArn": basicQueue], ["tags": ["patchbay:stack": "prune-test"]])
            let agentArn = try #require(s0.securityProfile("Agent")?.Arn)
            try await c.write(.tagResource, ["resourceArn": agentArn], ["tags": ["patchbay:stack": "prune-test"]])

            try Self.reduced.write(toFile: manifest, atomically: true, encoding: .utf8)

            // Without --prune nothing is deleted; the plan says what is kept.
            let keep = try await patchbay(["plan", manifest, "--detailed-exitcode"] + emu.connectionArguments)
            #expect(keep.exitCode == 0, "\(keep)")
            #expect(keep.stdout.contains("no longer declared and will be kept"), "\(keep)")
            var mark = try emu.requests().count
            let applyNoPrune = try await patchbay(["apply", manifest, "--auto-approve"] + emu.connectionArguments)
            #expect(applyNoPrune.exitCode == 0, "\(applyNoPrune)")
            #expect(try emu.writes(since: mark) == [])

            let json = try await patchbay(["plan", manifest, "--prune", "--format", "json"] + emu.connectionArguments)
            #expect(json.exitCode == 0, "\(json)")
            let doc = try PlanJSON.parse(json.stdout)
            let expected = ["hierarchyGroup.Night Site", "hours.Night Hours", "queue.Drop", "queue.Stray",
                            "routingProfile.Night Shift", "securityProfile.Night Lead", "user.nightowl"]
            #expect(doc.changes.map(\.address).sorted() == expected)
            #expect(doc.changes.allSatisfy { $0.action == "delete" })
            // Dependents first: the user before its routing profile, security profile and group; the
            // routing profile before its queue; the queue before its hours.
            let order = doc.changes.map(\.address)
            func before(_ a: String, _ b: String) -> Bool { (order.firstIndex(of: a) ?? .max) < (order.firstIndex(of: b) ?? -1) }
            #expect(before("user.nightowl", "routingProfile.Night Shift"))
            #expect(before("user.nightowl", "securityProfile.Night Lead"))
            #expect(before("user.nightowl", "hierarchyGroup.Night Site"))
            #expect(before("routingProfile.Night Shift", "queue.Drop"))
            #expect(before("queue.Drop", "hours.Night Hours"))

            mark = try emu.requests().count
            let prune = try await patchbay(["apply", manifest, "--prune", "--auto-approve"] + emu.connectionArguments)
            #expect(prune.exitCode == 0, "\(prune)")
            #expect(try emu.writes(since: mark) == ["DeleteHoursOfOperation", "DeleteQueue", "DeleteQueue", "DeleteRoutingProfile",
                                                    "DeleteSecurityProfile", "DeleteUser", "DeleteUserHierarchyGroup"])
            let s = try await InstanceSnapshot.read(c, instanceId: id)
            #expect(Set(s.queues.compactMap(\.Name)) == ["BasicQueue", "Keep", "Untagged", "Theirs"])
            #expect(s.securityProfile("Agent") != nil)
            #expect(s.routingProfile("Night Shift") == nil && s.user("nightowl") == nil && s.group("Night Site") == nil)
            #expect(s.user("admin") != nil)

            let after = try await patchbay(["plan", manifest, "--prune", "--detailed-exitcode"] + emu.connectionArguments)
            #expect(after.exitCode == 0, "\(after)")
        }
    }

    @Test func flowQueueCycleAppliesInOneRun() async throws {
        try await withEmulator { emu in
            let fixture = Paths.fixtures.appendingPathComponent("cycle").path
            try await emu.claimPhoneNumber("+15550142")  // the queue's outbound caller id
            let plan = try await patchbay(["plan", fixture, "--format", "json"] + emu.connectionArguments)
            #expect(plan.exitCode == 0, "\(plan)")
            let doc = try PlanJSON.parse(plan.stdout)
            #expect(doc.changes.map(\.address) == ["flow.Callback Whisper", "queue.Callbacks"])
            #expect(doc.change("flow.Callback Whisper")?.calls == ["CreateContactFlow (placeholder)", "UpdateContactFlowContent"])

            let mark = try emu.requests().count
            let apply = try await patchbay(["apply", fixture, "--auto-approve"] + emu.connectionArguments)
            #expect(apply.exitCode == 0, "\(apply)")
            #expect(try emu.writes(since: mark) == ["CreateContactFlow", "CreateQueue", "UpdateContactFlowContent"])

            let s = try await InstanceSnapshot.read(emu.client, instanceId: emu.instanceId)
            let queue = try #require(s.queue("Callbacks"))
            let flow = try #require(s.flow("Callback Whisper"))
            #expect(queue.OutboundCallerConfig?.OutboundFlowId == flow.Id)
            let described = try await emu.client.describe(ContactFlow.self, instanceId: emu.instanceId, id: flow.Id!)
            #expect(described.Content?.contains(queue.QueueArn!) == true, "\(described.Content ?? "")")

            let again = try await patchbay(["plan", fixture, "--detailed-exitcode"] + emu.connectionArguments)
            #expect(again.exitCode == 0, "\(again)")
        }
    }

    /// Pruning both sides of the flow <-> queue cycle: the queue refers to the flow (outbound
    /// whisper) and the flow's content to the queue.
    @Test func pruneBothSidesOfTheCycle() async throws {
        try await withEmulator { emu in
            let fixture = Paths.fixtures.appendingPathComponent("cycle").path
            try await emu.claimPhoneNumber("+15550142")  // the queue's outbound caller id
            let apply = try await patchbay(["apply", fixture, "--auto-approve"] + emu.connectionArguments)
            try #require(apply.exitCode == 0, "\(apply)")
            let dir = try TempDir()
            let empty = dir.path("patchbay.yaml")
            try "stack: cycle-test\n".write(toFile: empty, atomically: true, encoding: .utf8)
            let mark = try emu.requests().count
            let prune = try await patchbay(["apply", empty, "--prune", "--auto-approve"] + emu.connectionArguments)
            #expect(prune.exitCode == 0, "\(prune)")
            #expect(try emu.writes(since: mark).filter { $0.hasPrefix("Delete") } == ["DeleteContactFlow", "DeleteQueue"])
            let s = try await InstanceSnapshot.read(emu.client, instanceId: emu.instanceId)
            #expect(s.queue("Callbacks") == nil && s.flow("Callback Whisper") == nil)
        }
    }
}
