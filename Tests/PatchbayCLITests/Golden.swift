import Foundation
import Testing

/// Golden-file comparison. Run with `PATCHBAY_RECORD=1 swift test` to rewrite the files; a
/// test whose file it rewrote fails (so a recording run is never mistaken for a passing one).
enum Golden {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    static func check(_ actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = directory.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["PATCHBAY_RECORD"] == "1" {
            if (try? String(contentsOf: url, encoding: .utf8)) != actual {
                try actual.write(to: url, atomically: true, encoding: .utf8)
                Issue.record("re-recorded golden file \(name); review the diff and run again without PATCHBAY_RECORD",
                             sourceLocation: sourceLocation)
            }
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("missing golden file \(name); run with PATCHBAY_RECORD=1 to create it", sourceLocation: sourceLocation)
            return
        }
        if expected != actual {
            let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
            let first = zip(e, a).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(e.count, a.count)
            Issue.record("""
                \(name) differs from the golden file at line \(first + 1):
                  expected: \(first < e.count ? String(e[first]) : "<end of file>")
                  actual:   \(first < a.count ? String(a[first]) : "<end of file>")
                (PATCHBAY_RECORD=1 swift test rewrites golden files)
                """, sourceLocation: sourceLocation)
        }
    }
}
