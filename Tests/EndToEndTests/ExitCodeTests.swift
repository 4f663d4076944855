import ConnectAPI
import ConnectHTTP
import Foundation
import PatchbayTestSupport
import Testing

/// design.md §2 exit codes, confirmation without a terminal, ownership, and passwords never
/// printed.
@Suite struct ExitCodeTests {
    @Test func badManifestsExitOneWithLocatedDiagnostics() async throws {
        try await withEmulator { emu in
            let dir = try TempDir()
            let manifest = dir.path("bad.yaml")
            try """
                queues:
                  Support:
                    hoursOfOperation: No Such Hours
                    maxContacs: 5

                """.write(toFile: manifest, atomically: true, encoding: .utf8)
            for command in ["plan", "apply"] {
                let run = try await patchbay([command, manifest, "--detailed-exitcode", "--auto-approve"]
                    .filter { command == "plan" ? $0 != "--auto-approve" : $0 != "--detailed-exitcode" } + emu.connectionArguments)
                #expect(run.exitCode == 1, "\(command): \(run)")
                #expect(run.stderr.contains("bad.yaml:3:"), "\(command): \(run)")
                #expect(run.stderr.contains("bad.yaml:4:"), "\(command): \(run)")
                #expect(run.stderr.contains("error:"), "\(command): \(run)")
            }
            #expect(try emu.requests().isEmpty, "nothing is read when the manifests are invalid")
        }
    }

    @Test func detailedExitcodeTwoWhenChangesPending() async throws {
        try await withEmulator { emu in
            let plain = try await patchbay(["plan", Paths.quickstart.path] + emu.connectionArguments)
            #expect(plain.exitCode == 0, "\(plain)")
            #expect(plain.stdout.contains("to create"), "\(plain)")
            let detailed = try await patchbay(["plan", Paths.quickstart.path, "--detailed-exitcode"] + emu.connectionArguments)
            #expect(detailed.exitCode == 2, "\(detailed)")
            #expect(try emu.writes(since: 0) == [])
        }
    }

    @Test func applyWithoutTerminalNeedsAutoApprove() async throws {
        try await withEmulator { emu in
            let run = try await patchbay(["apply", Paths.quickstart.path] + emu.connectionArguments)
            #expect(run.exitCode == 1, "\(run)")
            #expect(run.stderr.contains("--auto-approve"), "\(run)")
            #expect(try emu.writes(since: 0) == [])
        }
    }

    @Test func resourceOwnedByAnotherStackIsRefused() async throws {
        try await withEmulator { emu in
            let s = try await InstanceSnapshot.read(emu.client, instanceId: emu.instanceId)
            _ = try await emu.client.write(.createQueue, ["InstanceId": emu.instanceId], CreateQueueRequest(
                Name: "Billing", HoursOfOperationId: s.hours("Basic Hours")!.HoursOfOperationId!,
                Tags: ["patchbay:stack": "someone-else"]))
            let mark = try emu.requests().count
            for command in [["plan"], ["apply", "--auto-approve"]] {
                let run = try await patchbay(command + [Paths.quickstart.path] + emu.connectionArguments)
                #expect(run.exitCode == 1, "\(run)")
                #expect(run.stderr.contains("'Billing'"), "\(run)")
                #expect(run.stderr.contains("someone-else"), "\(run)")
            }
            #expect(try emu.writes(since: mark) == [])
        }
    }

    @Test func passwordsNeverAppearInOutput() async throws {
        try await withEmulator { emu in
            let dir = try TempDir()
            let manifest = dir.path("users.yaml")
            try """
                stack: secrets
                users:
                  pwuser:
                    firstName: Pat
                    lastName: Word
                    password: "${env:PB_E2E_PASSWORD}"
                    routingProfile: Basic Routing Profile
                    securityProfiles: [Agent]

                """.write(toFile: manifest, atomically: true, encoding: .utf8)
            let secret = "Zebra-Quokka-7731!"
            let env = ["PB_E2E_PASSWORD": secret]
            var outputs: [RunResult] = []
            for format in ["text", "json", "markdown"] {
                let plan = try await patchbay(["plan", manifest, "--format", format, "--verbose"] + emu.connectionArguments,
                                              environment: env)
                #expect(plan.exitCode == 0, "\(plan)")
                #expect(plan.stdout.contains("(sensitive)"), "\(format): \(plan)")
                outputs.append(plan)
            }
            let planFile = dir.path("p.json")
            outputs.append(try await patchbay(["plan", manifest, "--out", planFile] + emu.connectionArguments, environment: env))
            let apply = try await patchbay(["apply", manifest, "--auto-approve", "--verbose"] + emu.connectionArguments,
                                           environment: env)
            #expect(apply.exitCode == 0, "\(apply)")
            outputs.append(apply)
            let again = try await patchbay(["plan", manifest, "--detailed-exitcode"] + emu.connectionArguments, environment: env)
            #expect(again.exitCode == 0, "the password is used on create only and never diffs: \(again)")
            outputs.append(again)
            for run in outputs {
                #expect(!run.stdout.contains(secret) && !run.stderr.contains(secret), "password printed: \(run)")
            }
            #expect(!(try String(contentsOfFile: planFile, encoding: .utf8)).contains(secret), "password in saved plan")
        }
    }

    @Test func noColourWithoutATerminal() async throws {
        try await withEmulator { emu in
            // NO_COLOR unset: output goes to files, not a terminal, so still no escape codes.
            let plan = try await patchbay(["plan", Paths.quickstart.path] + emu.connectionArguments, environment: ["NO_COLOR": ""])
            #expect(plan.exitCode == 0, "\(plan)")
            #expect(!plan.stdout.contains("\u{1B}[") && !plan.stderr.contains("\u{1B}["), "\(plan)")
            let apply = try await patchbay(["apply", Paths.quickstart.path, "--auto-approve"] + emu.connectionArguments,
                                           environment: ["NO_COLOR": ""])
            #expect(apply.exitCode == 0, "\(apply)")
            #expect(!apply.stdout.contains("\u{1B}[") && !apply.stderr.contains("\u{1B}["), "\(apply)")
        }
    }

    /// design.md §2: "1 error", command-line usage errors included.
    @Test func usageErrorsExitOne() async throws {
        let badFormat = try await patchbay(["plan", "--format", "yaml"])
        #expect(badFormat.stderr.contains("yaml"), "\(badFormat)")
        let planAndPath = try await patchbay(["apply", "--plan", "p.json", "somewhere"])
        #expect(planAndPath.stderr.contains("--plan applies a saved plan as it is"), "\(planAndPath)")
        // design.md §2: every error exits 1, usage errors included (ArgumentParser alone would exit 64).
        #expect(badFormat.exitCode == 1)
        #expect(planAndPath.exitCode == 1)
    }
}
