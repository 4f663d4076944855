import Foundation
import PatchbayTestSupport
import Testing

/// Issue #16 item 3: once adopted, the instance's `admin` user is not pruned when the manifests
/// drop it, unless named with `--allow-prune`; the plan says why.
@Suite struct AdminPruneTests {
    @Test func adoptedAdminIsKeptUnlessAllowed() async throws {
        try await withEmulator { emu in
            let dir = try TempDir()
            let manifests = try dir.copy(Paths.quickstart, as: "quickstart")
            let people = manifests.appendingPathComponent("people.yaml")
            let admin = "  admin:\n    routingProfile: Basic Routing Profile\n    securityProfiles: [Admin]\n"
            try edit(people, "users:\n", "users:\n" + admin)
            let adopt = try await patchbay(["apply", manifests.path, "--auto-approve"] + emu.connectionArguments)
            try #require(adopt.exitCode == 0, "\(adopt)")

            try edit(people, admin, "")
            let guarded = try await patchbay(["plan", manifests.path, "--prune"] + emu.connectionArguments)
            #expect(guarded.exitCode == 0, "\(guarded)")
            #expect(!guarded.stdout.contains("user.admin (delete") && !guarded.stdout.contains("- user.admin"), "\(guarded.stdout)")
            #expect(guarded.stdout.contains("not deleting user.admin: it is the instance's own administrator"), "\(guarded.stdout)")

            let json = try await patchbay(["plan", manifests.path, "--prune", "--allow-prune", "user.admin", "--format", "json"]
                                          + emu.connectionArguments)
            #expect(json.exitCode == 0, "\(json)")
            #expect(try PlanJSON.parse(json.stdout).change("user.admin")?.action == "delete")

            let bad = try await patchbay(["plan", manifests.path, "--prune", "--allow-prune", "admin"] + emu.connectionArguments)
            #expect(bad.exitCode == 1 && bad.stderr.contains("--allow-prune takes a resource address"), "\(bad)")
        }
    }
}
