import Foundation
import PatchbayTestSupport
import Testing

/// Connect takes at most 10 queue configs per routing-profile call: the planner splits, the
/// emulator enforces the limit, and the plan names every call.
@Suite struct BatchLimitTests {
    static func manifest(priority: Int) -> String {
        var yaml = "stack: batches\nqueues:\n"
        for q in 1...12 { yaml += "  Q\(q): { hoursOfOperation: Basic Hours }\n" }
        yaml += "routingProfiles:\n  Wide:\n    description: twelve queues\n    defaultOutboundQueue: Q1\n"
        yaml += "    concurrency: { voice: 1, chat: 2 }\n    queues:\n"
        for q in 1...12 { yaml += "      - { queue: Q\(q), channels: [voice, chat], priority: \(priority) }\n" }
        return yaml
    }

    @Test func routingProfileQueueConfigsAreSplitAtTen() async throws {
        try await withEmulator { emu in
            let dir = try TempDir()
            let path = dir.path("patchbay.yaml")
            try Self.manifest(priority: 1).write(toFile: path, atomically: true, encoding: .utf8)
            let json = try await patchbay(["plan", path, "--format", "json"] + emu.connectionArguments)
            let doc = try PlanJSON.parse(json.stdout)
            // 24 configs (12 queues × 2 channels): 10 on create, then 10 and 4.
            // … and the fingerprint re-stamped after the last association.
            #expect(doc.change("routingProfile.Wide")?.calls == ["CreateRoutingProfile", "AssociateRoutingProfileQueues",
                                                               "AssociateRoutingProfileQueues", "TagResource"])
            var mark = try emu.requests().count
            let apply = try await patchbay(["apply", path, "--auto-approve"] + emu.connectionArguments)
            #expect(apply.exitCode == 0, "\(apply)")
            #expect(try emu.writes(since: mark).filter { $0.contains("RoutingProfile") }
                    == ["AssociateRoutingProfileQueues", "AssociateRoutingProfileQueues", "CreateRoutingProfile"])

            try Self.manifest(priority: 4).write(toFile: path, atomically: true, encoding: .utf8)
            mark = try emu.requests().count
            let update = try await patchbay(["apply", path, "--auto-approve"] + emu.connectionArguments)
            #expect(update.exitCode == 0, "\(update)")
            // Plus one TagResource: the queue-config fingerprint, stamped with the time of the write.
            #expect(try emu.writes(since: mark) == ["TagResource"] + Array(repeating: "UpdateRoutingProfileQueues", count: 3))
            let plan = try await patchbay(["plan", path, "--detailed-exitcode"] + emu.connectionArguments)
            #expect(plan.exitCode == 0, "\(plan)")
        }
    }
}
