import Foundation
import PatchbayTestSupport
import Testing

/// Issue #15 item 4: a pruned user is listed with its e-mail (with `--prune`, this stack's
/// undeclared resources are read in full, so a delete shows what it removes).
@Suite struct PruneListingTests {
    @Test func deletedUserShowsItsEmail() async throws {
        try await withEmulator { emu in
            let dir = try TempDir()
            let manifests = try dir.copy(Paths.quickstart, as: "quickstart")
            let first = try await patchbay(["apply", manifests.path, "--auto-approve"] + emu.connectionArguments)
            try #require(first.exitCode == 0, "\(first)")
            try edit(manifests.appendingPathComponent("people.yaml"),
                     "  asmith:\n    firstName: Alex\n    lastName: Smith\n    email: alex.smith@example.com\n    routingProfile: Tier 1\n    securityProfiles: [Agent]\n    hierarchyGroup: Americas/Austin\n", "")
            let plan = try await patchbay(["plan", manifests.path, "--prune", "--format", "json"] + emu.connectionArguments)
            #expect(plan.exitCode == 0, "\(plan)")
            let delete = try #require(try PlanJSON.parse(plan.stdout).change("user.asmith"))
            #expect(delete.action == "delete")
            #expect(delete.paths.contains("email"), "\(delete.paths)")
            #expect(plan.stdout.contains("alex.smith@example.com"))
        }
    }
}
