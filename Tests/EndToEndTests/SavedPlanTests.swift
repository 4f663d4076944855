import ConnectAPI
import ConnectHTTP
import Foundation
import PatchbayTestSupport
import Testing

/// Issue #5 item 7: `plan --out` then `apply --plan`, refused when the instance changed or the
/// file was edited.
@Suite struct SavedPlanTests {
    @Test func savedPlanApplies() async throws {
        try await withEmulator { emu in
            let dir = try TempDir()
            let planFile = dir.path("p.json")
            let plan = try await patchbay(["plan", Paths.quickstart.path, "--out", planFile] + emu.connectionArguments)
            #expect(plan.exitCode == 0, "\(plan)")
            #expect(plan.stderr.contains("Saved the plan to \(planFile)"), "\(plan)")
            #expect(try emu.writes(since: 0) == [], "plan must not write")

            let apply = try await patchbay(["apply", "--plan", planFile, "--auto-approve"] + emu.connectionArguments)
            #expect(apply.exitCode == 0, "\(apply)")
            #expect(apply.stderr.contains("Apply complete!"), "\(apply)")
            let after = try await patchbay(["plan", Paths.quickstart.path, "--detailed-exitcode"] + emu.connectionArguments)
            #expect(after.exitCode == 0, "\(after)")
        }
    }

    @Test func savedPlanWithoutAutoApproveIsAcceptedWithoutATerminal() async throws {
        try await withEmulator { emu in
            let dir = try TempDir()
            let planFile = dir.path("p.json")
            let plan = try await patchbay(["plan", Paths.quickstart.path, "--out", planFile] + emu.connectionArguments)
            try #require(plan.exitCode == 0, "\(plan)")
            // design.md §2: without a terminal apply refuses "unless --auto-approve or --plan is given".
            let apply = try await patchbay(["apply", "--plan", planFile] + emu.connectionArguments)
            #expect(apply.exitCode == 0, "\(apply)")
        }
    }

    @Test func savedPlanRefusedWhenInstanceChanged() async throws {
        try await withEmulator { emu in
            let dir = try TempDir()
            let first = try await patchbay(["apply", Paths.quickstart.path, "--auto-approve"] + emu.connectionArguments)
            try #require(first.exitCode == 0, "\(first)")
            let manifests = try dir.copy(Paths.quickstart, as: "m")
            try edit(manifests.appendingPathComponent("patchbay.yaml"), "maxContacts: 50", "maxContacts: 60")
            let planFile = dir.path("p.json")
            let plan = try await patchbay(["plan", manifests.path, "--out", planFile] + emu.connectionArguments)
            try #require(plan.exitCode == 0, "\(plan)")

            // Someone changes the instance in between (a field the plan does not even touch).
            let s = try await InstanceSnapshot.read(emu.client, instanceId: emu.instanceId)
            try await emu.client.write(.updateQueueMaxContacts, ["InstanceId": emu.instanceId, "QueueId": s.queue("Weekend")!.QueueId!], ["MaxContacts": 11])
            let mark = try emu.requests().count
            let apply = try await patchbay(["apply", "--plan", planFile, "--auto-approve"] + emu.connectionArguments)
            #expect(apply.exitCode == 1, "\(apply)")
            #expect(apply.stderr.contains("changed"), "\(apply)")
            #expect(!apply.stderr.contains("Apply complete"), "\(apply)")
            #expect(try emu.writes(since: mark) == [])
        }
    }

    @Test func savedPlanRefusedWhenEdited() async throws {
        try await withEmulator { emu in
            let dir = try TempDir()
            let planFile = dir.path("p.json")
            let plan = try await patchbay(["plan", Paths.quickstart.path, "--out", planFile] + emu.connectionArguments)
            try #require(plan.exitCode == 0, "\(plan)")
            var text = try String(contentsOfFile: planFile, encoding: .utf8)
            #expect(text.contains("\"after\" : 50") || text.contains("\"after\":50") || text.contains("50"))
            text = text.replacingOnce("Weekday support", with: "Weekend support")
            try text.write(toFile: planFile, atomically: true, encoding: .utf8)

            let apply = try await patchbay(["apply", "--plan", planFile, "--auto-approve"] + emu.connectionArguments)
            #expect(apply.exitCode == 1, "\(apply)")
            #expect(apply.stderr.contains("edited"), "\(apply)")
            #expect(try emu.writes(since: 0) == [])
        }
    }
}

extension SavedPlanTests {
    /// `plan . --out` in the manifests' directory, `apply --plan` from elsewhere: the saved plan
    /// must name its manifests so that they are found again (it used to store "." and apply
    /// then loaded manifests from wherever it was run — from `/`, the whole file system).
    @Test func savedPlanFromRelativePathAppliesFromAnotherDirectory() async throws {
        try await withEmulator { emu in
            let dir = try TempDir()
            let manifests = try dir.copy(Paths.quickstart, as: "m")
            let elsewhere = dir.url.appendingPathComponent("elsewhere")
            try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
            let plan = try await patchbay(["plan", ".", "--out", "../p.json"] + emu.connectionArguments, in: manifests)
            try #require(plan.exitCode == 0, "\(plan)")
            let apply = try await patchbay(["apply", "--plan", dir.path("p.json"), "--auto-approve"] + emu.connectionArguments,
                                           in: elsewhere, timeout: 60)
            #expect(apply.exitCode == 0, "\(apply)")
            #expect(apply.stderr.contains("Apply complete!"), "\(apply)")
        }
    }
}
