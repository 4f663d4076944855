import ConnectAPI
import ConnectHTTP
import Foundation
import PatchbayTestSupport
import Testing

/// Issue #5, "must show" 2: a change made behind Patchbay's back shows up as drift (exit 2,
/// exactly that field); apply repairs it with exactly the calls for it; plan is clean again.
@Suite struct DriftTests {
    @Test func driftIsDetectedAndRepaired() async throws {
        try await withEmulator { emu in
            let quickstart = Paths.quickstart.path
            let apply = try await patchbay(["apply", quickstart, "--auto-approve"] + emu.connectionArguments)
            try #require(apply.exitCode == 0, "\(apply)")

            // Behind Patchbay's back, through the API — more than the verified read's margin after
            // Patchbay's last write (a change within that second is its documented blind spot).
            try await Task.sleep(nanoseconds: 2_100_000_000)
            let c = emu.client, id = emu.instanceId
            let s = try await InstanceSnapshot.read(c, instanceId: id)
            let support = try #require(s.queue("Support")), weekend = try #require(s.queue("Weekend"))
            try await c.write(.updateQueueMaxContacts, ["InstanceId": id, "QueueId": support.QueueId!], ["MaxContacts": 7])
            let cjones = try #require(s.user("cjones")), agent = try #require(s.securityProfile("Agent"))
            try await c.write(.updateUserSecurityProfiles, ["InstanceId": id, "UserId": cjones.Id!], ["SecurityProfileIds": [agent.Id!]])
            let tier1 = try #require(s.routingProfile("Tier 1"))
            try await c.write(.updateRoutingProfileQueues, ["InstanceId": id, "RoutingProfileId": tier1.RoutingProfileId!], ["QueueConfigs": [
                RoutingProfileQueueConfig(QueueReference: RoutingProfileQueueReference(QueueId: weekend.QueueId!, Channel: .VOICE),
                                          Priority: 9, Delay: 30),
            ]])

            let plan = try await patchbay(["plan", quickstart, "--detailed-exitcode"] + emu.connectionArguments)
            #expect(plan.exitCode == 2, "\(plan)")
            #expect(plan.stdout.contains("maxContacts"), "\(plan)")
            #expect(plan.stdout.contains("0 to create, 3 to update, 0 to delete"), "\(plan)")

            let json = try await patchbay(["plan", quickstart, "--format", "json", "--detailed-exitcode"] + emu.connectionArguments)
            #expect(json.exitCode == 2, "\(json)")
            let doc = try PlanJSON.parse(json.stdout)
            #expect(doc.changes.map(\.address).sorted() == ["queue.Support", "routingProfile.Tier 1", "user.cjones"])
            #expect(doc.change("queue.Support")?.paths == ["maxContacts"])
            #expect(doc.change("queue.Support")?.calls == ["UpdateQueueMaxContacts"])
            #expect(doc.change("user.cjones")?.paths == ["securityProfiles"])
            // Every write to a fingerprinted resource ends with its stamped fingerprint tag.
            #expect(doc.change("user.cjones")?.calls == ["UpdateUserSecurityProfiles", "TagResource"])
            let rpPaths = doc.change("routingProfile.Tier 1")?.paths ?? []
            #expect(rpPaths.count == 1 && rpPaths.allSatisfy { $0.contains("Weekend") && $0.contains("priority") }, "\(rpPaths)")
            #expect(doc.change("routingProfile.Tier 1")?.calls == ["UpdateRoutingProfileQueues", "TagResource"])
            #expect(doc.changes.allSatisfy { $0.action == "update" })

            let mark = try emu.requests().count
            let repair = try await patchbay(["apply", quickstart, "--auto-approve"] + emu.connectionArguments)
            #expect(repair.exitCode == 0, "\(repair)")
            #expect(try emu.writes(since: mark).sorted() == ["TagResource", "TagResource", "UpdateQueueMaxContacts", "UpdateRoutingProfileQueues", "UpdateUserSecurityProfiles"])

            let after = try await patchbay(["plan", quickstart, "--detailed-exitcode"] + emu.connectionArguments)
            #expect(after.exitCode == 0, "\(after)")
            #expect(after.stdout.contains("No changes"), "\(after)")
            let q = try await c.describe(Queue.self, instanceId: id, id: support.QueueId!)
            #expect(q.MaxContacts == 50)
        }
    }
}
