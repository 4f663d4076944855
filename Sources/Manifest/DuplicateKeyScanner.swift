import Yams

/// Finds the second occurrence of a duplicate mapping key in the source text.
///
/// Yams refuses a mapping with duplicate keys and reports only the key's text and a mark near
/// the mapping. This scanner walks the sibling keys of that mapping (block style: the keys at
/// the mapping's column; flow style: the keys at the mapping's bracket depth) to find the first
/// key seen twice, so the diagnostic can point at the second occurrence and name the first.
struct DuplicateKeyScanner {
    struct Found {
        var key: String
        var first: Position
        var second: Position
        /// Length in scalars of the second key's text (inside the quotes for quoted keys).
        var textStart: Position
        var textLength: Int
    }

    let source: SourceText

    func findDuplicate(keys: Set<String>, mappingStart mark: Mark) -> Found? {
        let lines = source.lines
        guard mark.line >= 1, mark.line <= lines.count else { return nil }
        let line = lines[mark.line - 1]
        let column = mark.column
        if column >= 1, column <= line.count, line[column - 1] == "{" {
            return scanFlow(keys: keys, line: mark.line, column: column)
        }
        if let found = scanBlock(keys: keys, line: mark.line, column: column) { return found }
        // The mark may point at a key inside a mapping that starts earlier on a "- " line or at
        // a nested flow mapping; try the enclosing flow mapping on the same line.
        if let brace = line[..<min(max(column - 1, 0), line.count)].lastIndex(of: "{") {
            return scanFlow(keys: keys, line: mark.line, column: brace + 1)
        }
        return nil
    }

    /// Parses a key starting at `index` of `line`; returns (value, text start, text length, end index).
    private func key(in line: [Unicode.Scalar], at index: Int) -> (String, Int, Int, Int)? {
        guard index < line.count else { return nil }
        let first = line[index]
        if first == "\"" || first == "'" {
            var i = index + 1
            var value = String.UnicodeScalarView()
            while i < line.count {
                if line[i] == first {
                    if first == "'" && i + 1 < line.count && line[i + 1] == "'" { value.append("'"); i += 2; continue }
                    break
                }
                if first == "\"" && line[i] == "\\" && i + 1 < line.count { value.append(line[i + 1]); i += 2; continue }
                value.append(line[i]); i += 1
            }
            guard i < line.count else { return nil }
            var j = i + 1
            while j < line.count && line[j] == " " { j += 1 }
            guard j < line.count, line[j] == ":" else { return nil }
            return (String(value), index + 1, i - index - 1, j)
        }
        if first == "-" && index + 1 < line.count && line[index + 1] == " " { return nil }
        if first == "#" || first == "?" { return nil }
        var i = index
        while i < line.count {
            if line[i] == ":" && (i + 1 == line.count || line[i + 1] == " " || line[i + 1] == "\t" || line[i + 1] == "," || line[i + 1] == "}") {
                var end = i
                while end > index && line[end - 1] == " " { end -= 1 }
                let text = String(String.UnicodeScalarView(line[index..<end]))
                return (text, index, end - index, i)
            }
            if line[i] == "," || line[i] == "}" || line[i] == "{" || line[i] == "[" { return nil }
            if line[i] == " " && i + 1 < line.count && line[i + 1] == "#" { return nil }
            i += 1
        }
        return nil
    }

    private func scanBlock(keys: Set<String>, line startLine: Int, column: Int) -> Found? {
        let lines = source.lines
        var seen: [String: Position] = [:]
        var l = startLine
        while l <= lines.count {
            let line = lines[l - 1]
            var indent = 0
            while indent < line.count && line[indent] == " " { indent += 1 }
            let blank = indent == line.count || line[indent] == "#"
            if !blank {
                if l != startLine && indent + 1 < column { break }
                let start = l == startLine ? column - 1 : indent
                if start == column - 1, start < line.count, let (value, textStart, length, _) = key(in: line, at: start) {
                    let position = Position(line: l, column: start + 1)
                    if let first = seen[value], keys.contains(value) {
                        return Found(key: value, first: first, second: position,
                                     textStart: Position(line: l, column: textStart + 1), textLength: length)
                    }
                    if seen[value] == nil { seen[value] = position }
                }
            }
            l += 1
        }
        return nil
    }

    private func scanFlow(keys: Set<String>, line startLine: Int, column: Int) -> Found? {
        let lines = source.lines
        var seen: [String: Position] = [:]
        var depth = 0
        var expectKey = false
        var l = startLine
        var i = column - 1
        var quote: Unicode.Scalar? = nil
        while l <= lines.count {
            let line = lines[l - 1]
            while i < line.count {
                let c = line[i]
                if let q = quote {
                    if c == q { quote = nil }
                    i += 1; continue
                }
                if depth == 1 && expectKey && c != " " {
                    expectKey = false
                    if let (value, textStart, length, _) = key(in: line, at: i) {
                        let position = Position(line: l, column: i + 1)
                        if let first = seen[value], keys.contains(value) {
                            return Found(key: value, first: first, second: position,
                                         textStart: Position(line: l, column: textStart + 1), textLength: length)
                        }
                        if seen[value] == nil { seen[value] = position }
                    }
                }
                switch c {
                case "{", "[":
                    depth += 1
                    if depth == 1 { expectKey = true }
                case "}", "]":
                    depth -= 1
                    if depth == 0 { return nil }
                case ",":
                    if depth == 1 { expectKey = true }
                case "\"", "'":
                    quote = c
                default: break
                }
                i += 1
            }
            l += 1
            i = 0
        }
        return nil
    }

    /// The source text with the second key renamed to a unique same-length private-use name,
    /// so Yams can parse on and report the file's other problems.
    func renaming(_ found: Found, uniqueIndex: Int) -> String? {
        guard found.textLength > 0 else { return nil }
        var lines = source.lines
        let row = found.textStart.line - 1
        let start = found.textStart.column - 1
        guard row >= 0, row < lines.count, start >= 0, start + found.textLength <= lines[row].count else { return nil }
        for k in 0..<found.textLength {
            lines[row][start + k] = Unicode.Scalar(0xE000 + (k == 0 ? uniqueIndex + 1 : 0))!
        }
        return lines.map { String(String.UnicodeScalarView($0)) }.joined(separator: "\n")
    }
}
