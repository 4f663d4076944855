import Foundation
import PatchbayTestSupport
import Model
import PatchbayCLI
import Testing

/// Runs the built `patchbay` binary (from the same build directory as this test bundle) and
/// checks its stderr and exit code, as swift-argument-parser's own tests do.
@Suite struct ValidateCommandTests {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `.build/<triple>/debug/patchbay` next to the test bundle (Bundle.main is the xctest
    /// runner or the bundle itself depending on the platform, so walk up until found).
    static func executable() -> URL? {
        var candidates: [URL] = []
        for start in [Bundle.main.bundleURL, Bundle.main.executableURL ?? Bundle.main.bundleURL] {
            var dir = start
            for _ in 0..<4 {
                candidates.append(dir.appendingPathComponent("patchbay"))
                dir.deleteLastPathComponent()
            }
        }
        candidates.append(packageRoot.appendingPathComponent(".build/debug/patchbay"))
        return candidates.first { path in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: path.path, isDirectory: &isDirectory) && !isDirectory.boolValue
                && FileManager.default.isExecutableFile(atPath: path.path)
        }
    }

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> Run {
        let binary = try #require(executable(), "build the patchbay product first (swift build)")
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = packageRoot
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        env["GITHUB_ACTIONS"] = nil  // the runner's own, when these tests run in GitHub Actions
        env.merge(environment) { _, new in new }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdoutData = out.fileHandleForReading.readDataToEndOfFile()
        let stderrData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: stdoutData, as: UTF8.self),
                   stderr: String(decoding: stderrData, as: UTF8.self))
    }

    @Test func quickstartIsValid() throws {
        let run = try Self.run(["validate", "examples/quickstart"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr == "examples/quickstart: valid (2 hours of operation, 3 queues, 2 quick connects, 1 prompt, "
                + "1 Lambda function, 1 flow, 2 routing profiles, 1 security profile, 5 hierarchy groups, 5 users, 1 agent status)\n")
        #expect(run.stdout.isEmpty)
    }

    @Test func multiEnvironmentIsValidPerEnvironment() throws {
        for env in ["staging", "production"] {
            let run = try Self.run(["validate", "examples/multi-environment", "--env", env])
            #expect(run.status == 0, "\(run.stderr)")
        }
        let typo = try Self.run(["validate", "examples/multi-environment", "--env", "prod"])
        #expect(typo.status == 1)
        #expect(typo.stderr == "error: unknown environment 'prod'; the manifests declare 'production', 'staging'; did you mean 'production'?\n1 error\n")
    }

    @Test func invalidFixtureFailsWithLocatedDiagnostics() throws {
        let dir = try FileManager.default.url(for: .itemReplacementDirectory, in: .userDomainMask,
                                              appropriateFor: Self.packageRoot, create: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("bad.yaml")
        try Data("""
            queues:
              Support:
                hoursOfOperation: Basic Hours
                maxContact: 5
            users:
              jdoe:
                password: ${env:JDOE_PASSWORD}
                routingProfile: Tier 1
                securityProfiles: [Agent]
            """.utf8).write(to: file)
        let run = try Self.run(["validate", file.path], environment: ["JDOE_PASSWORD": "Secr3tPassw0rd"])
        #expect(run.status == 1)
        #expect(run.stderr == """
            \(file.path):4:5: error: unknown key 'maxContact' in queue 'Support'; did you mean 'maxContacts'?
            \(file.path):8:21: error: user 'jdoe' refers to unknown routing profile 'Tier 1'
            2 errors

            """)
        #expect(!run.stderr.contains("Secr3tPassw0rd"))
    }

    /// Issue 15 "must show": one `::error file=…,line=…,col=…::` per problem, for GitHub's annotations.
    @Test func githubFormatPrintsOneWorkflowCommandPerProblem() throws {
        let dir = try FileManager.default.url(for: .itemReplacementDirectory, in: .userDomainMask,
                                              appropriateFor: Self.packageRoot, create: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("bad.yaml")
        try Data("""
            queues:
              Support:
                hoursOfOperation: Basic Hours
                maxContact: 5
              Sales:
                hoursOfOperation: Late Hours
            users:
              jdoe:
                password: Passw0rdLiteral
                routingProfile: Basic Routing Profile
                securityProfiles: [Agent]
            """.utf8).write(to: file)
        let expected = """
            ::error file=\(file.path),line=4,col=5::unknown key 'maxContact' in queue 'Support'; did you mean 'maxContacts'?
            ::error file=\(file.path),line=6,col=23::queue 'Sales' refers to unknown hours of operation 'Late Hours'
            ::warning file=\(file.path),line=9,col=15::'password' in user 'jdoe' is written in the manifest; use "${env:NAME}" to keep it out of Git
            2 errors, 1 warning

            """
        let explicit = try Self.run(["validate", file.path, "--format", "github"], environment: ["GITHUB_ACTIONS": ""])
        #expect(explicit.status == 1)
        #expect(explicit.stderr == expected)
        // In GitHub Actions it is the default; --format text turns it off.
        let automatic = try Self.run(["validate", file.path], environment: ["GITHUB_ACTIONS": "true"])
        #expect(automatic.status == 1)
        #expect(automatic.stderr == expected)
        let plain = try Self.run(["validate", file.path, "--format", "text"], environment: ["GITHUB_ACTIONS": "true"])
        #expect(plain.stderr.hasPrefix("\(file.path):4:5: error: unknown key 'maxContact'"), "\(plain.stderr)")
        #expect(!plain.stderr.contains("::error"))
    }

    @Test func relativePathsAreShownAsGiven() throws {
        let run = try Self.run(["validate", "Tests/ManifestTests/Fixtures/invalid/unknown-key-queue.yaml"])
        #expect(run.status == 1)
        // The fixture still contains its marker (1️⃣) in the raw file, so the key is '1️⃣maxContact'.
        #expect(run.stderr.hasPrefix("Tests/ManifestTests/Fixtures/invalid/unknown-key-queue.yaml:4:5: error: unknown key "))
        #expect(run.stderr.hasSuffix("1 error\n"))
    }

    @Test func warningsAloneStillValidate() throws {
        let dir = try FileManager.default.url(for: .itemReplacementDirectory, in: .userDomainMask,
                                              appropriateFor: Self.packageRoot, create: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data("""
            users:
              jdoe:
                password: Passw0rdLiteral
                routingProfile: Basic Routing Profile
                securityProfiles: [Agent]
            """.utf8).write(to: dir.appendingPathComponent("users.yml"))
        let run = try Self.run(["validate", dir.path])
        #expect(run.status == 0)
        #expect(run.stderr == """
            \(dir.path)/users.yml:3:15: warning: 'password' in user 'jdoe' is written in the manifest; use "${env:NAME}" to keep it out of Git
            \(dir.path): valid (1 user); 1 warning

            """)
        #expect(!run.stderr.contains("Passw0rdLiteral"))
    }

    /// Flow content problems are reported at their line and column in the JSON file, with the
    /// same catalogue the emulator applies when a flow is published.
    @Test func flowContentProblemsAtTheirJSONLineAndColumn() throws {
        let dir = try FileManager.default.url(for: .itemReplacementDirectory, in: .userDomainMask,
                                              appropriateFor: Self.packageRoot, create: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let files = [
            "m.yaml": """
                flows:
                  Main IVR: { type: CONTACT_FLOW, content: main.json }
                  Whisper: { type: CUSTOMER_WHISPER, content: whisper.json }
                """,
            "main.json": """
                { "Version": "2019-10-30", "StartAction": "lookup",
                  "Actions": [
                    { "Identifier": "lookup", "Type": "InvokeLambdaFunction", "Parameters": {},
                      "Transitions": { "NextAction": "transfer" } },
                    { "Identifier": "transfer", "Type": "TransferContactToQue", "Parameters": {}, "Transitions": {} } ] }
                """,
            "whisper.json": """
                { "Version": "2019-10-30", "StartAction": "transfer",
                  "Actions": [
                    { "Identifier": "transfer", "Type": "TransferContactToQueue", "Parameters": {},
                      "Transitions": { "NextAction": "end" } },
                    { "Identifier": "end", "Type": "EndFlowExecution", "Parameters": {}, "Transitions": {} } ] }
                """,
        ]
        for (name, text) in files { try Data(text.utf8).write(to: dir.appendingPathComponent(name)) }
        let run = try Self.run(["validate", dir.path])
        #expect(run.status == 1)
        for line in [
            "\(dir.path)/main.json:3:77: error: parameter 'LambdaFunctionARN' of action 'lookup' (InvokeLambdaFunction) is required",
            "\(dir.path)/main.json:5:41: error: action 'transfer' has unknown type 'TransferContactToQue'; did you mean 'TransferContactToQueue'?",
            "\(dir.path)/whisper.json:3:41: error: action 'transfer': TransferContactToQueue is not allowed in a CUSTOMER_WHISPER flow; "
                + "it is allowed in every flow type except AGENT_HOLD, AGENT_WHISPER, CUSTOMER_HOLD, CUSTOMER_QUEUE, CUSTOMER_WHISPER, OUTBOUND_WHISPER",
        ] {
            #expect(run.stderr.contains(line + "\n"), "\(run.stderr)")
        }
        #expect(run.stderr.hasSuffix("3 errors\n"), "\(run.stderr)")

        let samples = try Self.run(["validate", "Tests/ManifestTests/Fixtures/valid/aws-samples"])
        #expect(samples.status == 0, "\(samples.stderr)")
        #expect(samples.stderr == "Tests/ManifestTests/Fixtures/valid/aws-samples: valid (3 flows)\n")
    }

    @Test func missingDirectoryExitsOne() throws {
        let run = try Self.run(["validate", "does/not/exist"])
        #expect(run.status == 1)
        #expect(run.stderr == "error: no such file or directory: does/not/exist\n1 error\n")
    }
}

@Suite struct DiagnosticsPrinterTests {
    let diagnostics: [Diagnostic] = [
        .error("queue 'Support' is declared more than once", at: SourceLocation(file: "b.yaml", line: 2, column: 3),
               notes: [.init("also declared here", at: SourceLocation(file: "a.yaml", line: 2, column: 3))]),
        .warning("no location", at: nil),
    ]

    @Test func plainRendering() {
        let text = DiagnosticsPrinter(useColor: false).render(diagnostics)
        #expect(text == """
            b.yaml:2:3: error: queue 'Support' is declared more than once
                a.yaml:2:3: note: also declared here
            warning: no location

            """)
        #expect(DiagnosticsPrinter.summary(diagnostics) == "1 error, 1 warning")
        #expect(DiagnosticsPrinter.summary([]) == "0 errors")
    }

    @Test func githubWorkflowCommands() {
        let text = DiagnosticsPrinter(useColor: true, style: .github).render(diagnostics + [
            .error("100% of it\nbroken", at: SourceLocation(file: "dir,with:odd.yaml", line: 1, column: 2)),
        ])
        #expect(text == """
            ::error file=b.yaml,line=2,col=3::queue 'Support' is declared more than once%0Aa.yaml:2:3: note: also declared here
            ::warning::no location
            ::error file=dir%2Cwith%3Aodd.yaml,line=1,col=2::100%25 of it%0Abroken

            """)
        #expect(DiagnosticsPrinter.Style.automatic(environment: ["GITHUB_ACTIONS": "true"]) == .github)
        #expect(DiagnosticsPrinter.Style.automatic(environment: [:]) == .text)
    }

    @Test func colourOnlyWhenAsked() {
        let text = DiagnosticsPrinter(useColor: true).render(diagnostics)
        #expect(text.contains("\u{1B}[1;31merror:\u{1B}[0m"))
        #expect(text.contains("\u{1B}[1;33mwarning:\u{1B}[0m"))
        // Test processes write stderr to a pipe or file, never a terminal; NO_COLOR also turns colour off.
        #expect(DiagnosticsPrinter.forStandardError(environment: ["NO_COLOR": "1"]).useColor == false)
    }
}
