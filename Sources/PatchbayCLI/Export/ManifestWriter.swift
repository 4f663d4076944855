import Manifest
import Reconciler

/// Writes manifest YAML as a person would: top-level keys and every resource's keys in the
/// order of the manifest's key tables (`ManifestSchema`, the order of docs/manifest.md), names
/// sorted, short mappings and lists on one line (`concurrency: { voice: 1, chat: 3 }`), strings
/// quoted only where YAML or Patchbay's reader could take them for something else, and `${`
/// written `$${` so that no text is taken for a substitution.
enum ManifestWriter {
    /// Lines longer than this are written in block style.
    static let lineLimit = 110

    /// A manifest file: `header` comment lines, then each top-level key of `sections` in the key
    /// table's order (keys the table does not know last, sorted), with `comments` above them.
    static func file(header: [String], sections: [String: FieldValue], comments: [String: [String]] = [:]) -> String {
        var out = header.map { "# \($0)\n" }.joined()
        let known = ManifestSchema.topLevel.fields
        let order = known.map { ($0.name, Optional($0.shape)) }
            + sections.keys.filter { key in !known.contains { $0.name == key } }.sorted().map { ($0, FieldShape?.none) }
        for (key, shape) in order {
            guard let value = sections[key] else { continue }
            for line in comments[key] ?? [] { out += "# \(line)\n" }
            out += entry(key, value, shape, indent: 0, block: true)
        }
        return out
    }

    /// `key: value` at `indent`, on one line when it fits (never when `block`).
    static func entry(_ key: String, _ value: FieldValue, _ shape: FieldShape?, indent: Int, block: Bool = false) -> String {
        var block = block
        if case .groupTree? = shape { block = true }  // a tree reads best as one
        let pad = String(repeating: " ", count: indent), head = pad + scalar(key) + ":"
        if !block || isScalar(value), let inline = inline(value, shape, depth: 0), head.count + 1 + inline.count <= lineLimit {
            return "\(head) \(inline)\n"
        }
        switch value {
        case let .object(members) where !members.isEmpty:
            return head + "\n" + self.members(members, shape, indent: indent + 2)
        case let .list(items) where !items.isEmpty, let .unorderedSet(items) where !items.isEmpty:
            return head + "\n" + items.map { item($0, itemShape(shape), indent: indent + 2) }.joined()
        default:
            return "\(head) \(inline(value, shape, depth: 0) ?? "")\n"
        }
    }

    /// The members of a mapping, in the key table's order (resource names, map keys: sorted).
    private static func members(_ members: [String: FieldValue], _ shape: FieldShape?, indent: Int) -> String {
        var out = ""
        for key in orderedKeys(members, shape) {
            guard let value = members[key] else { continue }
            switch shape {
            case let .resources(spec)?:
                // A resource body is always a block; `{ external: true }` stays on one line.
                let external = value == .object(["external": true])
                out += entry(key, value, .object(external ? ManifestSchema.external : spec), indent: indent, block: !external)
            default:
                out += entry(key, value, memberShape(shape, key), indent: indent)
            }
        }
        return out
    }

    /// `- item` at `indent`; a mapping too long for one line continues below its first key.
    private static func item(_ value: FieldValue, _ shape: FieldShape?, indent: Int) -> String {
        let pad = String(repeating: " ", count: indent)
        if let inline = inline(value, shape, depth: 0), pad.count + 2 + inline.count <= lineLimit { return "\(pad)- \(inline)\n" }
        guard case let .object(members) = value, !members.isEmpty else { return "\(pad)- \(inline(value, shape, depth: 0) ?? "")\n" }
        let body = self.members(members, shape, indent: indent + 2)
        return pad + "- " + body.dropFirst(indent + 2)
    }

    /// One-line (flow style) text for `value`, when it is simple enough: nothing nested more than two deep.
    private static func inline(_ value: FieldValue, _ shape: FieldShape?, depth: Int) -> String? {
        switch value {
        case .null: return "null"
        case let .bool(b): return b ? "true" : "false"
        case let .int(i): return String(i)
        case let .string(s): return scalar(s.replacingOccurrences(of: "${", with: "$${"))
        case .sensitive: return scalar("(sensitive)")
        case let .list(items), let .unorderedSet(items):
            guard depth < 2 else { return nil }
            let parts = items.compactMap { inline($0, itemShape(shape), depth: depth + 1) }
            return parts.count == items.count ? "[" + parts.joined(separator: ", ") + "]" : nil
        case let .object(members):
            if members.isEmpty { return "{}" }
            guard depth < 2 else { return nil }
            let parts = orderedKeys(members, shape).compactMap { key in
                members[key].flatMap { inline($0, memberShape(shape, key), depth: depth + 1) }.map { "\(scalar(key)): \($0)" }
            }
            return parts.count == members.count ? "{ " + parts.joined(separator: ", ") + " }" : nil
        }
    }

    private static func isScalar(_ value: FieldValue) -> Bool {
        switch value {
        case .list, .unorderedSet, .object: false
        default: true
        }
    }

    private static func orderedKeys(_ members: [String: FieldValue], _ shape: FieldShape?) -> [String] {
        let spec: ObjectSpec
        switch shape {
        case let .object(s)?, let .either(_, .object(s))?: spec = s
        default: return members.keys.sorted()
        }
        let known = spec.keys.filter { members[$0] != nil }
        return known + members.keys.filter { !spec.keys.contains($0) }.sorted()
    }

    private static func memberShape(_ shape: FieldShape?, _ key: String) -> FieldShape? {
        switch shape {
        case let .object(spec)?, let .either(_, .object(spec))?: spec.field(key)?.shape
        case let .map(inner)?: inner
        case .groupTree?: .groupTree
        default: nil
        }
    }

    private static func itemShape(_ shape: FieldShape?) -> FieldShape? {
        switch shape {
        case let .list(inner, _, _)?, let .stringOrList(inner)?: inner
        default: nil
        }
    }

    // MARK: scalars

    private static let reserved: Set<String> = ["true", "false", "yes", "no", "on", "off", "y", "n", "null", "~"]
    private static let plainPunctuation = Set(" _.-/@+()'".unicodeScalars)

    /// `text` plain when YAML reads it back as that string, else double-quoted.
    static func scalar(_ text: String) -> String {
        isPlain(text) ? text : quoted(text)
    }

    static func isPlain(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first.properties.isAlphabetic || first == "_",
              !text.hasSuffix(" "), !reserved.contains(text.lowercased()) else { return false }
        return text.unicodeScalars.allSatisfy { s in
            (s.properties.isAlphabetic || s.properties.numericType != nil || plainPunctuation.contains(s))
                && !s.properties.isWhitespace || s == " "
        }
    }

    /// Double-quoted; JSON's escapes are YAML's.
    static func quoted(_ text: String) -> String { JSONValue.quote(text) }
}
