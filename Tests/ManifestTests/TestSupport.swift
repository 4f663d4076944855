import Foundation
import Model

enum TestSupport {
    /// The package root, found from this file's path.
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var fixturesURL: URL { Bundle.module.url(forResource: "Fixtures", withExtension: nil)! }

    /// A fresh temporary directory.
    static func temporaryDirectory(_ label: String = "patchbay") throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("\(label)-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Writes files (relative path → text) into a new temporary directory.
    static func write(_ files: [String: String]) throws -> URL {
        let dir = try temporaryDirectory()
        for (path, text) in files {
            let url = dir.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return dir
    }

    /// Diagnostics rendered `file:line:column: severity: message` (+ indented notes), with
    /// `prefix` removed from file paths.
    static func render(_ diagnostics: [Diagnostic], removing prefix: String) -> [String] {
        func strip(_ location: SourceLocation?) -> String {
            guard var location else { return "" }
            if location.file.hasPrefix(prefix) { location.file = String(location.file.dropFirst(prefix.count)) }
            return "\(location): "
        }
        return diagnostics.map { d in
            ([strip(d.location) + "\(d.severity.rawValue): " + d.message.replacingOccurrences(of: prefix, with: "")]
             + d.notes.map { "    " + strip($0.location) + "note: " + $0.message.replacingOccurrences(of: prefix, with: "") })
                .joined(separator: "\n")
        }.sorted()
    }
}
