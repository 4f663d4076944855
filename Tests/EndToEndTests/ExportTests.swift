import ConnectAPI
import ConnectHTTP
import Foundation
import PatchbayTestSupport
import Testing

/// Issue #12: `patchbay export` on an instance built by hand through the API.
@Suite struct ExportTests {
    /// Exports, validates, plans (only adoptions, which tag), applies them, then plans clean; the
    /// export applied to a second, empty instance exports to the same bytes; console edits to a
    /// flow, a queue and a user change exactly those three resources' text.
    @Test func roundTripOfAnInstanceBuiltByHand() async throws {
        let first = try await TestEmulator(), second = try await TestEmulator()
        do {
            try await roundTrip(first, second)
            await first.stop(); await second.stop()
        } catch {
            await first.stop(); await second.stop()
            throw error
        }
    }

    private func roundTrip(_ first: TestEmulator, _ second: TestEmulator) async throws {
        let built = try await HandBuiltInstance.build(first, users: 200)
        let dir = try TempDir(), out = dir.url.appendingPathComponent("export")
        let export = try await patchbay(["export", "--out", out.path] + first.connectionArguments, timeout: 180)
        try #require(export.exitCode == 0, "\(export)")
        #expect(export.stderr.contains("could not resolve 1 ARN"), "an ARN of no resource in the instance is listed: \(export)")
        #expect(export.stderr.contains(HandBuiltInstance.foreignARN), "\(export)")
        let files = try ExportFiles.read(out)
        #expect(Set(files.keys) == ["patchbay.yaml", "hours.yaml", "queues.yaml", "quick-connects.yaml", "prompts.yaml",
                                    "routing-profiles.yaml", "security-profiles.yaml", "user-hierarchy.yaml", "users.yaml",
                                    "flows.yaml", "flow-modules.yaml", "flows/main-ivr.json", "flows/after-hours.json",
                                    "flows/outbound-whisper.json", "flows/modules/billing-module.json",
                                    "agent-statuses.yaml", "phone-numbers.yaml", "integrations.yaml", "task-templates.yaml"],
                "\(files.keys.sorted())")
        #expect(files["task-templates.yaml"]?.contains("flow: Main IVR") == true
                && files["task-templates.yaml"]?.contains("options: [Billing, Other]") == true, "\(files["task-templates.yaml"] ?? "")")
        #expect(files["agent-statuses.yaml"]?.contains("Lunch:") == true && files["agent-statuses.yaml"]?.contains("Available") == false,
                "\(files["agent-statuses.yaml"] ?? "")")
        #expect(files["hours.yaml"]?.contains("Christmas") == true, "\(files["hours.yaml"] ?? "")")
        let routing = files["routing-profiles.yaml"] ?? "", security = files["security-profiles.yaml"] ?? ""
        #expect(routing.contains("crossChannel: ROUTE_ANY_CHANNEL") && routing.contains("manualAssignmentQueues"), "\(routing)")
        for key in ["allowedAccessControlTags: { region: amer }", "tagRestrictedResources: [User]", "hierarchyRestrictedResources: [User]",
                    "allowedAccessControlHierarchyGroup: Americas/New York", "namespace: acme.crm"] {
            #expect(security.contains(key), "\(key) in \(security)")
        }
        #expect(files["phone-numbers.yaml"]?.contains("Main IVR") == true, "\(files["phone-numbers.yaml"] ?? "")")
        #expect(files["integrations.yaml"]?.contains(HandBuiltInstance.lambda) == true
                && files["integrations.yaml"]?.contains(HandBuiltInstance.bot) == true, "\(files["integrations.yaml"] ?? "")")
        let flow = try #require(files["flows/main-ivr.json"])
        for reference in ["${queue:Support}", "${module:Billing Module}", "${flow:After Hours}", "${quickConnect:To Billing}",
                          "${prompt:Welcome}", "${hours:Weekdays}"] {
            #expect(flow.contains(reference), "\(reference) in \(flow)")
        }
        #expect(!flow.contains(first.instanceId), "no ARN of the instance is left")
        let queues = try #require(files["queues.yaml"])
        #expect(queues.contains("Partner Queue: { external: true }"), "owned by another stack: \(queues)")
        #expect(!queues.contains("BasicQueue"), "defaults are referenced, not exported: \(queues)")
        #expect(files["users.yaml"]?.contains("Passwords are not exported") == true)
        #expect(files["users.yaml"]?.components(separatedBy: "\n  agent").count == 201, "200 users")
        #expect(files.values.allSatisfy { !$0.contains(first.instanceId) }, "no instance id anywhere")

        let validate = try await patchbay(["validate", out.path])
        #expect(validate.exitCode == 0, "\(validate)")

        // An instance built in the console is not tagged yet: the first plan adopts, and only tags.
        let plan = try await patchbay(["plan", out.path, "--format", "json"] + first.connectionArguments)
        try #require(plan.exitCode == 0, "\(plan)")
        let doc = try PlanJSON.parse(plan.stdout)
        #expect(doc.changes.allSatisfy { $0.action == "adopt" && $0.paths.allSatisfy { $0.hasPrefix("tags") } },
                "\(doc.changes.filter { $0.action != "adopt" || !$0.paths.allSatisfy { $0.hasPrefix("tags") } }.map { "\($0.address) \($0.action) \($0.paths)" })")
        let mark = try first.requests().count
        let adopt = try await patchbay(["apply", out.path, "--auto-approve"] + first.connectionArguments, timeout: 180)
        try #require(adopt.exitCode == 0, "\(adopt)")
        #expect(Set(try first.writes(since: mark)) == ["TagResource"])
        let clean = try await patchbay(["plan", out.path, "--detailed-exitcode"] + first.connectionArguments)
        #expect(clean.exitCode == 0, "\(clean)")
        let again = try await patchbay(["export", "--out", out.path] + first.connectionArguments, timeout: 180)
        #expect(again.exitCode == 0, "\(again)")
        #expect(try ExportFiles.read(out) == files, "Patchbay's own tags never show in an export")

        // Into an empty instance (what is external there is made by hand first), then export again.
        try await HandBuiltInstance.externals(second)
        let apply = try await patchbay(["apply", out.path, "--auto-approve"] + second.connectionArguments, timeout: 180)
        try #require(apply.exitCode == 0, "\(apply)")
        let out2 = dir.url.appendingPathComponent("export2")
        let export2 = try await patchbay(["export", "--out", out2.path] + second.connectionArguments, timeout: 180)
        try #require(export2.exitCode == 0, "\(export2)")
        let files2 = try ExportFiles.read(out2)
        for name in Set(files.keys).union(files2.keys).sorted() {
            #expect(files[name] == files2[name], "\(name) differs between the instances")
        }

        // Console edits, then export over the same directory.
        try await built.editByHand(first)
        let pull = try await patchbay(["export", "--out", out.path] + first.connectionArguments, timeout: 180)
        try #require(pull.exitCode == 0, "\(pull)")
        #expect(pull.stderr.contains("3 written"), "\(pull)")
        let pulled = try ExportFiles.read(out)
        let changed = Set(pulled.keys.filter { pulled[$0] != files[$0] })
        #expect(changed == ["flows/main-ivr.json", "queues.yaml", "users.yaml"], "\(changed.sorted())")
        #expect(ExportFiles.changedResources(files["queues.yaml"] ?? "", pulled["queues.yaml"] ?? "") == ["Support"])
        #expect(ExportFiles.changedResources(files["users.yaml"] ?? "", pulled["users.yaml"] ?? "") == ["agent007"])
        let flowChanges = ExportFiles.changedLines(flow, pulled["flows/main-ivr.json"] ?? "")
        #expect(flowChanges.count == 1 && flowChanges.first?.contains("Welcome back") == true, "\(flowChanges)")
    }

    /// A file export did not write is refused (exit 1, named) unless --force; --only writes only those kinds.
    @Test func refusesFilesItDidNotWriteAndExportsOnlyTheKindsAsked() async throws {
        try await withEmulator { emu in
            _ = try await HandBuiltInstance.build(emu, users: 3)
            let dir = try TempDir()
            try "queues: {}\n".write(toFile: dir.path("queues.yaml"), atomically: true, encoding: .utf8)
            let refused = try await patchbay(["export", "--out", dir.url.path] + emu.connectionArguments)
            #expect(refused.exitCode == 1, "\(refused)")
            #expect(refused.stderr.contains("queues.yaml") && refused.stderr.contains("--force"), "\(refused)")
            #expect(try String(contentsOfFile: dir.path("queues.yaml"), encoding: .utf8) == "queues: {}\n")
            #expect(!FileManager.default.fileExists(atPath: dir.path("users.yaml")), "nothing written when refused")

            let only = try await patchbay(["export", "--out", dir.url.path, "--only", "users,hoursOfOperation", "--force"] + emu.connectionArguments)
            #expect(only.exitCode == 0, "\(only)")
            #expect(Set(try ExportFiles.read(dir.url).keys) == ["patchbay.yaml", "queues.yaml", "users.yaml", "hours.yaml"])
            #expect(try String(contentsOfFile: dir.path("queues.yaml"), encoding: .utf8) == "queues: {}\n", "not a kind asked for")

            let forced = try await patchbay(["export", "--out", dir.url.path, "--force", "--stack", "other"] + emu.connectionArguments)
            #expect(forced.exitCode == 0, "\(forced)")
            let queues = try String(contentsOfFile: dir.path("queues.yaml"), encoding: .utf8)
            #expect(queues.contains("Partner Queue:\n    hoursOfOperation: Weekdays"), "--stack names the owner: in full. \(queues)")
            #expect(queues.contains("stack") == false)
            #expect(try String(contentsOfFile: dir.path("patchbay.yaml"), encoding: .utf8).contains("stack: other"))

            let unknown = try await patchbay(["export", "--out", dir.url.path, "--only", "queus"] + emu.connectionArguments)
            #expect(unknown.exitCode == 1 && unknown.stderr.contains("unknown kind 'queus'"), "\(unknown)")
        }
    }
}

extension ExportTests {
    /// `export --help` and the command lines of docs/cli.md and the README name the same options.
    @Test func helpAndDocsAgree() async throws {
        let help = try await patchbay(["export", "--help"])
        #expect(help.exitCode == 0, "\(help)")
        for option in ["--out <out>", "--stack <stack>", "--only <KINDS>", "--force", "--instance-id", "--emulator", "--rate-limit"] {
            #expect(help.stdout.contains(option), "\(option) in \(help.stdout)")
        }
        for doc in ["docs/cli.md", "README.md"] {
            let text = try String(contentsOf: Paths.packageRoot.appendingPathComponent(doc), encoding: .utf8)
            #expect(text.contains("patchbay export   --out DIR [--stack S] [--only KINDS] [--force]"), "\(doc)")
        }
    }
}

/// The files of an export directory, by relative path.
enum ExportFiles {
    static func read(_ root: URL) throws -> [String: String] {
        var files: [String: String] = [:]
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey])
        while let url = enumerator?.nextObject() as? URL {
            guard (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true else { continue }
            let relative = String(url.standardizedFileURL.path.dropFirst(root.standardizedFileURL.path.count + 1))
            files[relative] = try String(contentsOf: url, encoding: .utf8)
        }
        return files
    }

    /// The lines that differ, for texts with the same number of lines (edits in place).
    static func changedLines(_ old: String, _ new: String) -> [String] {
        let a = old.split(separator: "\n", omittingEmptySubsequences: false), b = new.split(separator: "\n", omittingEmptySubsequences: false)
        guard a.count == b.count else { return ["line count \(a.count) → \(b.count)"] }
        return zip(a, b).filter { $0 != $1 }.map { String($1) }
    }

    /// The resources (two-space-indented keys) whose lines differ.
    static func changedResources(_ old: String, _ new: String) -> Set<String> {
        let a = old.split(separator: "\n", omittingEmptySubsequences: false), b = new.split(separator: "\n", omittingEmptySubsequences: false)
        guard a.count == b.count else { return ["line count \(a.count) → \(b.count)"] }
        var owner = "", changed: Set<String> = []
        for (x, y) in zip(a, b) {
            if y.hasPrefix("  "), !y.hasPrefix("   "), let colon = y.firstIndex(of: ":") { owner = String(y[y.index(y.startIndex, offsetBy: 2)..<colon]) }
            if x != y { changed.insert(owner) }
        }
        return changed
    }
}
