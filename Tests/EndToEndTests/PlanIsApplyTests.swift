import Foundation
import PatchbayTestSupport
import Testing

/// Issue #9, "must show": a plan lists exactly the calls apply makes. For an apply with creates,
/// updates (a field, batches, a rename, a user re-assigned, routing-profile queue changes) and
/// prune, the write operations the emulator logs equal, as a multiset, the calls of
/// `plan --format json`.
@Suite struct PlanIsApplyTests {
    static func extraQueues(_ names: [String]) -> String {
        names.map { "  \($0):\n    hoursOfOperation: Business Hours\n" }.joined()
    }

    static func profileQueues(_ names: [String]) -> String {
        names.map { "      - { queue: \($0), channels: [voice] }\n" }.joined()
    }

    /// Plans (JSON) and applies the manifests, and compares the plan's calls with the writes.
    func planThenApply(_ manifests: URL, _ emu: TestEmulator, prune: Bool = false,
                       sourceLocation: SourceLocation = #_sourceLocation) async throws -> [String] {
        let extra = prune ? ["--prune"] : []
        let json = try await patchbay(["plan", manifests.path, "--format", "json"] + extra + emu.connectionArguments)
        try #require(json.exitCode == 0, "\(json)", sourceLocation: sourceLocation)
        let planned = try PlanJSON.parse(json.stdout).changes.flatMap { $0.calls ?? [] }
            .map { String($0.prefix { $0 != " " }) }.sorted()  // `CreateContactFlow (placeholder)`, `PutObject (file)`
        let mark = try emu.requests().count
        let apply = try await patchbay(["apply", manifests.path, "--auto-approve"] + extra + emu.connectionArguments)
        #expect(apply.exitCode == 0, "\(apply)", sourceLocation: sourceLocation)
        let writes = try emu.requests(since: mark).filter(\.isWrite)
        #expect(writes.allSatisfy { $0.status == 200 }, "\(writes)", sourceLocation: sourceLocation)
        #expect(writes.map(\.operation).sorted() == planned, sourceLocation: sourceLocation)
        return planned
    }

    @Test func writesEqualThePlannedCalls() async throws {
        try await withEmulator { emu in
            let dir = try TempDir()
            let manifests = try dir.copy(Paths.quickstart, as: "quickstart")
            let many = (1...12).map { String(format: "Q%02d", $0) }
            try ("queues:\n" + Self.extraQueues(many + ["Temp Queue"])
                 + "routingProfiles:\n  Overflow:\n    description: Many queues\n    defaultOutboundQueue: Q01\n"
                 + "    concurrency: { voice: 1 }\n    queues:\n" + Self.profileQueues(many))
                .write(to: manifests.appendingPathComponent("extra.yaml"), atomically: true, encoding: .utf8)

            let creates = try await planThenApply(manifests, emu)
            // 12 queue configs: the create takes 10, one Associate the other 2.
            #expect(creates.filter { $0 == "AssociateRoutingProfileQueues" }.count == 1)
            #expect(creates.contains("CreateUser") && creates.contains("UpdateUserHierarchyStructure"))

            let main = manifests.appendingPathComponent("patchbay.yaml"), routing = manifests.appendingPathComponent("routing.yaml")
            let extraFile = manifests.appendingPathComponent("extra.yaml")
            try edit(main, "maxContacts: 50", "maxContacts: 60")                                   // a field
            try edit(main, "  Weekend:\n    hoursOfOperation: Weekend Hours",                        // a rename
                     "  Weekend Overflow:\n    renamedFrom: [Weekend]\n    hoursOfOperation: Weekend Hours")
            try edit(routing, "{ queue: Weekend, channels", "{ queue: Weekend Overflow, channels")
            try edit(routing, "{ queue: Support, channels: [voice, chat], priority: 1, delay: 0 }",  // priority
                     "{ queue: Support, channels: [voice, chat], priority: 2, delay: 0 }")
            try edit(manifests.appendingPathComponent("people.yaml"), "routingProfile: Tier 1",      // a user re-assigned
                     "routingProfile: Billing Specialists")
            let more = (1...11).map { String(format: "R%02d", $0) }                                 // batches on update
            try edit(extraFile, "  Temp Queue:\n    hoursOfOperation: Business Hours\n", Self.extraQueues(more))  // prune
            try edit(extraFile, Self.profileQueues(["Q12"]), Self.profileQueues(more))

            let changes = try await planThenApply(manifests, emu, prune: true)
            #expect(changes.filter { $0 == "AssociateRoutingProfileQueues" }.count == 2)
            #expect(changes.contains("DisassociateRoutingProfileQueues"))
            #expect(changes.contains("UpdateRoutingProfileQueues") && changes.contains("UpdateUserRoutingProfile"))
            #expect(changes.contains("UpdateQueueName") && changes.contains("UpdateQueueMaxContacts"))
            #expect(changes.contains("DeleteQueue"))

            let plan = try await patchbay(["plan", manifests.path, "--detailed-exitcode"] + emu.connectionArguments)
            #expect(plan.exitCode == 0, "\(plan)")
        }
    }
}
