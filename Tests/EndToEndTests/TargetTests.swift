import Foundation
import PatchbayTestSupport
import Testing

/// Issue #15 item 5: `--target ADDRESS` plans and applies only that resource and what it needs,
/// and says loudly that the plan is partial.
@Suite struct TargetTests {
    @Test func targetPlansOnlyThatAndWhatItNeeds() async throws {
        try await withEmulator { emu in
            let dir = try TempDir()
            let manifests = try dir.copy(Paths.quickstart, as: "quickstart")
            let first = try await patchbay(["apply", manifests.path, "--auto-approve"] + emu.connectionArguments)
            try #require(first.exitCode == 0, "\(first)")
            let main = manifests.appendingPathComponent("patchbay.yaml")
            try edit(main, "maxContacts: 50", "maxContacts: 60")                            // queue.Support
            try edit(main, "maxContacts: 10", "maxContacts: 11")                            // queue.Weekend
            // Support now uses new hours: the target needs their creation too.
            try edit(main, "hoursOfOperation:\n", "hoursOfOperation:\n  Late Hours:\n    timeZone: Europe/London\n")
            try edit(main, "  Support:\n    hoursOfOperation: Business Hours", "  Support:\n    hoursOfOperation: Late Hours")

            let json = try await patchbay(["plan", manifests.path, "--target", "queue.Support", "--format", "json"] + emu.connectionArguments)
            #expect(json.exitCode == 0, "\(json)")
            #expect(try PlanJSON.parse(json.stdout).changes.map(\.address) == ["hours.Late Hours", "queue.Support"])
            #expect(json.stderr.contains("--target: this plan is partial; 1 other change is not planned"), "\(json.stderr)")

            let mark = try emu.requests().count
            let apply = try await patchbay(["apply", manifests.path, "--target", "queue.Support", "--auto-approve"] + emu.connectionArguments)
            #expect(apply.exitCode == 0, "\(apply)")
            #expect(try emu.writes(since: mark) == ["CreateHoursOfOperation", "UpdateQueueHoursOfOperation", "UpdateQueueMaxContacts"])
            let rest = try await patchbay(["plan", manifests.path, "--format", "json"] + emu.connectionArguments)
            #expect(try PlanJSON.parse(rest.stdout).changes.map(\.address) == ["queue.Weekend"])

            let bad = try await patchbay(["plan", manifests.path, "--target", "Support"] + emu.connectionArguments)
            #expect(bad.exitCode == 1 && bad.stderr.contains("--target takes a resource address such as queue.Support"), "\(bad)")
        }
    }
}
