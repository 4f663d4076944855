/// Byte- and line-level checks run before YAML parsing.
enum TextCheck {
    struct Problem { var message: String; var line: Int; var column: Int }

    /// Invalid UTF-8 or binary content (NUL and other C0 control bytes besides tab/CR/LF).
    static func firstProblem(in bytes: [UInt8]) -> Problem? {
        // Fast path: plain ASCII text without control characters needs no decoding.
        let plain = bytes.withUnsafeBufferPointer { buffer in
            !buffer.contains { ($0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D) || $0 >= 0x7F }
        }
        if plain { return nil }
        var line = 1, column = 1
        var index = 0
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                let value = scalar.value
                if value == 0 {
                    return Problem(message: "file is binary, not YAML (NUL byte at byte offset \(index))", line: line, column: column)
                }
                if value < 0x20 && value != 0x09 && value != 0x0A && value != 0x0D || value == 0x7F {
                    return Problem(message: String(format: "control character U+%04X is not allowed in a manifest", value),
                                   line: line, column: column)
                }
                index += UTF8.width(scalar)
                if value == 0x0A { line += 1; column = 1 } else { column += 1 }
            case .emptyInput:
                return nil
            case .error:
                return Problem(message: "file is not valid UTF-8 (invalid byte at byte offset \(index)); manifests must be UTF-8 text",
                               line: line, column: column)
            }
        }
    }

    /// Tabs in indentation, nesting that would make the parser recurse without bound.
    /// Works on UTF-8 bytes (every character it looks for is ASCII); positions are converted to
    /// scalar columns only when a problem is found.
    static func structureProblem(in source: SourceText) -> Problem? {
        var text = source.text
        return text.withUTF8 { bytes -> Problem? in
            func problem(_ message: String, at offset: Int) -> Problem {
                let (line, column) = position(ofByteOffset: offset, in: source.text)
                return Problem(message: message, line: line, column: column)
            }
            let space = UInt8(ascii: " "), tab = UInt8(ascii: "\t"), newline = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")
            var depth = 0
            var blockScalarIndent: Int? = nil
            var i = 0
            let count = bytes.count
            while i < count {
                // Start of a line.
                let lineStart = i
                var lineEnd = i
                while lineEnd < count && bytes[lineEnd] != newline && bytes[lineEnd] != cr { lineEnd += 1 }
                var indent = 0
                while lineStart + indent < lineEnd && bytes[lineStart + indent] == space { indent += 1 }
                let contentStart = lineStart + indent
                defer {
                    i = lineEnd
                    if i < count && bytes[i] == cr { i += 1 }
                    if i < count && bytes[i] == newline { i += 1 }
                }
                if let blockIndent = blockScalarIndent {
                    if indent > blockIndent || contentStart == lineEnd { continue }
                    blockScalarIndent = nil
                }
                if contentStart < lineEnd && bytes[contentStart] == tab && depth == 0 {
                    return problem("tab character used for indentation; YAML allows only spaces", at: contentStart)
                }
                if indent > ManifestLimits.maxIndentation {
                    return problem("indentation deeper than \(ManifestLimits.maxIndentation) columns is not supported", at: contentStart)
                }
                var quote: UInt8? = nil
                var j = contentStart
                while j < lineEnd {
                    let c = bytes[j]
                    let previous: UInt8 = j > lineStart ? bytes[j - 1] : space
                    if let q = quote {
                        if c == q { quote = nil }
                    } else if c == UInt8(ascii: "\"") || (c == UInt8(ascii: "'") && (previous == space || previous == UInt8(ascii: "[")
                                                           || previous == UInt8(ascii: "{") || previous == UInt8(ascii: ","))) {
                        quote = c
                    } else if c == UInt8(ascii: "#") && previous == space || (c == UInt8(ascii: "#") && j == lineStart) {
                        break
                    } else if c == UInt8(ascii: "[") || c == UInt8(ascii: "{") {
                        depth += 1
                        if depth > ManifestLimits.maxFlowNesting {
                            return problem("brackets nested deeper than \(ManifestLimits.maxFlowNesting) levels are not supported", at: j)
                        }
                    } else if c == UInt8(ascii: "]") || c == UInt8(ascii: "}") {
                        depth = max(0, depth - 1)
                    } else if depth == 0 && (c == UInt8(ascii: "|") || c == UInt8(ascii: ">")) && j + 1 >= lineEnd - 2 {
                        blockScalarIndent = indent
                    }
                    j += 1
                }
            }
            return nil
        }
    }

    /// With anchors present, a collection or alias used as a mapping key would make Yams hash the
    /// expanded node while composing (exponential for an alias bomb), before any budget can apply.
    /// Manifests only need plain keys, so such keys are refused up front: `? key`, `*alias: …`,
    /// `[a, b]: …`, `{a: b}: …` at the start of a line, after `- `, or after `{`, `[` or `,`.
    static func complexKeyProblem(in source: SourceText) -> Problem? {
        var text = source.text
        return text.withUTF8 { bytes -> Problem? in
            let count = bytes.count
            func isBreak(_ k: Int) -> Bool {
                k >= count || bytes[k] == UInt8(ascii: " ") || bytes[k] == UInt8(ascii: "\n") || bytes[k] == UInt8(ascii: "\r")
                    || bytes[k] == UInt8(ascii: "\t")
            }
            /// Index after optional spaces, if a `:` key indicator follows there.
            func colonFollows(_ k: Int) -> Bool {
                var k = k
                while k < count && bytes[k] == UInt8(ascii: " ") { k += 1 }
                return k < count && bytes[k] == UInt8(ascii: ":")
                    && (isBreak(k + 1) || bytes[k + 1] == UInt8(ascii: ",") || bytes[k + 1] == UInt8(ascii: "}"))
            }
            func problem(_ k: Int) -> Problem {
                let (line, column) = position(ofByteOffset: k, in: source.text)
                return Problem(message: "complex mapping keys ('? ', aliases or collections used as keys) are not supported in manifests",
                               line: line, column: column)
            }
            var i = 0
            var tokenStart = true
            var quote: UInt8? = nil
            var inComment = false
            while i < count {
                let c = bytes[i]
                if c == UInt8(ascii: "\n") || c == UInt8(ascii: "\r") {
                    inComment = false
                    if quote == UInt8(ascii: "'") || quote == UInt8(ascii: "\"") { i += 1; continue }
                    tokenStart = true; i += 1; continue
                }
                if inComment { i += 1; continue }
                if let q = quote {
                    if c == q { quote = nil }
                    i += 1; continue
                }
                if c == UInt8(ascii: " ") || c == UInt8(ascii: "\t") { i += 1; continue }
                if c == UInt8(ascii: "#") && (i == 0 || isBreak(i - 1)) { inComment = true; i += 1; continue }
                if tokenStart {
                    tokenStart = false
                    if c == UInt8(ascii: "-") && isBreak(i + 1) { tokenStart = true; i += 1; continue }
                    if c == UInt8(ascii: "?") && isBreak(i + 1) { return problem(i) }
                    if c == UInt8(ascii: "*") {
                        var k = i + 1
                        while k < count && !isBreak(k) && bytes[k] != UInt8(ascii: ",") && bytes[k] != UInt8(ascii: "}")
                                && bytes[k] != UInt8(ascii: "]") && bytes[k] != UInt8(ascii: ":") { k += 1 }
                        if colonFollows(k) { return problem(i) }
                    }
                    if c == UInt8(ascii: "[") || c == UInt8(ascii: "{") {
                        // A single-line collection followed by ':' is a complex implicit key.
                        var depth = 0, k = i
                        var q: UInt8? = nil
                        while k < count && bytes[k] != UInt8(ascii: "\n") {
                            let d = bytes[k]
                            if let open = q { if d == open { q = nil } }
                            else if d == UInt8(ascii: "\"") || d == UInt8(ascii: "'") { q = d }
                            else if d == UInt8(ascii: "[") || d == UInt8(ascii: "{") { depth += 1 }
                            else if d == UInt8(ascii: "]") || d == UInt8(ascii: "}") {
                                depth -= 1
                                if depth == 0 { break }
                            }
                            k += 1
                        }
                        if depth == 0 && k < count && colonFollows(k + 1) { return problem(i) }
                    }
                }
                if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") { quote = c; i += 1; continue }
                if c == UInt8(ascii: "{") || c == UInt8(ascii: "[") || c == UInt8(ascii: ",") { tokenStart = true }
                i += 1
            }
            return nil
        }
    }

    /// Line and column (1-based, scalars) of a UTF-8 byte offset.
    static func position(ofByteOffset offset: Int, in text: String) -> (Int, Int) {
        var line = 1, column = 1, consumed = 0
        for scalar in text.unicodeScalars {
            if consumed >= offset { break }
            consumed += UTF8.width(scalar)
            if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
        }
        return (line, column)
    }
}
