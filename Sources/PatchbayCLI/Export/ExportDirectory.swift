import Foundation

/// The directory `patchbay export` writes: which files in it export wrote before (and so may
/// overwrite or remove), and the writing itself. A manifest export wrote starts with
/// `marker`; a flow content file is export's when such a manifest names it in `content:`.
struct ExportDirectory {
    static let marker = "# Written by patchbay export."
    /// The header of every manifest export writes (no instance id, no date: re-runs are byte-identical).
    static let header = [
        "yaml-language-server: $schema=https://patchbay.dev/schemas/patchbay.schema.json",
        "Written by patchbay export. Running it again over this directory rewrites this file; delete this line to make",
        "the file yours (export then refuses to overwrite it without --force).",
    ]

    let root: URL

    /// What running export over the directory will do.
    struct Changes {
        /// Relative path → new text, only files whose text changes.
        var write: [String: String] = [:]
        /// Files unchanged.
        var unchanged: [String] = []
        /// Files export wrote before that it no longer writes (their resources are gone).
        var remove: [String] = []
        /// Files in the way that export did not write.
        var refused: [String] = []
    }

    /// The changes that bring the directory to `files`; `owned` says which manifest files this run
    /// is responsible for (the kinds exported), so that files of kinds left out by `--only` stay.
    func changes(to files: [String: String], owned manifests: Set<String>, force: Bool) -> Changes {
        var changes = Changes()
        let previous = previouslyWritten(manifests)
        for (path, text) in files.sorted(by: { $0.key < $1.key }) {
            let current = read(path)
            if current == text { changes.unchanged.append(path); continue }
            if current != nil && !previous.contains(path) && !force { changes.refused.append(path); continue }
            changes.write[path] = text
        }
        changes.remove = previous.subtracting(files.keys).sorted()
        return changes
    }

    /// The files among `manifests` that export wrote (marker first), and the content files they name.
    func previouslyWritten(_ manifests: Set<String>) -> Set<String> {
        var written: Set<String> = []
        for manifest in manifests {
            guard let text = read(manifest), Self.isExported(text) else { continue }
            written.insert(manifest)
            written.formUnion(Self.contentFiles(in: text))
        }
        return written
    }

    static func isExported(_ text: String) -> Bool {
        text.split(separator: "\n", maxSplits: 4).prefix(4).contains { $0.hasPrefix(marker) }
    }

    /// The `content:` paths of an exported manifest (as `ManifestWriter` writes them: plain or double-quoted).
    static func contentFiles(in text: String) -> [String] {
        text.split(separator: "\n").compactMap { line in
            let trimmed = line.drop { $0 == " " }
            guard trimmed.hasPrefix("content: ") else { return nil }
            let value = String(trimmed.dropFirst("content: ".count))
            if value.hasPrefix("\""), let data = value.data(using: .utf8) {
                return try? JSONDecoder().decode(String.self, from: data)
            }
            return value
        }
    }

    func read(_ path: String) -> String? {
        try? String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }

    /// Writes and removes files; removes directories left empty by the removals.
    func apply(_ changes: Changes) throws {
        let fm = FileManager.default
        for (path, text) in changes.write.sorted(by: { $0.key < $1.key }) {
            let url = root.appendingPathComponent(path)
            try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        for path in changes.remove {
            let url = root.appendingPathComponent(path)
            try? fm.removeItem(at: url)
            var dir = url.deletingLastPathComponent()
            while dir.path.count > root.path.count, (try? fm.contentsOfDirectory(atPath: dir.path))?.isEmpty == true {
                try? fm.removeItem(at: dir)
                dir.deleteLastPathComponent()
            }
        }
    }
}
