import Foundation
import PatchbayTestSupport
import Testing

/// Issue #13 "must show": a SAVED flow's content update applies (UpdateContactFlowContent on
/// `id:$SAVED`) and re-plans to exit 0, on an emulator that keeps SAVED and PUBLISHED content apart.
@Suite struct SavedFlowTests {
    @Test func savedFlowContentUpdateConverges() async throws {
        try await withEmulator { emu in
            let dir = try TempDir()
            let manifests = try dir.copy(Paths.quickstart, as: "quickstart")
            let routing = manifests.appendingPathComponent("routing.yaml")
            try edit(routing, "    content: flows/main-ivr.json\n    status: PUBLISHED", "    content: flows/main-ivr.json\n    status: SAVED")
            let first = try await patchbay(["apply", manifests.path, "--auto-approve"] + emu.connectionArguments)
            try #require(first.exitCode == 0, "\(first)")
            let settled = try await patchbay(["plan", manifests.path, "--detailed-exitcode"] + emu.connectionArguments)
            #expect(settled.exitCode == 0, "\(settled)")

            try edit(manifests.appendingPathComponent("flows/main-ivr.json"), "Thanks for calling Acme support.",
                     "Thank you for calling Acme support.")
            let mark = try emu.requests().count
            let apply = try await patchbay(["apply", manifests.path, "--auto-approve"] + emu.connectionArguments)
            #expect(apply.exitCode == 0, "\(apply)")
            #expect(try emu.writes(since: mark) == ["UpdateContactFlowContent"])
            let plan = try await patchbay(["plan", manifests.path, "--detailed-exitcode"] + emu.connectionArguments)
            #expect(plan.exitCode == 0, "\(plan)")
        }
    }
}
