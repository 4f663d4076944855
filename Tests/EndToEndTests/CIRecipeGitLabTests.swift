import Foundation
import PatchbayTestSupport
import Testing

/// The GitLab side of the CI recipes (issue 15): the scripts of examples/ci/scripts, as
/// examples/ci/gitlab/.gitlab-ci.yml runs them (GITLAB_CI=true), against the embedded emulator
/// and a stand-in GitLab REST API (Fixtures/ci/fake_gitlab.py, on a free port, with
/// CI_API_V4_URL pointing at it) that keeps issues, notes, merge requests, pipelines, jobs and
/// artifacts in a JSON file. Same life cycles as the GitHub tests in CIRecipeTests.
@Suite(.serialized) struct CIRecipeGitLabTests {
    typealias Workspace = CIRecipeTests.Workspace
    static let jobURL = "https://gitlab.example.com/acme/contact-center/-/jobs/4242"

    /// A running fake_gitlab.py and the variables GitLab CI sets for a job.
    final class FakeGitLab {
        let process = Process()
        let statePath: String
        private(set) var environment: [String: String] = [:]

        init(_ ws: Workspace, seed: String = "{}") async throws {
            statePath = ws.dir.path("gitlab-state.json")
            try seed.write(toFile: statePath, atomically: true, encoding: .utf8)
            let portFile = ws.dir.path("gitlab-port")
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3", Paths.fixtures.appendingPathComponent("ci/fake_gitlab.py").path, statePath, portFile]
            process.standardInput = FileHandle.nullDevice
            try process.run()
            var port: String?
            let deadline = Date().addingTimeInterval(30)  // a busy machine starts python slowly
            while port == nil && Date() < deadline && process.isRunning {
                port = try? String(contentsOfFile: portFile, encoding: .utf8)
                if port == nil { try await Task.sleep(nanoseconds: 50_000_000) }
            }
            let started = try #require(port, "fake_gitlab.py did not start")
            environment = [
                "GITLAB_CI": "true",
                "CI_API_V4_URL": "http://127.0.0.1:\(started)/api/v4",
                "CI_PROJECT_ID": "42",
                "GITLAB_API_TOKEN": "glpat-test",
                "CI_MERGE_REQUEST_IID": "7",
                "CI_JOB_URL": CIRecipeGitLabTests.jobURL,
                // Not GitHub Actions: none of its variables.
                "GITHUB_REPOSITORY": "", "GITHUB_OUTPUT": "", "PR_NUMBER": "",
            ]
        }

        deinit {
            // SIGKILL: a child of the test process may start with SIGTERM blocked.
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
        }

        /// Runs one of examples/ci/scripts as a GitLab CI job would.
        func run(_ ws: Workspace, _ script: String, _ arguments: [String] = [], environment extra: [String: String] = [:]) async throws -> RunResult {
            try await ws.run(script, arguments, environment: environment.merging(extra) { _, new in new })
        }

        struct State: Decodable {
            struct Issue: Decodable { var iid: Int; var title: String; var description: String?; var labels: [String]; var state: String }
            struct Note: Decodable { var id: Int; var on: String; var body: String; var system: Bool }
            var issues: [Issue]?
            var notes: [Note]?
            func notes(on noteable: String) -> [Note] { (notes ?? []).filter { $0.on == noteable && !$0.system } }
            func issue(_ iid: Int) -> Issue? { issues?.first { $0.iid == iid } }
        }

        func state() throws -> State {
            try JSONDecoder().decode(State.self, from: Data(contentsOf: URL(fileURLWithPath: statePath)))
        }
    }

    @Test func mergeRequestPlanUpdatesOneNote() async throws {
        let ws = try Workspace()
        let marker = "<!-- patchbay-plan: default -->\n"
        // Two notes a page, so the note is found on page 2 (X-Next-Page); a system note and
        // another merge request's note that start with the marker are not ours.
        let gitlab = try await FakeGitLab(ws, seed: """
            {"max_per_page": 2, "notes": [
              {"id": 1, "on": "merge_requests/7", "body": "Looks good to me", "system": false},
              {"id": 2, "on": "merge_requests/7", "body": "<!-- patchbay-plan: default --> quoted", "system": true},
              {"id": 3, "on": "merge_requests/8", "body": "<!-- patchbay-plan: default -->\\nanother merge request", "system": false}]}
            """)

        // First push: a note with the plan; the job passes.
        let plan = try await gitlab.run(ws, "plan-comment.sh", environment: ["PATCHBAY_COMMIT": "0123456789abcdef0123"])
        #expect(plan.exitCode == 0 && plan.stderr.contains("patchbay: changes pending"), "\(plan)")
        let body = try ws.out("comment.md")
        #expect(body.hasPrefix(marker + "### Patchbay plan: stack `acme-quickstart`\n"), "\(body)")
        #expect(body.contains("**Plan: 25 to create, 0 to update, 0 to delete.**"), "\(body)")
        #expect(body.contains("Planned at `0123456789ab` in [this run](\(Self.jobURL)). On merge, apply runs exactly this plan"), "\(body)")
        let posted = try await gitlab.run(ws, "sticky-comment.sh", [ws.dir.path("out/comment.md")])
        #expect(posted.exitCode == 0 && posted.stdout == "commented on !7\n", "\(posted)")
        var notes = try gitlab.state().notes(on: "merge_requests/7")
        #expect(notes.map(\.body) == ["Looks good to me", body])
        let id = try #require(notes.last?.id)

        // Second push: the same note is updated, not a second one.
        try edit(ws.manifests.appendingPathComponent("patchbay.yaml"), "maxContacts: 50", "maxContacts: 60")
        let again = try await gitlab.run(ws, "plan-comment.sh")
        #expect(again.exitCode == 0, "\(again)")
        let updated = try await gitlab.run(ws, "sticky-comment.sh", [ws.dir.path("out/comment.md")])
        #expect(updated.exitCode == 0 && updated.stdout == "updated note \(id) on !7\n", "\(updated)")
        notes = try gitlab.state().notes(on: "merge_requests/7")
        #expect(notes.map(\.id) == [1, id])
        #expect(notes.last?.body == (try ws.out("comment.md")))
        #expect(try gitlab.state().notes(on: "merge_requests/8").map(\.body) == ["<!-- patchbay-plan: default -->\nanother merge request"])

        // Third push: a broken manifest. The job fails; the note says what is wrong where.
        try edit(ws.manifests.appendingPathComponent("patchbay.yaml"), "maxContacts: 60", "maxContact: 60")
        let broken = try await gitlab.run(ws, "plan-comment.sh")
        #expect(broken.exitCode == 1, "\(broken)")
        let failed = try ws.out("comment.md")
        #expect(failed.hasPrefix(marker + "### Patchbay plan failed\n"), "\(failed)")
        #expect(failed.contains("\(ws.manifests.path)/patchbay.yaml:31:5: error: unknown key 'maxContact' in queue 'Support'"), "\(failed)")
        _ = try await gitlab.run(ws, "sticky-comment.sh", [ws.dir.path("out/comment.md")])
        #expect(try gitlab.state().notes(on: "merge_requests/7").map(\.body) == ["Looks good to me", failed])

        // A token GitLab refuses: the step fails and nothing changes.
        let refused = try await gitlab.run(ws, "sticky-comment.sh", [ws.dir.path("out/comment.md")], environment: ["GITLAB_API_TOKEN": "revoked"])
        #expect(refused.exitCode != 0 && refused.stderr.contains("401"), "\(refused)")
        #expect(try gitlab.state().notes(on: "merge_requests/7").map(\.body) == ["Looks good to me", failed])
    }

    @Test func applyOnMergeUsesThePlanReviewedOnTheMergeRequest() async throws {
        let ws = try Workspace()
        let commit = "feedface00000000000000000000000000000000", head = "abad1dea00000000000000000000000000000000"

        // The merge request's plan job (job 300 of pipeline 90) kept patchbay-out/plan.json.
        let job = ws.dir.path("job-300")
        let plan = try await ws.run("plan-comment.sh", environment: ["PATCHBAY_OUT": job + "/patchbay-out"])
        #expect(plan.exitCode == 0, "\(plan)")
        // Pipeline 91 is newer but failed; 80 succeeded for an older head; !9 has no
        // successful pipeline; !10's plan job kept no artifacts.
        let gitlab = try await FakeGitLab(ws, seed: """
            {"merge_requests_by_commit": {
               "\(commit)": [{"iid": 5, "state": "opened", "sha": "5555"},
                             {"iid": 7, "state": "merged", "sha": "\(head)", "merge_commit_sha": "\(commit)", "squash_commit_sha": null}],
               "c0ffee": [{"iid": 9, "state": "merged", "sha": "9999", "merge_commit_sha": null, "squash_commit_sha": "c0ffee"}],
               "dead": [{"iid": 10, "state": "merged", "sha": "dead", "merge_commit_sha": null, "squash_commit_sha": null}]},
             "pipelines": {"7": [{"id": 80, "sha": "0ld", "status": "success"}, {"id": 90, "sha": "\(head)", "status": "success"},
                                 {"id": 91, "sha": "\(head)", "status": "failed"}],
                           "9": [{"id": 95, "sha": "9999", "status": "failed"}],
                           "10": [{"id": 97, "sha": "dead", "status": "success"}]},
             "jobs": {"80": [{"id": 200, "name": "plan", "status": "success"}],
                      "90": [{"id": 299, "name": "plan", "status": "failed"}, {"id": 300, "name": "plan", "status": "success"},
                             {"id": 301, "name": "lint", "status": "success"}],
                      "97": [{"id": 310, "name": "plan", "status": "success"}]},
             "artifacts": {"300": "\(job)"}}
            """)

        let fetched = try await gitlab.run(ws, "fetch-reviewed-plan.sh", environment: ["CI_COMMIT_SHA": commit])
        #expect(fetched.exitCode == 0 && fetched.stderr.contains("reviewed plan of !7 from pipeline 90 (job 300)"), "\(fetched)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: ws.dir.path("out/plan.json")))
                == Data(contentsOf: URL(fileURLWithPath: job + "/patchbay-out/plan.json")))

        // No reviewed plan: said why, nothing downloaded, and apply-plan.sh refuses.
        let none = ws.dir.path("none")
        let direct = try await gitlab.run(ws, "fetch-reviewed-plan.sh", environment: ["CI_COMMIT_SHA": "0000", "PATCHBAY_OUT": none])
        #expect(direct.exitCode == 0 && direct.stderr.contains("0000 is not the merge of a merge request"), "\(direct)")
        let unplanned = try await gitlab.run(ws, "fetch-reviewed-plan.sh", environment: ["CI_COMMIT_SHA": "c0ffee", "PATCHBAY_OUT": none])
        #expect(unplanned.exitCode == 0 && unplanned.stderr.contains("no successful pipeline for !9 at 9999"), "\(unplanned)")
        let expired = try await gitlab.run(ws, "fetch-reviewed-plan.sh", environment: ["CI_COMMIT_SHA": "dead", "PATCHBAY_OUT": none])
        #expect(expired.exitCode == 1 && expired.stderr.contains("could not download patchbay-out/plan.json from job 310"), "\(expired)")
        #expect(!FileManager.default.fileExists(atPath: none + "/plan.json"))
        let refused = try await gitlab.run(ws, "apply-plan.sh", environment: ["PATCHBAY_OUT": none])
        #expect(refused.exitCode == 1 && refused.stderr.contains("no reviewed plan"), "\(refused)")
        #expect(refused.stderr.contains("PATCHBAY_APPLY_UNREVIEWED=true (a variable of a pipeline run by hand)"), "\(refused)")

        let apply = try await gitlab.run(ws, "apply-plan.sh")
        #expect(apply.exitCode == 0 && apply.stdout.contains("Apply complete! 25 changes made"), "\(apply)")
        #expect(apply.stderr.contains("applying the reviewed plan"), "\(apply)")

        // The instance moves (a change by hand); the reviewed plan, fetched again, is refused.
        let console = try ws.dir.copy(ws.manifests, as: "console")
        try edit(console.appendingPathComponent("patchbay.yaml"), "maxContacts: 50", "maxContacts: 7")
        let byHand = try await gitlab.run(ws, "apply-plan.sh", environment: ["PATCHBAY_MANIFESTS": console.path, "PATCHBAY_APPLY_UNREVIEWED": "true",
                                                                            "PATCHBAY_OUT": ws.dir.path("console-out")])
        #expect(byHand.exitCode == 0 && byHand.stderr.contains("no reviewed plan; PATCHBAY_APPLY_UNREVIEWED=true, so planning afresh"), "\(byHand)")
        let stale = ws.dir.path("stale")
        let again = try await gitlab.run(ws, "fetch-reviewed-plan.sh", environment: ["CI_COMMIT_SHA": commit, "PATCHBAY_OUT": stale])
        #expect(again.exitCode == 0, "\(again)")
        let moved = try await gitlab.run(ws, "apply-plan.sh", environment: ["PATCHBAY_OUT": stale])
        #expect(moved.exitCode == 1 && moved.stdout.contains("the instance changed since the plan was made"), "\(moved)")
    }

    @Test func driftIssueOpensUpdatesAndCloses() async throws {
        let ws = try Workspace()
        let setup = try await ws.run("apply-plan.sh", environment: ["PATCHBAY_APPLY_UNREVIEWED": "true", "PATCHBAY_OUT": ws.dir.path("setup")])
        #expect(setup.exitCode == 0, "\(setup)")
        // Another environment's drift issue, and this one's from last month (closed): not ours.
        let gitlab = try await FakeGitLab(ws, seed: """
            {"max_per_page": 1, "issues": [
              {"iid": 1, "title": "Patchbay drift in staging", "description": "<!-- patchbay-drift: staging -->\\n...", "labels": ["patchbay-drift"], "state": "opened"},
              {"iid": 2, "title": "Patchbay drift", "description": "<!-- patchbay-drift: default -->\\nold", "labels": ["patchbay-drift"], "state": "closed"}]}
            """)

        let clean = try await gitlab.run(ws, "drift-issue.sh")
        #expect(clean.exitCode == 0 && clean.stdout == "in sync\n", "\(clean)")
        #expect(try gitlab.state().issues?.map(\.state) == ["opened", "closed"])

        // A change by hand: one issue opened, with the plan in its description.
        let console = try ws.dir.copy(ws.manifests, as: "console")
        func byHand(_ old: String, _ new: String) async throws {
            try edit(console.appendingPathComponent("patchbay.yaml"), old, new)
            let run = try await gitlab.run(ws, "apply-plan.sh", environment: ["PATCHBAY_MANIFESTS": console.path, "PATCHBAY_APPLY_UNREVIEWED": "true",
                                                                             "PATCHBAY_OUT": ws.dir.path("console-out")])
            #expect(run.exitCode == 0, "\(run)")
        }
        try await byHand("maxContacts: 50", "maxContacts: 7")
        let drift = try await gitlab.run(ws, "drift-issue.sh")
        #expect(drift.exitCode == 0 && drift.stdout == "drift; opened #3\n", "\(drift)")
        let issue = try #require(try gitlab.state().issue(3))
        #expect(issue.state == "opened" && issue.labels == ["patchbay-drift"])
        #expect(issue.title == "Patchbay drift: the instance differs from the manifests")
        let description = issue.description ?? ""
        #expect(description.hasPrefix("<!-- patchbay-drift: default -->\nThe live instance has changes"), "\(description)")
        #expect(description.contains("Last checked in [this run](\(Self.jobURL))."), "\(description)")
        #expect(description.contains("| `maxContacts` | `7` | `50` |"), "\(description)")

        // The next day, the same drift: the description is refreshed, no note.
        let same = try await gitlab.run(ws, "drift-issue.sh")
        #expect(same.exitCode == 0 && same.stdout == "drift unchanged; refreshed #3\n", "\(same)")
        #expect(try gitlab.state().notes(on: "issues/3").isEmpty)

        // The drift changes: the description shows it, and a note says so.
        try await byHand("maxContacts: 7", "maxContacts: 8")
        let changed = try await gitlab.run(ws, "drift-issue.sh")
        #expect(changed.exitCode == 0 && changed.stdout == "drift changed; updated #3\n", "\(changed)")
        #expect(try gitlab.state().issue(3)?.description?.contains("| `maxContacts` | `8` | `50` |") == true)
        #expect(try gitlab.state().notes(on: "issues/3").map(\.body) == ["The drift changed; the description shows it as it is now."])

        // Invalid manifests: the job fails and the issue is left as it is.
        let before = try gitlab.state().issue(3)?.description
        try edit(ws.manifests.appendingPathComponent("patchbay.yaml"), "maxContacts: 50", "maxContact: 50")
        let error = try await gitlab.run(ws, "drift-issue.sh")
        #expect(error.exitCode == 1 && error.stderr.contains("drift check failed (exit 1)"), "\(error)")
        #expect(try gitlab.state().issue(3)?.description == before)
        #expect(try gitlab.state().issue(3)?.state == "opened")
        #expect(try gitlab.state().notes(on: "issues/3").count == 1)
        try edit(ws.manifests.appendingPathComponent("patchbay.yaml"), "maxContact: 50", "maxContacts: 50")

        // Repaired: the issue is closed with a note; the other environment's stays open.
        let repair = try await gitlab.run(ws, "apply-plan.sh", environment: ["PATCHBAY_APPLY_UNREVIEWED": "true", "PATCHBAY_OUT": ws.dir.path("repair")])
        #expect(repair.exitCode == 0, "\(repair)")
        let closed = try await gitlab.run(ws, "drift-issue.sh")
        #expect(closed.exitCode == 0 && closed.stdout == "in sync; closed #3\n", "\(closed)")
        #expect(try gitlab.state().issues?.map(\.state) == ["opened", "closed", "closed"])
        #expect(try gitlab.state().notes(on: "issues/3").last?.body
                == "The instance matches the manifests again ([check](\(Self.jobURL))); closing.")
    }

    /// actionlint reads GitHub workflows only: the GitLab file is checked by
    /// Fixtures/ci/check_gitlab_ci.py (parses; stages; every script it calls exists and is
    /// executable; the plan job keeps the artifact that apply fetches).
    @Test func gitlabCIFileParsesAndCallsScriptsThatExist() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Paths.fixtures.appendingPathComponent("ci/check_gitlab_ci.py").path, Paths.packageRoot.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(output)")
        #expect(output.contains("3 jobs (plan, apply, drift), 6 script calls (apply-plan.sh, drift-issue.sh, fetch-reviewed-plan.sh, "
                                + "install-patchbay.sh, plan-comment.sh, sticky-comment.sh): ok"), "\(output)")
    }
}
