import Foundation
import PatchbayTestSupport
import Testing

/// Issue 15 items 2, 4, 5 and 8 at the binary: `plan --format github`, `patchbay show`,
/// `patchbay version`, `apply --parallelism`, and the embedded emulator's state beside the manifests.
@Suite struct CLIHabitsTests {
    @Test func versionSaysItIsADevelopmentBuild() async throws {
        let version = try await patchbay(["version"])
        #expect(version.exitCode == 0)
        #expect(version.stdout == "patchbay 0.1.0-dev (development build: no commit recorded; scripts/release-build.sh records it)\n")
        let flag = try await patchbay(["--version"])
        #expect(flag.exitCode == 0)
        #expect(flag.stdout == version.stdout)
    }

    @Test func planAnnotatesProblemsForGitHub() async throws {
        let dir = try TempDir()
        let manifests = try dir.copy(Paths.quickstart, as: "manifests")
        try edit(manifests.appendingPathComponent("patchbay.yaml"), "maxContacts: 50", "maxContact: 50")
        let file = manifests.appendingPathComponent("patchbay.yaml").path
        let annotation = "::error file=\(file),line=31,col=5::unknown key 'maxContact' in queue 'Support'; did you mean 'maxContacts'?\n"
        let explicit = try await patchbay(["plan", manifests.path, "--format", "github", "--emulator-state", dir.path("e.json"), "--emulator"])
        #expect(explicit.exitCode == 1)
        #expect(explicit.stderr == annotation + "1 error\n", "\(explicit)")
        // In GitHub Actions every format but an explicit text annotates.
        let markdown = try await patchbay(["plan", manifests.path, "--format", "markdown", "--emulator-state", dir.path("e.json"), "--emulator"],
                                          environment: ["GITHUB_ACTIONS": "true"])
        #expect(markdown.stderr == annotation + "1 error\n", "\(markdown)")
        let text = try await patchbay(["plan", manifests.path, "--format", "text", "--emulator-state", dir.path("e.json"), "--emulator"],
                                      environment: ["GITHUB_ACTIONS": "true"])
        #expect(text.stderr.hasPrefix("\(file):31:5: error: unknown key 'maxContact'"), "\(text)")
    }

    @Test func showRendersASavedPlanAsPlanDid() async throws {
        let dir = try TempDir()
        let state = ["--emulator", "--emulator-state", dir.path("emulator.json")]
        let quickstart = Paths.quickstart.path
        let saved = dir.path("plan.json")
        let plan = try await patchbay(["plan", quickstart, "--out", saved] + state)
        #expect(plan.exitCode == 0, "\(plan)")
        for format in ["text", "markdown", "json"] {
            let fresh = try await patchbay(["plan", quickstart, "--format", format] + state)
            let shown = try await patchbay(["show", saved, "--format", format])
            #expect(shown.exitCode == 0, "\(shown)")
            #expect(shown.stdout == fresh.stdout, "\(format): \(shown.stdout)")
        }
        let plain = try await patchbay(["show", saved])
        #expect(plain.stdout.contains("Plan: 25 to create, 0 to update, 0 to delete."))

        try "{\"formatVersion\": 7}".write(toFile: dir.path("bad.json"), atomically: true, encoding: .utf8)
        let bad = try await patchbay(["show", dir.path("bad.json")])
        #expect(bad.exitCode == 1)
        #expect(bad.stderr == "error: \(dir.path("bad.json")) is not a plan document: formatVersion 7; this patchbay reads formatVersion 1\n")
        let missing = try await patchbay(["show", dir.path("none.json")])
        #expect(missing.exitCode == 1 && missing.stderr.hasPrefix("error: cannot read plan file"), "\(missing)")
    }

    @Test func parallelismIsPassedAndChecked() async throws {
        let dir = try TempDir()
        let state = ["--emulator", "--emulator-state", dir.path("emulator.json"), "--rate-limit", "off"]
        let zero = try await patchbay(["apply", Paths.quickstart.path, "--auto-approve", "--parallelism", "0"] + state)
        #expect(zero.exitCode == 1)
        #expect(zero.stderr.contains("--parallelism must be 1 or more, not 0"), "\(zero)")
        let serial = try await patchbay(["apply", Paths.quickstart.path, "--auto-approve", "--parallelism", "1"] + state)
        #expect(serial.exitCode == 0, "\(serial)")
        #expect(serial.stderr.contains("Apply complete! 25 changes made"), "\(serial)")
        let clean = try await patchbay(["plan", Paths.quickstart.path, "--detailed-exitcode"] + state)
        #expect(clean.exitCode == 0, "\(clean)")
    }

    @Test func emulatorStateLivesBesideTheManifests() async throws {
        let dir = try TempDir()
        let manifests = try dir.copy(Paths.quickstart, as: "manifests")
        let elsewhere = dir.url.appendingPathComponent("elsewhere")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        let apply = try await patchbay(["apply", manifests.path, "--auto-approve", "--emulator", "--rate-limit", "off"], in: elsewhere)
        #expect(apply.exitCode == 0, "\(apply)")
        #expect(FileManager.default.fileExists(atPath: manifests.appendingPathComponent(".patchbay/emulator.json").path))
        #expect(!FileManager.default.fileExists(atPath: elsewhere.appendingPathComponent(".patchbay").path))
        // A manifest file: beside it. From another directory, the same state: no changes.
        let plan = try await patchbay(["plan", manifests.appendingPathComponent("patchbay.yaml").path, "--emulator", "--detailed-exitcode"], in: dir.url)
        #expect(plan.exitCode != 1, "\(plan)")
        let whole = try await patchbay(["plan", "manifests", "--emulator", "--detailed-exitcode"], in: dir.url)
        #expect(whole.exitCode == 0, "\(whole)")
    }

    @Test func oneEmulatedInstancePerEnvironment() async throws {
        let dir = try TempDir()
        let manifests = try dir.copy(Paths.packageRoot.appendingPathComponent("examples/multi-environment"), as: "manifests")
        for env in ["staging", "production"] {
            let plan = try await patchbay(["plan", manifests.path, "--env", env, "--emulator"])
            // The example's external security profile does not exist in a new instance (its header says so).
            #expect(plan.stderr.contains("security profile 'Escalations Team' is declared external but does not exist"), "\(plan)")
            #expect(FileManager.default.fileExists(atPath: manifests.appendingPathComponent(".patchbay/emulator-\(env).json").path))
        }
        let other = try await patchbay(["plan", manifests.path, "--env", "staging", "--emulator", "--instance-id", "99999999-0000-0000-0000-000000000000"])
        #expect(other.exitCode == 1)
        let state = manifests.appendingPathComponent(".patchbay/emulator-staging.json").path
        #expect(other.stderr == "error: the emulator state \(state) holds another instance than --instance-id asks for "
                + "(99999999-0000-0000-0000-000000000000, us-east-1); pass --emulator-state FILE for a new emulated instance, "
                + "or delete \(state) to start again\n", "\(other)")
    }
}
