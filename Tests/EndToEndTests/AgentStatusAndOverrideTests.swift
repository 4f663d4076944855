import ConnectAPI
import Foundation
import PatchbayTestSupport
import Testing

/// Issue #10, items 3 and 4: agent statuses and hours-of-operation overrides, end to end on the
/// emulator. The quickstart (a Christmas override, a Lunch status) plus a second override and a
/// second status apply into an empty instance with exactly the planned calls, converge, and a
/// change made to each through the client is reported (exit 2, its address and field) and
/// repaired; then overrides are added, changed and removed with one call each, and prune
/// disables an agent status instead of deleting it (Connect cannot), and says so.
@Suite struct AgentStatusAndOverrideTests {
    static let lateFriday = """
          Late Friday: { from: "2026-11-27", to: "2026-11-27", type: OPEN, schedule: { friday: "08:00-22:00" } }

    """

    func overrides(_ emu: TestEmulator, hours: String) async throws -> [String: HoursOfOperationOverride] {
        let s = try await InstanceSnapshot.read(emu.client, instanceId: emu.instanceId)
        let id = try #require(s.hours(hours)?.HoursOfOperationId)
        let list = try await emu.client.pages(ListRequest<Listings.HoursOfOperationOverrides>(instanceId: emu.instanceId, parentId: id))
            .items.collect()
        return Dictionary(uniqueKeysWithValues: list.compactMap { o in o.Name.map { ($0, o) } })
    }

    func statuses(_ emu: TestEmulator) async throws -> [String: ConnectAPI.AgentStatus] {
        let all = try await emu.client.pages(SearchRequest<ConnectAPI.AgentStatus>(instanceId: emu.instanceId)).items.collect()
        return Dictionary(uniqueKeysWithValues: all.compactMap { s in s.Name.map { ($0, s) } })
    }

    @Test func applyConvergeDriftRepairAndPrune() async throws {
        try await withEmulator { emu in
            let dir = try TempDir()
            let manifests = try dir.copy(Paths.quickstart, as: "quickstart")
            let main = manifests.appendingPathComponent("patchbay.yaml")
            try edit(main, "description: Closed for Christmas }\n", "description: Closed for Christmas }\n" + Self.lateFriday)
            try edit(main, "  Lunch: { description: Lunch break, displayOrder: 3 }\n",
                     "  Lunch: { description: Lunch break, displayOrder: 3 }\n  Training: { state: DISABLED }\n")

            // Into an empty instance: the plan's calls are the writes.
            let creates = try await PlanIsApplyTests().planThenApply(manifests, emu)
            #expect(creates.filter { $0 == "CreateHoursOfOperationOverride" }.count == 2)
            #expect(creates.filter { $0 == "CreateAgentStatus" }.count == 2)
            var held = try await overrides(emu, hours: "Business Hours")
            #expect(held.keys.sorted() == ["Christmas", "Late Friday"])
            #expect(held["Christmas"]?.EffectiveFrom == "2026-12-25" && held["Christmas"]?.EffectiveTill == "2026-12-26")
            #expect(held["Christmas"]?.OverrideType == "CLOSED" && held["Christmas"]?.Config == [])
            #expect(held["Christmas"]?.Description == "Closed for Christmas")
            let late = held["Late Friday"]?.Config?.map { "\($0.Day.rawValue) \($0.StartTime.Hours)-\($0.EndTime.Hours)" }
            #expect(held["Late Friday"]?.OverrideType == "OPEN" && late == ["FRIDAY 8-22"])
            var live = try await statuses(emu)
            #expect(live["Lunch"]?.Description == "Lunch break" && live["Lunch"]?.DisplayOrder == 3 && live["Lunch"]?.State == "ENABLED")
            #expect(live["Training"]?.State == "DISABLED" && live["Training"]?.`Type` == "CUSTOM")
            #expect(live["Lunch"]?.Tags?["patchbay:stack"] == "acme-quickstart")
            let clean = try await patchbay(["plan", manifests.path, "--detailed-exitcode"] + emu.connectionArguments)
            #expect(clean.exitCode == 0 && clean.stdout.contains("No changes"), "\(clean)")

            // By hand, through the client: one field of each.
            let c = emu.client, id = emu.instanceId
            let business = try #require(try await InstanceSnapshot.read(c, instanceId: id).hours("Business Hours")?.HoursOfOperationId)
            let christmas = try #require(held["Christmas"]?.HoursOfOperationOverrideId)
            try await c.write(.updateHoursOfOperationOverride,
                              ["InstanceId": id, "HoursOfOperationId": business, "HoursOfOperationOverrideId": christmas],
                              ["EffectiveTill": "2026-12-27"])
            try await c.write(.updateAgentStatus, ["InstanceId": id, "AgentStatusId": try #require(live["Lunch"]?.AgentStatusId)],
                              ["Description": "Long lunch"])
            let drift = try await patchbay(["plan", manifests.path, "--format", "json", "--detailed-exitcode"] + emu.connectionArguments)
            #expect(drift.exitCode == 2, "\(drift)")
            let doc = try PlanJSON.parse(drift.stdout)
            #expect(doc.changes.map(\.address).sorted() == ["agentStatus.Lunch", "hours.Business Hours"])
            #expect(doc.change("hours.Business Hours")?.paths == ["overrides.Christmas.to"])
            #expect(doc.change("hours.Business Hours")?.calls == ["UpdateHoursOfOperationOverride"])
            #expect(doc.change("agentStatus.Lunch")?.paths == ["description"])
            #expect(doc.change("agentStatus.Lunch")?.calls == ["UpdateAgentStatus"])
            var mark = try emu.requests().count
            let repair = try await patchbay(["apply", manifests.path, "--auto-approve"] + emu.connectionArguments)
            #expect(repair.exitCode == 0, "\(repair)")
            #expect(try emu.writes(since: mark) == ["UpdateAgentStatus", "UpdateHoursOfOperationOverride"])
            held = try await overrides(emu, hours: "Business Hours")
            #expect(held["Christmas"]?.EffectiveTill == "2026-12-26" && held["Christmas"]?.HoursOfOperationOverrideId == christmas)
            #expect(try await statuses(emu)["Lunch"]?.Description == "Lunch break")

            // One call per override: Late Friday removed, New Year added, Christmas's description dropped
            // (delete and create: an update cannot clear it); Lunch and Training no longer declared.
            try edit(main, Self.lateFriday, "      New Year: { from: \"2027-01-01\", to: \"2027-01-01\", type: CLOSED }\n")
            try edit(main, ", description: Closed for Christmas }", " }")
            try edit(main, "  Lunch: { description: Lunch break, displayOrder: 3 }\n  Training: { state: DISABLED }\n", "  {}\n")
            let text = try await patchbay(["plan", manifests.path, "--prune"] + emu.connectionArguments)
            #expect(text.stdout.contains("Connect cannot delete agent statuses: prune disables it"), "\(text)")
            let changes = try await PlanIsApplyTests().planThenApply(manifests, emu, prune: true)
            #expect(changes.sorted() == ["CreateHoursOfOperationOverride", "CreateHoursOfOperationOverride",
                                         "DeleteHoursOfOperationOverride", "DeleteHoursOfOperationOverride", "UpdateAgentStatus"])
            held = try await overrides(emu, hours: "Business Hours")
            #expect(held.keys.sorted() == ["Christmas", "New Year"] && held["Christmas"]?.Description == nil)
            live = try await statuses(emu)
            #expect(live["Lunch"]?.State == "DISABLED" && live["Training"]?.State == "DISABLED")
            mark = try emu.requests().count
            let after = try await patchbay(["plan", manifests.path, "--prune", "--detailed-exitcode"] + emu.connectionArguments)
            #expect(after.exitCode == 0 && after.stdout.contains("No changes"), "\(after)")
            #expect(try emu.writes(since: mark).isEmpty)
        }
    }
}
