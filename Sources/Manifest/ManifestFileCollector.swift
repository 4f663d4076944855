import Foundation
import Model

/// Expands a manifest path: a file, or every `*.yaml`/`*.yml` below a directory (hidden
/// files and folders skipped), sorted. Paths keep the form the user gave (`examples/quickstart/queues.yaml`).
enum ManifestFileCollector {
    static func collect(path: String, diagnostics: inout [Diagnostic]) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            diagnostics.append(.error("no such file or directory: \(path)", at: nil))
            return []
        }
        guard isDirectory.boolValue else { return [PathUtilities.normalize(path)] }
        var files: [String] = []
        var visited: Set<String> = []
        walk(directory: path, into: &files, visited: &visited, depth: 0)
        files.sort()
        if files.isEmpty {
            diagnostics.append(.error("no manifest files (*.yaml, *.yml) found in \(PathUtilities.normalize(path))", at: nil))
        }
        return files
    }

    /// Walks `directory`; a directory reached twice (through symbolic links) is read once.
    private static func walk(directory: String, into files: inout [String], visited: inout Set<String>, depth: Int) {
        let canonical = URL(fileURLWithPath: directory).resolvingSymlinksInPath().path
        guard depth < 32, visited.insert(canonical).inserted,
              let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return }
        for name in names.sorted() where !name.hasPrefix(".") {
            let full = PathUtilities.join(directory, name)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory) else { continue }
            if isDirectory.boolValue {
                walk(directory: full, into: &files, visited: &visited, depth: depth + 1)
            } else if name.hasSuffix(".yaml") || name.hasSuffix(".yml") {
                files.append(full)
            }
        }
    }
}
