/// Canonical JSON text in one pass over the bytes: object members sorted by key (the last
/// of a repeated key wins, as JSON parsers do), no insignificant white space, strings
/// re-escaped one way (`/` and non-ASCII as themselves), numbers in one form (integers as
/// digits, others as Swift's shortest round-trip `Double` text). Two texts that mean the same
/// JSON give the same canonical text.
///
/// It replaces `JSONSerialization` with sorted keys, which was 73 % of a no-change plan's CPU
/// with real-size (≈ 100 KB) flows (issue 17; numbers in docs/performance.md).
struct CanonicalJSON {
    private let bytes: [UInt8]
    private var i = 0

    /// The canonical text of `text`, or nil when it is not one JSON value.
    static func canonical(_ text: String) -> String? {
        var parser = CanonicalJSON(bytes: Array(text.utf8))
        var out: [UInt8] = []
        out.reserveCapacity(parser.bytes.count)
        guard parser.value(into: &out) else { return nil }
        parser.skipSpace()
        return parser.i == parser.bytes.count ? String(decoding: out, as: UTF8.self) : nil
    }

    /// The members of a top-level object, each value in canonical text, in source order;
    /// nil when `text` is not a JSON object.
    static func members(_ text: String) -> [(key: String, value: String)]? {
        var parser = CanonicalJSON(bytes: Array(text.utf8))
        parser.skipSpace()
        guard parser.peek == UInt8(ascii: "{"), let members = parser.objectMembers() else { return nil }
        parser.skipSpace()
        guard parser.i == parser.bytes.count else { return nil }
        return members.map { (String(decoding: $0.key, as: UTF8.self), String(decoding: $0.value, as: UTF8.self)) }
    }

    /// Writes sorted members as one object.
    static func object(_ members: [(key: String, value: String)]) -> String {
        var out: [UInt8] = []
        write(members.map { (Array($0.key.utf8), Array($0.value.utf8)) }, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    private init(bytes: [UInt8]) { self.bytes = bytes }

    private var peek: UInt8? { i < bytes.count ? bytes[i] : nil }

    private mutating func skipSpace() {
        while let b = peek, b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 { i += 1 }
    }

    private mutating func literal(_ word: StaticString, into out: inout [UInt8]) -> Bool {
        let w = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        guard i + w.count <= bytes.count, bytes[i..<(i + w.count)].elementsEqual(w) else { return false }
        out.append(contentsOf: w)
        i += w.count
        return true
    }

    private mutating func value(into out: inout [UInt8]) -> Bool {
        skipSpace()
        switch peek {
        case UInt8(ascii: "{"):
            guard let members = objectMembers() else { return false }
            Self.write(members, into: &out)
            return true
        case UInt8(ascii: "["): return array(into: &out)
        case UInt8(ascii: "\""):
            guard let s = string() else { return false }
            Self.quote(s, into: &out)
            return true
        case UInt8(ascii: "t"): return literal("true", into: &out)
        case UInt8(ascii: "f"): return literal("false", into: &out)
        case UInt8(ascii: "n"): return literal("null", into: &out)
        case .some: return number(into: &out)
        case nil: return false
        }
    }

    /// Members with each key decoded and each value canonical, sorted, last duplicate kept.
    private mutating func objectMembers() -> [(key: [UInt8], value: [UInt8])]? {
        i += 1
        var members: [(key: [UInt8], value: [UInt8])] = []
        skipSpace()
        if peek == UInt8(ascii: "}") { i += 1; return members }
        while true {
            skipSpace()
            guard peek == UInt8(ascii: "\""), let key = string() else { return nil }
            skipSpace()
            guard peek == UInt8(ascii: ":") else { return nil }
            i += 1
            var value: [UInt8] = []
            guard self.value(into: &value) else { return nil }
            members.append((key, value))
            skipSpace()
            if peek == UInt8(ascii: ",") { i += 1; continue }
            guard peek == UInt8(ascii: "}") else { return nil }
            i += 1
            break
        }
        // Stable sort by key bytes (UTF-8 order is code-point order), then keep the last of each key.
        let sorted = members.enumerated().sorted { a, b in
            a.element.key.lexicographicallyPrecedes(b.element.key) || (a.element.key == b.element.key && a.offset < b.offset)
        }.map(\.element)
        var unique: [(key: [UInt8], value: [UInt8])] = []
        for member in sorted {
            if let last = unique.last, last.key == member.key { unique[unique.count - 1] = member } else { unique.append(member) }
        }
        return unique
    }

    private static func write(_ members: [(key: [UInt8], value: [UInt8])], into out: inout [UInt8]) {
        out.append(UInt8(ascii: "{"))
        for (n, member) in members.enumerated() {
            if n > 0 { out.append(UInt8(ascii: ",")) }
            quote(member.key, into: &out)
            out.append(UInt8(ascii: ":"))
            out.append(contentsOf: member.value)
        }
        out.append(UInt8(ascii: "}"))
    }

    private mutating func array(into out: inout [UInt8]) -> Bool {
        i += 1
        out.append(UInt8(ascii: "["))
        skipSpace()
        if peek == UInt8(ascii: "]") { i += 1; out.append(UInt8(ascii: "]")); return true }
        while true {
            guard value(into: &out) else { return false }
            skipSpace()
            if peek == UInt8(ascii: ",") { i += 1; out.append(UInt8(ascii: ",")); continue }
            guard peek == UInt8(ascii: "]") else { return false }
            i += 1
            out.append(UInt8(ascii: "]"))
            return true
        }
    }

    /// The decoded UTF-8 bytes of a string token (escapes resolved), positioned on its quote.
    private mutating func string() -> [UInt8]? {
        i += 1
        var out: [UInt8] = []
        while let b = peek {
            i += 1
            switch b {
            case UInt8(ascii: "\""): return out
            case UInt8(ascii: "\\"):
                guard let e = peek else { return nil }
                i += 1
                switch e {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(e)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "u"):
                    guard let scalar = unicodeEscape() else { return nil }
                    out.append(contentsOf: Array(String(Character(scalar)).utf8))
                default: return nil
                }
            case 0x00..<0x20: return nil
            default: out.append(b)
            }
        }
        return nil
    }

    /// After `\u`: four hex digits, or a surrogate pair written as two escapes.
    private mutating func unicodeEscape() -> Unicode.Scalar? {
        guard let high = hex4() else { return nil }
        if (0xD800..<0xDC00).contains(high) {
            guard peek == UInt8(ascii: "\\"), i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "u") else { return nil }
            i += 2
            guard let low = hex4(), (0xDC00..<0xE000).contains(low) else { return nil }
            return Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
        }
        return Unicode.Scalar(high)
    }

    private mutating func hex4() -> UInt32? {
        guard i + 4 <= bytes.count, let v = UInt32(String(decoding: bytes[i..<(i + 4)], as: UTF8.self), radix: 16) else { return nil }
        i += 4
        return v
    }

    private static func quote(_ s: [UInt8], into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for b in s {
            switch b {
            case UInt8(ascii: "\""): out.append(contentsOf: [0x5C, 0x22])
            case UInt8(ascii: "\\"): out.append(contentsOf: [0x5C, 0x5C])
            case 0x0A: out.append(contentsOf: [0x5C, UInt8(ascii: "n")])
            case 0x0D: out.append(contentsOf: [0x5C, UInt8(ascii: "r")])
            case 0x09: out.append(contentsOf: [0x5C, UInt8(ascii: "t")])
            case 0x00..<0x20: out.append(contentsOf: Array("\\u00".utf8) + Array(String(format: "%02x", b).utf8))
            default: out.append(b)
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    private mutating func number(into out: inout [UInt8]) -> Bool {
        let start = i
        var integral = true
        while let b = peek, (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")) || b == UInt8(ascii: "-") || b == UInt8(ascii: "+")
            || b == UInt8(ascii: ".") || b == UInt8(ascii: "e") || b == UInt8(ascii: "E") {
            if b == UInt8(ascii: ".") || b == UInt8(ascii: "e") || b == UInt8(ascii: "E") { integral = false }
            i += 1
        }
        let text = String(decoding: bytes[start..<i], as: UTF8.self)
        if integral, let n = Int(text) {
            out.append(contentsOf: Array(String(n).utf8))
            return true
        }
        guard let d = Double(text), d.isFinite else { return false }
        if d == d.rounded(), abs(d) < 9_007_199_254_740_992 {
            out.append(contentsOf: Array(String(Int(d)).utf8))
        } else {
            out.append(contentsOf: Array(d.description.utf8))
        }
        return true
    }
}
