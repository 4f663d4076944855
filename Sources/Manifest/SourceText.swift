import Model

/// The text of one file with helpers to map offsets to line/column (1-based, Unicode scalars).
final class SourceText: @unchecked Sendable {
    let path: String
    let text: String
    private var _lines: [[Unicode.Scalar]]?

    init(path: String, text: String) {
        self.path = path
        self.text = text
    }

    /// Lines as Unicode scalars, without line terminators. Computed on first use (only needed
    /// for error reporting and duplicate-key scanning).
    var lines: [[Unicode.Scalar]] {
        if let _lines { return _lines }
        var result: [[Unicode.Scalar]] = []
        var current: [Unicode.Scalar] = []
        var previousCR = false
        for scalar in text.unicodeScalars {
            if scalar == "\n" {
                if !previousCR { result.append(current); current = [] }
                previousCR = false
            } else if scalar == "\r" {
                result.append(current); current = []
                previousCR = true
            } else {
                previousCR = false
                current.append(scalar)
            }
        }
        result.append(current)
        _lines = result
        return result
    }

    func location(line: Int, column: Int) -> SourceLocation {
        SourceLocation(file: path, line: line, column: column)
    }

    /// Finds `needle` at or after (line, column), within `maxLines` lines; returns its position.
    func find(_ needle: String, fromLine line: Int, column: Int, maxLines: Int = 50) -> (line: Int, column: Int)? {
        let needle = Array(needle.unicodeScalars)
        guard !needle.isEmpty else { return nil }
        let all = lines
        var l = line
        var c = column
        while l <= all.count && l < line + maxLines {
            let scalars = all[l - 1]
            if c - 1 <= scalars.count - needle.count, scalars.count >= needle.count {
                var i = max(0, c - 1)
                while i + needle.count <= scalars.count {
                    if scalars[i] == needle[0] && Array(scalars[i..<(i + needle.count)]) == needle {
                        return (l, i + 1)
                    }
                    i += 1
                }
            }
            l += 1
            c = 1
        }
        return nil
    }
}
