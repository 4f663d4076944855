import FlowLanguage

/// A small JSON parser that keeps the line/column (1-based, Unicode scalars) of every value and
/// key, so flow-content diagnostics can point inside the JSON file.
struct JSONScanner {
    indirect enum Value {
        case object([Member])
        case array([Located])
        case string(String)
        case number(String)
        case bool(Bool)
        case null
    }

    struct Member {
        var key: String
        var keyPosition: Position
        var value: Located
    }

    struct Located {
        var value: Value
        var position: Position

        subscript(key: String) -> Located? {
            guard case .object(let members) = value else { return nil }
            return members.last { $0.key == key }?.value
        }

        var string: String? {
            if case .string(let s) = value { return s }
            return nil
        }

        var array: [Located]? {
            if case .array(let a) = value { return a }
            return nil
        }

        /// The value as FlowLanguage sees it.
        var flowJSON: FlowJSON {
            switch value {
            case .object(let members): .object(members.map { FlowJSON.Member(key: $0.key, value: $0.value.flowJSON) })
            case .array(let elements): .array(elements.map(\.flowJSON))
            case .string(let s): .string(s)
            case .number(let n): .number(Double(n) ?? 0)
            case .bool(let b): .bool(b)
            case .null: .null
            }
        }

        /// The position of the value at `path`, or of the deepest value on the way that exists.
        func position(of path: JSONPath) -> Position {
            var node = self
            for component in path.components {
                switch (component, node.value) {
                case (.key(let key), .object(let members)):
                    guard let member = members.last(where: { $0.key == key }) else { return node.position }
                    node = member.value
                case (.index(let i), .array(let elements)) where elements.indices.contains(i):
                    node = elements[i]
                default:
                    return node.position
                }
            }
            return node.position
        }

        var typeName: String {
            switch value {
            case .object: "an object"
            case .array: "an array"
            case .string: "a string"
            case .number: "a number"
            case .bool: "a boolean"
            case .null: "null"
            }
        }
    }

    struct Failure: Error {
        var message: String
        var position: Position
    }

    private let scalars: [Unicode.Scalar]
    private var index = 0
    private var line = 1
    private var column = 1
    private var depth = 0

    init(_ text: String) { scalars = Array(text.unicodeScalars) }

    static func parse(_ text: String) -> Result<Located, Failure> {
        var scanner = JSONScanner(text)
        do {
            scanner.skipWhitespace()
            let value = try scanner.parseValue()
            scanner.skipWhitespace()
            if scanner.index < scanner.scalars.count {
                throw Failure(message: "unexpected text after the JSON value", position: scanner.position)
            }
            return .success(value)
        } catch let failure as Failure {
            return .failure(failure)
        } catch {
            return .failure(Failure(message: "\(error)", position: Position(line: 1, column: 1)))
        }
    }

    private var position: Position { Position(line: line, column: column) }

    private var current: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

    private mutating func advance() {
        if scalars[index] == "\n" { line += 1; column = 1 } else { column += 1 }
        index += 1
    }

    private mutating func skipWhitespace() {
        while let c = current, c == " " || c == "\t" || c == "\n" || c == "\r" { advance() }
    }

    private mutating func expect(_ c: Unicode.Scalar, _ what: String) throws {
        guard current == c else {
            throw Failure(message: current == nil ? "unexpected end of file; expected \(what)" : "expected \(what), found '\(current!)'",
                          position: position)
        }
        advance()
    }

    private mutating func parseValue() throws -> Located {
        let start = position
        guard let c = current else { throw Failure(message: "unexpected end of file; expected a value", position: start) }
        switch c {
        case "{":
            depth += 1
            defer { depth -= 1 }
            if depth > 200 { throw Failure(message: "JSON nested too deeply", position: start) }
            advance()
            var members: [Member] = []
            skipWhitespace()
            if current == "}" { advance(); return Located(value: .object(members), position: start) }
            while true {
                skipWhitespace()
                let keyPosition = position
                guard current == "\"" else {
                    throw Failure(message: current == nil ? "unexpected end of file; expected a key" : "expected a quoted key, found '\(current!)'",
                                  position: keyPosition)
                }
                let key = try parseString()
                skipWhitespace()
                try expect(":", "':'")
                skipWhitespace()
                let value = try parseValue()
                members.append(Member(key: key, keyPosition: keyPosition, value: value))
                skipWhitespace()
                if current == "," { advance(); continue }
                try expect("}", "',' or '}'")
                return Located(value: .object(members), position: start)
            }
        case "[":
            depth += 1
            defer { depth -= 1 }
            if depth > 200 { throw Failure(message: "JSON nested too deeply", position: start) }
            advance()
            var elements: [Located] = []
            skipWhitespace()
            if current == "]" { advance(); return Located(value: .array(elements), position: start) }
            while true {
                skipWhitespace()
                elements.append(try parseValue())
                skipWhitespace()
                if current == "," { advance(); continue }
                try expect("]", "',' or ']'")
                return Located(value: .array(elements), position: start)
            }
        case "\"":
            return Located(value: .string(try parseString()), position: start)
        case "t", "f", "n":
            for (word, value) in [("true", Value.bool(true)), ("false", .bool(false)), ("null", .null)] {
                let w = Array(word.unicodeScalars)
                if index + w.count <= scalars.count && Array(scalars[index..<index + w.count]) == w {
                    for _ in w { advance() }
                    return Located(value: value, position: start)
                }
            }
            throw Failure(message: "invalid literal; expected true, false or null", position: start)
        default:
            if c == "-" || (c.value >= 48 && c.value <= 57) {
                var text = String.UnicodeScalarView()
                while let d = current, "0123456789+-.eE".unicodeScalars.contains(d) { text.append(d); advance() }
                guard Double(String(text)) != nil else { throw Failure(message: "invalid number '\(String(text))'", position: start) }
                return Located(value: .number(String(text)), position: start)
            }
            throw Failure(message: "unexpected character '\(c)'", position: start)
        }
    }

    private mutating func parseString() throws -> String {
        let start = position
        advance()  // opening quote
        var result = String.UnicodeScalarView()
        while true {
            guard let c = current else { throw Failure(message: "unterminated string", position: start) }
            if c == "\"" { advance(); return String(result) }
            if c == "\n" { throw Failure(message: "unterminated string", position: start) }
            if c.value < 0x20 { throw Failure(message: "control character in string", position: position) }
            if c == "\\" {
                let escapePosition = position
                advance()
                guard let e = current else { throw Failure(message: "unterminated string", position: start) }
                switch e {
                case "\"": result.append("\"")
                case "\\": result.append("\\")
                case "/": result.append("/")
                case "b": result.append("\u{08}")
                case "f": result.append("\u{0C}")
                case "n": result.append("\n")
                case "r": result.append("\r")
                case "t": result.append("\t")
                case "u":
                    var hex = ""
                    for _ in 0..<4 {
                        advance()
                        guard let h = current, h.properties.isASCIIHexDigit else {
                            throw Failure(message: "invalid \\u escape", position: escapePosition)
                        }
                        hex.unicodeScalars.append(h)
                    }
                    result.append(Unicode.Scalar(UInt32(hex, radix: 16)!) ?? "\u{FFFD}")
                default:
                    throw Failure(message: "invalid escape '\\\(e)'", position: escapePosition)
                }
                advance()
                continue
            }
            result.append(c)
            advance()
        }
    }
}
