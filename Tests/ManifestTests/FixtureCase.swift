import Foundation

/// A marker-style fixture (as in swift-format's tests): manifest text with keycap markers
/// (`1️⃣` … `9️⃣`) where diagnostics must point, and trailing `#>` lines with the expected
/// diagnostics:
///
///     queues:
///       Support:
///         1️⃣maxContact: 5
///     #> 1️⃣ error: unknown key 'maxContact' in queue 'Support'; did you mean 'maxContacts'?
///     #> 2️⃣ note: also declared here          (a note of the diagnostic above)
///     #> error: message                        (a diagnostic without a location)
///
/// A fixture is a single `.yaml` file or a directory of files (markers may be in any file,
/// including flow JSON; `#>` lines only in YAML files).
struct FixtureCase {
    struct File {
        var relativePath: String
        var text: String
        /// A file that is not UTF-8 text (a prompt's audio): copied as it is, no markers.
        var bytes: Data?
    }

    struct Expectation {
        var marker: Int?
        var severity: String
        var message: String
        var notes: [Expectation] = []
    }

    var name: String
    var isDirectory: Bool
    var files: [File] = []
    /// Marker number → (relative file, line, column) in the stripped text.
    var markers: [Int: (file: String, line: Int, column: Int)] = [:]
    var expectations: [Expectation] = []

    static let keycapTail: [Unicode.Scalar] = ["\u{FE0F}", "\u{20E3}"]

    init(url: URL) throws {
        name = url.lastPathComponent
        var isDir: ObjCBool = false
        _ = FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir)
        isDirectory = isDir.boolValue
        var sources: [(String, String)] = []
        var binary: [File] = []
        if isDirectory {
            let enumerator = FileManager.default.enumerator(atPath: url.path)!
            for case let relative as String in enumerator {
                var sub: ObjCBool = false
                let full = url.appendingPathComponent(relative).path
                _ = FileManager.default.fileExists(atPath: full, isDirectory: &sub)
                guard !sub.boolValue else { continue }
                let data = try Data(contentsOf: URL(fileURLWithPath: full))
                if let text = String(data: data, encoding: .utf8) {
                    sources.append((relative, text))
                } else {
                    binary.append(File(relativePath: relative, text: "", bytes: data))
                }
            }
            sources.sort { $0.0 < $1.0 }
        } else {
            sources = [(name, try String(contentsOf: url, encoding: .utf8))]
        }
        for (relative, text) in sources { files.append(File(relativePath: relative, text: strip(text, file: relative))) }
        files += binary.sorted { $0.relativePath < $1.relativePath }
    }

    /// Removes markers (recording their positions) and turns `#>` lines into plain `#` lines.
    private mutating func strip(_ text: String, file: String) -> String {
        var outLines: [String] = []
        var lineNumber = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let trimmed = line.drop { $0 == " " }
            if trimmed.hasPrefix("#>") {
                parseExpectation(String(trimmed.dropFirst(2)))
                outLines.append("#")
                continue
            }
            let scalars = Array(line.unicodeScalars)
            var kept = String.UnicodeScalarView()
            var i = 0
            var column = 1
            while i < scalars.count {
                if i + 2 < scalars.count, let digit = Int(String(scalars[i])), Array(scalars[i + 1...i + 2]) == Self.keycapTail {
                    markers[digit] = (file, lineNumber, column)
                    i += 3
                    continue
                }
                kept.append(scalars[i])
                column += 1
                i += 1
            }
            outLines.append(String(kept))
        }
        return outLines.joined(separator: "\n")
    }

    private mutating func parseExpectation(_ raw: String) {
        var text = Substring(raw).drop { $0 == " " }
        var marker: Int?
        let scalars = Array(text.unicodeScalars)
        if scalars.count >= 3, let digit = Int(String(scalars[0])), Array(scalars[1...2]) == Self.keycapTail {
            marker = digit
            text = Substring(String(String.UnicodeScalarView(scalars[3...]))).drop { $0 == " " }
        }
        guard let colon = text.firstIndex(of: ":") else { return }
        let severity = String(text[..<colon])
        let message = String(text[text.index(after: colon)...].drop { $0 == " " })
        let expectation = Expectation(marker: marker, severity: severity, message: message)
        if severity == "note", !expectations.isEmpty {
            expectations[expectations.count - 1].notes.append(expectation)
        } else {
            expectations.append(expectation)
        }
    }

    /// Writes the stripped files below `directory`; returns the path to load.
    func write(to directory: URL) throws -> String {
        for file in files {
            let url = directory.appendingPathComponent(file.relativePath)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try (file.bytes ?? Data(file.text.utf8)).write(to: url)
        }
        return directory.appendingPathComponent(isDirectory ? "" : name).path
    }

    /// Expected diagnostics rendered like the actual ones: `file:line:column: severity: message`.
    func renderedExpectations() -> [String] {
        func location(_ marker: Int?) -> String {
            guard let marker else { return "" }
            guard let m = markers[marker] else { return "<missing marker \(marker)>: " }
            return "\(m.file):\(m.line):\(m.column): "
        }
        return expectations.map { e in
            ([location(e.marker) + "\(e.severity): \(e.message)"]
             + e.notes.map { "    " + location($0.marker) + "\($0.severity): \($0.message)" }).joined(separator: "\n")
        }.sorted()
    }
}
