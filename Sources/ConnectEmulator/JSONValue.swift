import Foundation

/// A JSON document, kept as a tree. The emulator decodes requests into it, stores
/// resource attributes in it and persists its state as it, so it never depends on
/// Patchbay's own API types (it checks our client independently).
public enum JSONValue: Codable, Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null; return }
        if let b = try? c.decode(Bool.self) { self = .bool(b); return }
        if let i = try? c.decode(Int.self) { self = .int(i); return }
        if let d = try? c.decode(Double.self) { self = .double(d); return }
        if let s = try? c.decode(String.self) { self = .string(s); return }
        if let a = try? c.decode([JSONValue].self) { self = .array(a); return }
        if let o = try? c.decode([String: JSONValue].self) { self = .object(o); return }
        throw DecodingError.dataCorruptedError(in: c, debugDescription: "not JSON")
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .null: try c.encodeNil()
        case .bool(let b): try c.encode(b)
        case .int(let i): try c.encode(i)
        case .double(let d): try c.encode(d)
        case .string(let s): try c.encode(s)
        case .array(let a): try c.encode(a)
        case .object(let o): try c.encode(o)
        }
    }

    public subscript(key: String) -> JSONValue? {
        get { if case .object(let o) = self { return o[key] }; return nil }
        set {
            if case .object(var o) = self { o[key] = newValue; self = .object(o) }
        }
    }

    public var stringValue: String? { if case .string(let s) = self { return s }; return nil }
    public var intValue: Int? {
        switch self {
        case .int(let i): return i
        case .double(let d) where d == d.rounded() && abs(d) < 1e15: return Int(d)
        default: return nil
        }
    }
    public var doubleValue: Double? {
        switch self {
        case .int(let i): return Double(i)
        case .double(let d): return d
        default: return nil
        }
    }
    public var boolValue: Bool? { if case .bool(let b) = self { return b }; return nil }
    public var arrayValue: [JSONValue]? { if case .array(let a) = self { return a }; return nil }
    public var objectValue: [String: JSONValue]? { if case .object(let o) = self { return o }; return nil }
    public var isNull: Bool { if case .null = self { return true }; return false }

    public static func parse(_ data: Data) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: data)
    }

    /// Compact JSON with sorted keys (deterministic), written directly: several times
    /// faster than JSONEncoder (and JSONSerialization with sorted keys) for this tree.
    public func serialized() -> Data {
        var out: [UInt8] = []
        out.reserveCapacity(1024)
        write(into: &out)
        return Data(out)
    }

    private static let quote = UInt8(ascii: "\""), backslash = UInt8(ascii: "\\")

    func write(into out: inout [UInt8]) {
        switch self {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .int(let i): out.append(contentsOf: String(i).utf8)
        case .double(let d):
            if !d.isFinite {
                out.append(contentsOf: "null".utf8)
            } else if d == d.rounded() && abs(d) < 1e15 {
                out.append(contentsOf: String(Int64(d)).utf8)
            } else {
                out.append(contentsOf: "\(d)".utf8)
            }
        case .string(let s): Self.writeString(s, into: &out)
        case .array(let a):
            out.append(UInt8(ascii: "["))
            var first = true
            for v in a {
                if !first { out.append(UInt8(ascii: ",")) }
                first = false
                v.write(into: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let o):
            out.append(UInt8(ascii: "{"))
            var first = true
            for k in o.keys.sorted() {
                if !first { out.append(UInt8(ascii: ",")) }
                first = false
                Self.writeString(k, into: &out)
                out.append(UInt8(ascii: ":"))
                o[k]!.write(into: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    static func writeString(_ s: String, into out: inout [UInt8]) {
        out.append(quote)
        var needsEscape = false
        for b in s.utf8 where b < 0x20 || b == quote || b == backslash {
            needsEscape = true
            break
        }
        if !needsEscape {
            out.append(contentsOf: s.utf8)
        } else {
            for b in s.utf8 {
                switch b {
                case quote: out.append(backslash); out.append(quote)
                case backslash: out.append(backslash); out.append(backslash)
                case 0x0a: out.append(backslash); out.append(UInt8(ascii: "n"))
                case 0x0d: out.append(backslash); out.append(UInt8(ascii: "r"))
                case 0x09: out.append(backslash); out.append(UInt8(ascii: "t"))
                case 0..<0x20: out.append(contentsOf: String(format: "\\u%04x", b).utf8)
                default: out.append(b)
                }
            }
        }
        out.append(quote)
    }

    /// Every string anywhere inside, depth first.
    func allStrings(into out: inout [(key: String?, value: String)], key: String? = nil) {
        switch self {
        case .string(let s): out.append((key, s))
        case .array(let a): for v in a { v.allStrings(into: &out, key: key) }
        case .object(let o): for k in o.keys.sorted() { o[k]!.allStrings(into: &out, key: k) }
        default: break
        }
    }
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
                     ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral {
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { $1 }))
    }
}
