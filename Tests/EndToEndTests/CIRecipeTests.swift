import Foundation
import PatchbayTestSupport
import Testing

/// Issue 15 "must show": the CI recipes' shell steps (examples/ci/scripts, which the GitHub
/// and GitLab workflows call) run against the embedded emulator, with a stand-in `gh`
/// (Fixtures/ci/fake_gh.py) that keeps issues and comments in a JSON file. Checks the sticky
/// comment's body, the drift issue's life cycle and every exit code.
@Suite(.serialized) struct CIRecipeTests {
    static let scripts = Paths.packageRoot.appendingPathComponent("examples/ci/scripts")

    /// A scratch repository: the quickstart as `manifests/`, a bin dir with `gh`, an emulator state.
    final class Workspace: Sendable {
        let dir: TempDir
        let manifests: URL
        let environment: [String: String]

        init() throws {
            dir = try TempDir()
            manifests = try dir.copy(Paths.quickstart, as: "manifests")
            let bin = dir.url.appendingPathComponent("bin")
            try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
            let fake = Paths.fixtures.appendingPathComponent("ci/fake_gh.py").path
            try "#!/bin/sh\nexec python3 '\(fake)' \"$@\"\n".write(to: bin.appendingPathComponent("gh"), atomically: true, encoding: .utf8)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: bin.appendingPathComponent("gh").path)
            let inherited = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
            environment = [
                "PATH": [Paths.binary.deletingLastPathComponent().path, bin.path, inherited].joined(separator: ":"),
                "PATCHBAY_MANIFESTS": manifests.path,
                "PATCHBAY_ARGS": "--emulator --emulator-state \(dir.path("emulator.json")) --rate-limit off",
                "PATCHBAY_OUT": dir.path("out"),
                "GITHUB_REPOSITORY": "acme/contact-center",
                "GITHUB_OUTPUT": dir.path("github-output"),
                "FAKE_GH_STATE": dir.path("gh-state.json"),
                "PR_NUMBER": "7",
            ]
        }

        func out(_ name: String) throws -> String { try String(contentsOfFile: dir.path("out/\(name)"), encoding: .utf8) }

        /// Lines written to GITHUB_OUTPUT since the last call.
        func outputs() throws -> [String] {
            let path = dir.path("github-output")
            let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
            try? FileManager.default.removeItem(atPath: path)
            return text.split(separator: "\n").map(String.init)
        }

        struct GitHub: Decodable {
            struct Issue: Decodable { var number: Int; var title: String; var body: String; var state: String; var labels: [String] }
            struct Comment: Decodable { var id: Int; var issue: Int; var body: String }
            var issues: [Issue]
            var comments: [Comment]
        }

        func github() throws -> GitHub {
            try JSONDecoder().decode(GitHub.self, from: Data(contentsOf: URL(fileURLWithPath: dir.path("gh-state.json"))))
        }

        func seed(_ json: String) throws { try json.write(toFile: dir.path("gh-state.json"), atomically: true, encoding: .utf8) }

        /// Runs one of examples/ci/scripts with bash, in the workspace.
        func run(_ script: String, _ arguments: [String] = [], environment extra: [String: String] = [:]) async throws -> RunResult {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/bash")
            process.arguments = [CIRecipeTests.scripts.appendingPathComponent(script).path] + arguments
            var env = ProcessInfo.processInfo.environment.filter {
                !$0.key.hasPrefix("AWS_") && !$0.key.hasPrefix("GITHUB_") && !$0.key.hasPrefix("PATCHBAY_")
                    && !$0.key.hasPrefix("GITLAB_") && !$0.key.hasPrefix("CI_")
            }
            env["AWS_CONFIG_FILE"] = "/nonexistent/config"
            env["AWS_SHARED_CREDENTIALS_FILE"] = "/nonexistent/credentials"
            env["AWS_EC2_METADATA_DISABLED"] = "true"
            env["NO_COLOR"] = "1"
            for (key, value) in environment.merging(extra, uniquingKeysWith: { _, new in new }) {
                env[key] = value.isEmpty ? nil : value  // "" removes a variable
            }
            process.environment = env
            process.currentDirectoryURL = dir.url
            process.standardInput = FileHandle.nullDevice
            let outURL = dir.url.appendingPathComponent(".stdout"), errURL = dir.url.appendingPathComponent(".stderr")
            _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
            _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
            let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
            process.standardOutput = out
            process.standardError = err
            let done = AsyncStream<Void>.makeStream()
            process.terminationHandler = { _ in done.continuation.yield(); done.continuation.finish() }
            await SubprocessGate.shared.enter()
            defer { Task { await SubprocessGate.shared.leave() } }
            try process.run()
            for await _ in done.stream {}
            try out.close()
            try err.close()
            return RunResult(exitCode: process.terminationStatus,
                             stdout: (try? String(contentsOf: outURL, encoding: .utf8)) ?? "",
                             stderr: (try? String(contentsOf: errURL, encoding: .utf8)) ?? "")
        }
    }

    @Test func pullRequestPlanUpdatesOneStickyComment() async throws {
        let ws = try Workspace()
        let marker = "<!-- patchbay-plan: default -->\n"

        // First push: the whole quickstart is to be created. Exit 0 (the check passes), a comment.
        let plan = try await ws.run("plan-comment.sh", environment: ["PATCHBAY_COMMIT": "0123456789abcdef0123"])
        #expect(plan.exitCode == 0, "\(plan)")
        #expect(plan.stderr.contains("patchbay: changes pending"), "\(plan)")
        #expect(try ws.outputs() == ["exit_code=2", "has_changes=true"])
        let body = try ws.out("comment.md")
        #expect(body.hasPrefix(marker + "### Patchbay plan: stack `acme-quickstart`\n"), "\(body)")
        #expect(body.contains("**Plan: 25 to create, 0 to update, 0 to delete.**"), "\(body)")
        #expect(body.contains("<code>+ queue.Support</code>"), "\(body)")
        #expect(body.contains("Planned at `0123456789ab`. On merge, apply runs exactly this plan"), "\(body)")
        #expect(FileManager.default.fileExists(atPath: ws.dir.path("out/plan.json")))
        let posted = try await ws.run("sticky-comment.sh", [ws.dir.path("out/comment.md")])
        #expect(posted.exitCode == 0, "\(posted)")
        #expect(posted.stdout == "commented on #7\n")
        #expect(try ws.github().comments.map(\.body) == [body])

        // Second push: a change to a manifest. The same comment is updated, not a new one.
        try edit(ws.manifests.appendingPathComponent("patchbay.yaml"), "maxContacts: 50", "maxContacts: 60")
        let again = try await ws.run("plan-comment.sh")
        #expect(again.exitCode == 0, "\(again)")
        #expect(try ws.outputs() == ["exit_code=2", "has_changes=true"])
        let updated = try await ws.run("sticky-comment.sh", [ws.dir.path("out/comment.md")])
        #expect(updated.stdout.hasPrefix("updated comment "), "\(updated)")
        let comments = try ws.github().comments
        #expect(comments.count == 1)
        #expect(comments.first?.body == (try ws.out("comment.md")))

        // Third push: a broken manifest. The check fails (exit 1), the problem is an annotation
        // in GitHub Actions, and the comment says what is wrong where, in plain text.
        try edit(ws.manifests.appendingPathComponent("patchbay.yaml"), "maxContacts: 60", "maxContact: 60")
        let broken = try await ws.run("plan-comment.sh", environment: ["GITHUB_ACTIONS": "true"])
        #expect(broken.exitCode == 1, "\(broken)")
        #expect(broken.stderr.contains("::error file=\(ws.manifests.path)/patchbay.yaml,line=31,col=5::unknown key 'maxContact'"), "\(broken)")
        #expect(try ws.outputs() == ["exit_code=1", "has_changes=false"])
        let failed = try ws.out("comment.md")
        #expect(failed.hasPrefix(marker + "### Patchbay plan failed\n"), "\(failed)")
        #expect(failed.contains("\(ws.manifests.path)/patchbay.yaml:31:5: error: unknown key 'maxContact' in queue 'Support'"), "\(failed)")
        #expect(failed.contains("1 error\n```"), "\(failed)")
        _ = try await ws.run("sticky-comment.sh", [ws.dir.path("out/comment.md")])
        #expect(try ws.github().comments.map(\.body) == [failed])
    }

    @Test func applyOnMergeThenDriftIssueOpensUpdatesAndCloses() async throws {
        let ws = try Workspace()
        let commit = "feedface00000000000000000000000000000000", head = "abad1dea00000000000000000000000000000000"

        // The reviewed plan is the artifact of the pull request's successful plan run.
        let plan = try await ws.run("plan-comment.sh", environment: ["PATCHBAY_OUT": ws.dir.path("review")])
        #expect(plan.exitCode == 0, "\(plan)")
        _ = try ws.outputs()
        try ws.seed("""
            {"pulls_by_commit": {"\(commit)": [{"number": 7, "merged_at": "2026-12-01T10:00:00Z", "head": {"sha": "\(head)"}}]},
             "runs": [{"id": 555, "workflow": "patchbay-plan.yml", "head_sha": "\(head)", "status": "success"}],
             "artifacts": {"555": {"patchbay-plan": "\(ws.dir.path("review"))"}}}
            """)
        let fetched = try await ws.run("fetch-reviewed-plan.sh", environment: ["GITHUB_SHA": commit])
        #expect(fetched.exitCode == 0, "\(fetched)")
        #expect(try ws.outputs() == ["pr=7", "plan_run=555"])
        let noPlan = try await ws.run("fetch-reviewed-plan.sh", environment: ["GITHUB_SHA": "0000", "PATCHBAY_OUT": ws.dir.path("none")])
        #expect(noPlan.exitCode == 0 && noPlan.stderr.contains("is not the merge of a pull request"), "\(noPlan)")
        let refused = try await ws.run("apply-plan.sh", environment: ["PATCHBAY_OUT": ws.dir.path("none")])
        #expect(refused.exitCode == 1 && refused.stderr.contains("no reviewed plan"), "\(refused)")

        let apply = try await ws.run("apply-plan.sh")
        #expect(apply.exitCode == 0, "\(apply)")
        #expect(apply.stdout.contains("Apply complete! 25 changes made"), "\(apply)")
        #expect(try ws.outputs() == ["exit_code=0"])

        // Scheduled check, in sync: no issue.
        let clean = try await ws.run("drift-issue.sh")
        #expect(clean.exitCode == 0 && clean.stdout == "in sync\n", "\(clean)")
        #expect(try ws.github().issues.isEmpty)

        // Someone changes the instance by hand (here: patchbay with other manifests).
        let console = try ws.dir.copy(ws.manifests, as: "console")
        try edit(console.appendingPathComponent("patchbay.yaml"), "maxContacts: 50", "maxContacts: 7")
        let byHand = try await ws.run("apply-plan.sh", environment: ["PATCHBAY_MANIFESTS": console.path, "PATCHBAY_APPLY_UNREVIEWED": "true",
                                                                     "PATCHBAY_OUT": ws.dir.path("console-out")])
        #expect(byHand.exitCode == 0, "\(byHand)")

        // The reviewed plan cannot be applied again: the instance moved.
        let stale = try await ws.run("apply-plan.sh")
        #expect(stale.exitCode == 1 && stale.stdout.contains("the instance changed since the plan was made"), "\(stale)")

        // Drift: one issue opened, with the plan in it.
        _ = try ws.outputs()
        let drift = try await ws.run("drift-issue.sh")
        #expect(drift.exitCode == 0, "\(drift)")
        #expect(drift.stdout.hasPrefix("drift; opened #"), "\(drift)")
        #expect(try ws.outputs() == ["drift=true"])
        var issues = try ws.github().issues
        #expect(issues.count == 1)
        let issue = try #require(issues.first)
        #expect(issue.state == "open" && issue.labels == ["patchbay-drift"])
        #expect(issue.title == "Patchbay drift: the instance differs from the manifests")
        #expect(issue.body.hasPrefix("<!-- patchbay-drift: default -->\nThe live instance has changes"), "\(issue.body)")
        #expect(issue.body.contains("| `maxContacts` | `7` | `50` |"), "\(issue.body)")

        // Still drifted the next day: the same issue, no new comment (nothing changed).
        let sameDrift = try await ws.run("drift-issue.sh")
        #expect(sameDrift.exitCode == 0 && sameDrift.stdout == "drift unchanged; refreshed #\(issue.number)\n", "\(sameDrift)")
        #expect(try ws.github().issues.count == 1)
        #expect(try ws.github().comments.isEmpty)

        // Invalid manifests: the job fails and the issue is left alone.
        try edit(ws.manifests.appendingPathComponent("patchbay.yaml"), "maxContacts: 50", "maxContact: 50")
        let error = try await ws.run("drift-issue.sh")
        #expect(error.exitCode == 1 && error.stderr.contains("drift check failed (exit 1)"), "\(error)")
        try edit(ws.manifests.appendingPathComponent("patchbay.yaml"), "maxContact: 50", "maxContacts: 50")

        // Repaired: the issue is closed, with a comment.
        let repair = try await ws.run("apply-plan.sh", environment: ["PATCHBAY_APPLY_UNREVIEWED": "true", "PATCHBAY_OUT": ws.dir.path("repair")])
        #expect(repair.exitCode == 0, "\(repair)")
        let closed = try await ws.run("drift-issue.sh")
        #expect(closed.exitCode == 0 && closed.stdout == "in sync; closed #\(issue.number)\n", "\(closed)")
        issues = try ws.github().issues
        #expect(issues.map(\.state) == ["closed"])
        #expect(try ws.github().comments.map(\.body) == ["The instance matches the manifests again; closing."])
    }

    /// install-patchbay.sh against a release laid out as GitHub serves it (file:// here):
    /// checks the checksum, installs, runs `patchbay version`.
    @Test func installScriptChecksTheChecksum() async throws {
        let ws = try Workspace()
        let release = ws.dir.url.appendingPathComponent("releases/v0.1.0")
        try FileManager.default.createDirectory(at: release, withIntermediateDirectories: true)
        func sh(_ command: String) throws -> Int32 {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/bin/sh")
            p.arguments = ["-c", command]
            p.currentDirectoryURL = ws.dir.url
            try p.run()
            p.waitUntilExit()
            return p.terminationStatus
        }
        let binaryDir = Paths.binary.deletingLastPathComponent().path
        #expect(try sh("tar -czf '\(release.path)/patchbay-linux-x86_64.tar.gz' -C '\(binaryDir)' patchbay && cd '\(release.path)' && sha256sum patchbay-linux-x86_64.tar.gz > patchbay-linux-x86_64.tar.gz.sha256") == 0)
        let target = ws.dir.path("installed")
        let environment = ["PATCHBAY_RELEASES_URL": "file://" + ws.dir.path("releases"), "GITHUB_PATH": ws.dir.path("github-path")]
        let install = try await ws.run("install-patchbay.sh", ["v0.1.0", target], environment: environment)
        #expect(install.exitCode == 0, "\(install)")
        #expect(install.stdout.hasPrefix("patchbay 0.1.0-dev"), "\(install)")
        #expect(FileManager.default.isExecutableFile(atPath: target + "/patchbay"))
        #expect(try String(contentsOfFile: ws.dir.path("github-path"), encoding: .utf8) == target + "\n")

        // A tampered download is refused.
        #expect(try sh("cd '\(release.path)' && echo tampered >> patchbay-linux-x86_64.tar.gz") == 0)
        let tampered = try await ws.run("install-patchbay.sh", ["0.1.0", ws.dir.path("other")], environment: environment)
        #expect(tampered.exitCode != 0, "\(tampered)")
        #expect(tampered.stderr.contains("FAILED"), "\(tampered)")
        #expect(!FileManager.default.fileExists(atPath: ws.dir.path("other/patchbay")))
    }
}
