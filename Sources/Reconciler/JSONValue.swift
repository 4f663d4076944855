/// A JSON value whose object keys keep the order they were written in, rendered
/// deterministically. Plan documents use it so the same plan is byte-identical.
public indirect enum JSONValue: Equatable, Sendable {
    case null
    case bool(Bool)
    case int(Int)
    case string(String)
    /// A number that is not an integer, as written (`150.4`: designer positions in flow content).
    case number(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (a: JSONValue, b: JSONValue) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case let (.bool(x), .bool(y)): return x == y
        case let (.int(x), .int(y)): return x == y
        case let (.string(x), .string(y)), let (.number(x), .number(y)): return x == y
        case let (.array(x), .array(y)): return x == y
        case let (.object(x), .object(y)):
            return x.count == y.count && zip(x, y).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: return false
        }
    }

    public subscript(key: String) -> JSONValue? {
        if case let .object(members) = self { return members.first { $0.0 == key }?.1 }
        return nil
    }

    /// Pretty-printed with two-space indentation and a trailing newline.
    public func rendered() -> String {
        var out = ""
        write(to: &out, indent: 0)
        out.append("\n")
        return out
    }

    /// On one line, no spaces.
    public func compact() -> String {
        var out = ""
        writeCompact(to: &out)
        return out
    }

    private func write(to out: inout String, indent: Int) {
        let pad = String(repeating: "  ", count: indent + 1)
        let closePad = String(repeating: "  ", count: indent)
        switch self {
        case let .array(items) where !items.isEmpty:
            out.append("[\n")
            for (i, item) in items.enumerated() {
                out.append(pad)
                item.write(to: &out, indent: indent + 1)
                out.append(i == items.count - 1 ? "\n" : ",\n")
            }
            out.append(closePad + "]")
        case let .object(members) where !members.isEmpty:
            out.append("{\n")
            for (i, (key, value)) in members.enumerated() {
                out.append(pad)
                out.append(JSONValue.quote(key))
                out.append(": ")
                value.write(to: &out, indent: indent + 1)
                out.append(i == members.count - 1 ? "\n" : ",\n")
            }
            out.append(closePad + "}")
        default:
            writeCompact(to: &out)
        }
    }

    private func writeCompact(to out: inout String) {
        switch self {
        case .null: out.append("null")
        case let .bool(b): out.append(b ? "true" : "false")
        case let .int(i): out.append(String(i))
        case let .number(n): out.append(n)
        case let .string(s): out.append(JSONValue.quote(s))
        case let .array(items):
            out.append("[")
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(",") }
                item.writeCompact(to: &out)
            }
            out.append("]")
        case let .object(members):
            out.append("{")
            for (i, (key, value)) in members.enumerated() {
                if i > 0 { out.append(",") }
                out.append(JSONValue.quote(key))
                out.append(":")
                value.writeCompact(to: &out)
            }
            out.append("}")
        }
    }

    public static func quote(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out.append("\\\"")
            case "\\": out.append("\\\\")
            case "\n": out.append("\\n")
            case "\r": out.append("\\r")
            case "\t": out.append("\\t")
            case let c where c.value < 0x20:
                let hex = String(c.value, radix: 16)
                out.append("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
            default: out.unicodeScalars.append(scalar)
            }
        }
        out.append("\"")
        return out
    }
}

extension FieldValue {
    /// The value as it appears in plan documents; secrets become `"(sensitive)"`.
    public var json: JSONValue {
        switch self {
        case .null: .null
        case let .bool(b): .bool(b)
        case let .int(i): .int(i)
        case let .string(s): .string(s)
        case let .list(items), let .unorderedSet(items): .array(items.map(\.json))
        case let .object(members): .object(members.sorted { $0.key < $1.key }.map { ($0.key, $0.value.json) })
        case .sensitive: .string("(sensitive)")
        }
    }
}
