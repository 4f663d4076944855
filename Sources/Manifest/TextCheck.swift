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
    static func structureProblem(in source: SourceText) -> Problem? {
        var depth = 0
        var lineNumber = 0
        var inBlockScalarIndent: Int? = nil
        for line in source.lines {
            lineNumber += 1
            var indent = 0
            while indent < line.count && line[indent] == " " { indent += 1 }
            if let blockIndent = inBlockScalarIndent {
                if indent > blockIndent || indent == line.count { continue }
                inBlockScalarIndent = nil
            }
            if indent < line.count && line[indent] == "\t" && depth == 0 {
                return Problem(message: "tab character used for indentation; YAML allows only spaces", line: lineNumber, column: indent + 1)
            }
            if indent > ManifestLimits.maxIndentation {
                return Problem(message: "indentation deeper than \(ManifestLimits.maxIndentation) columns is not supported",
                               line: lineNumber, column: indent + 1)
            }
            // Track [ { nesting outside quotes and comments.
            var quote: Unicode.Scalar? = nil
            var i = indent
            while i < line.count {
                let c = line[i]
                if let q = quote {
                    if c == q { quote = nil }
                } else if c == "\"" || (c == "'" && (i == 0 || line[i - 1] == " " || line[i - 1] == "[" || line[i - 1] == "{" || line[i - 1] == ",")) {
                    quote = c
                } else if c == "#" && (i == 0 || line[i - 1] == " ") {
                    break
                } else if c == "[" || c == "{" {
                    depth += 1
                    if depth > ManifestLimits.maxFlowNesting {
                        return Problem(message: "brackets nested deeper than \(ManifestLimits.maxFlowNesting) levels are not supported",
                                       line: lineNumber, column: i + 1)
                    }
                } else if c == "]" || c == "}" {
                    depth = max(0, depth - 1)
                } else if depth == 0 && (c == "|" || c == ">") && i + 1 >= line.count - 2 {
                    inBlockScalarIndent = indent
                }
                i += 1
            }
        }
        return nil
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
