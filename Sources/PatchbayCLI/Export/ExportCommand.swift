import ArgumentParser
import Foundation
import Model
import Reconciler

/// `patchbay export --out DIR`: manifests for a live instance (design.md §2).
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write manifests for a live instance.",
        discussion: """
            Reads the whole instance (Search APIs first, as plan does) and writes the manifests a \
            person would have written: one file per kind (hours.yaml, queues.yaml, \
            routing-profiles.yaml, users.yaml, …) and patchbay.yaml with the stack (and, as \
            top-level tags:, the tags every resource carries), keys in the \
            order of docs/manifest.md, resources sorted by name, references by name. Flows and \
            flow modules go to flows/ and flows/modules/ as pretty-printed JSON with every ARN \
            of the instance turned into a ${kind:NAME} reference; ARNs it cannot resolve are \
            left as written and listed.

            Connect's defaults (Basic Hours, BasicQueue, the Default flows, …) are referenced, \
            not written. Users get no password (Connect never returns one; users.yaml says how to \
            add one). Resources tagged patchbay:stack with another stack are written as \
            'external: true' unless --stack names that stack; prompts are always external. No \
            instance id and no date is written: exporting an unchanged instance gives the same \
            bytes, and two instances with the same configuration give the same files.

            Running export again over a directory it wrote rewrites its files in place (git diff \
            then shows what changed in the console since) and removes the files of resources that \
            are gone. A file export did not write (no "Written by patchbay export" line) is never \
            overwritten unless --force.
            """)

    @Option(help: "The directory to write (created if missing).")
    var out: String

    @Option(help: "The stack the manifests declare (default \"default\"); resources tagged with another stack are written 'external: true'.")
    var stack: String = "default"

    @Option(help: ArgumentHelp("Only these kinds, comma-separated, by manifest key (queues,users,…).", valueName: "KINDS"))
    var only: String?

    @Flag(help: "Overwrite files export did not write.")
    var force = false

    @OptionGroup var connection: ConnectionOptions

    func validate() throws { _ = try ExportKinds.parse(only) }

    func run() async throws {
        try await PlanPipeline.reportingErrors {
            let kinds = try ExportKinds.parse(only)
            let session = try await ConnectSession.open(connection, manifest: nil)
            let live: LiveState
            do {
                let (reader, progress) = PlanPipeline.liveReader(session)
                live = try await session.within("reading the instance") { try await reader.readEverything() }
                progress.finish()
                await session.close()
            } catch {
                await session.close()
                throw error
            }
            let export = LiveExport.make(live, stack: stack, kinds: kinds)
            let directory = ExportDirectory(root: URL(fileURLWithPath: out))
            let changes = directory.changes(to: files(export), owned: LiveExport.manifestFiles(for: kinds).union([Self.stackFile]),
                                            force: force)
            guard changes.refused.isEmpty else {
                throw CLIError("not overwriting \(changes.refused.count) file\(changes.refused.count == 1 ? "" : "s") in \(out) that export did not write "
                               + "(no '\(ExportDirectory.marker)' line): \(changes.refused.joined(separator: ", ")); pass --force to overwrite them")
            }
            try directory.apply(changes)
            Terminal.writeError(report(export, changes, live: live))
        }
    }

    static let stackFile = "patchbay.yaml"

    /// Every file of the export: the manifests (header first) and the content files.
    private func files(_ export: LiveExport) -> [String: String] {
        var files: [String: String] = [:]
        for (name, sections) in export.manifests {
            files[name] = ManifestWriter.file(header: ExportDirectory.header, sections: sections, comments: export.comments)
        }
        files[Self.stackFile] = ManifestWriter.file(
            header: ExportDirectory.header + ["Add the instance to plan and apply against, or pass --instance-id:",
                                              "instance: { id: INSTANCE-ID, region: REGION }"],
            sections: ["stack": .string(stack)].merging(export.stackTags.isEmpty ? [:] : ["tags": .object(export.stackTags.mapValues(FieldValue.string))]) { a, _ in a })
        for file in export.files { files[file.path] = file.text }
        return files
    }

    private func report(_ export: LiveExport, _ changes: ExportDirectory.Changes, live: LiveState) -> String {
        let counts = ResourceKind.all.compactMap { kind in export.counts[kind].map { "\(kind.displayName) \($0)" } }
        var text = "Exported \(counts.isEmpty ? "nothing" : counts.joined(separator: ", ")) (\(live.readCalls) calls to read the instance).\n"
        text += "\(out): \(changes.write.count) written, \(changes.unchanged.count) unchanged, \(changes.remove.count) removed.\n"
        for file in export.files {
            let unresolved = FlowImport.arnsIn(file.text).sorted()
            guard !unresolved.isEmpty else { continue }
            text += "\(file.path): could not resolve \(unresolved.count) ARN\(unresolved.count == 1 ? "" : "s") in the instance; left as written:\n"
            text += unresolved.map { "  \($0)\n" }.joined()
        }
        return text
    }
}

/// `--only`: kinds by manifest key (`queues`, `userHierarchy`) or address prefix (`queue`).
enum ExportKinds {
    static func parse(_ only: String?) throws -> Set<ResourceKind>? {
        guard let only else { return nil }
        var kinds: Set<ResourceKind> = []
        for word in only.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !word.isEmpty {
            let matching = ResourceKind.all.filter { $0.manifestSection == word || $0.rawValue == word }
            guard !matching.isEmpty else {
                let keys = Array(Set(ResourceKind.all.map(\.manifestSection))).sorted()
                throw ValidationError("--only: unknown kind '\(word)'; kinds are \(keys.joined(separator: ", "))")
            }
            kinds.formUnion(matching)
        }
        return kinds
    }
}
