import Foundation
/// Field-level comparison of two normalised resource snapshots.
///
/// Objects are compared member by member (so a change deep inside shows as that one
/// path); lists, sets and scalars are compared whole. `.sensitive` never differs: secrets
/// are write-only and cannot be read back.
public enum Differ {
    public static func diff(before: [String: FieldValue], after: [String: FieldValue]) -> [FieldChange] {
        var changes: [FieldChange] = []
        diffObjects(before, after, prefix: "", into: &changes)
        return changes
    }

    /// Every field of `fields` as a change from nothing (a create) or to nothing (a delete).
    public static func listing(_ fields: [String: FieldValue], asCreate: Bool) -> [FieldChange] {
        fields.keys.sorted().compactMap { key in
            guard let value = fields[key], !value.isNull else { return nil }
            return asCreate
                ? FieldChange(path: pathComponent(key, prefix: ""), before: nil, after: value)
                : FieldChange(path: pathComponent(key, prefix: ""), before: value, after: nil)
        }
    }

    private static func diffObjects(_ a: [String: FieldValue], _ b: [String: FieldValue],
                                    prefix: String, into changes: inout [FieldChange]) {
        var keys = Array(a.keys)
        for key in b.keys where a[key] == nil { keys.append(key) }
        for key in keys.sorted() {
            let x = a[key] ?? .null, y = b[key] ?? .null
            if case .sensitive = x { continue }
            if case .sensitive = y { continue }
            if x == y { continue }
            let path = pathComponent(key, prefix: prefix)
            if case let .object(xo) = x, case let .object(yo) = y {
                diffObjects(xo, yo, prefix: path, into: &changes)
            } else if prefix.isEmpty, key == "content" || key == "layout",
                      let xo = FlowContentStructure.object(x), let yo = FlowContentStructure.object(y) {
                // Flow content: show the actions and parameters that changed, not two walls of JSON.
                diffObjects(xo, yo, prefix: path, into: &changes)
            } else {
                changes.append(FieldChange(path: path, before: x, after: y))
            }
        }
    }

    /// `a.b` for identifier-like keys, `a["Tier 1"]` otherwise.
    static func pathComponent(_ key: String, prefix: String) -> String {
        let plain = !key.isEmpty && key.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
            && !(key.first?.isNumber ?? false)
        if plain { return prefix.isEmpty ? key : prefix + "." + key }
        return prefix + "[" + JSONValue.quote(key) + "]"
    }
}

/// Canonical flow content (a JSON string) as nested objects for a readable diff: `Actions`
/// keyed by their `Identifier`, so a plan shows `content.Actions["greeting"].Parameters.Text`.
enum FlowContentStructure {
    static func object(_ value: FieldValue) -> [String: FieldValue]? {
        guard case let .string(text) = value, text.hasPrefix("{"),
              let decoded = try? JSONDecoder().decode(Node.self, from: Data(text.utf8)),
              case var .object(members) = decoded.value else { return nil }
        if case let .list(actions)? = members["Actions"] {
            var byId: [String: FieldValue] = [:]
            for action in actions {
                guard case var .object(fields) = action, case let .string(id)? = fields["Identifier"], byId[id] == nil else {
                    return members
                }
                fields["Identifier"] = nil
                byId[id] = .object(fields)
            }
            members["Actions"] = .object(byId)
        }
        return members
    }

    /// Any JSON value, decoded strictly (a boolean is never a number).
    struct Node: Decodable {
        var value: FieldValue
        init(from decoder: any Decoder) throws {
            let c = try decoder.singleValueContainer()
            if c.decodeNil() { value = .null }
            else if let b = try? c.decode(Bool.self) { value = .bool(b) }
            else if let i = try? c.decode(Int.self) { value = .int(i) }
            else if let d = try? c.decode(Double.self) { value = .string(String(d)) }
            else if let s = try? c.decode(String.self) { value = .string(s) }
            else if let a = try? c.decode([Node].self) { value = .list(a.map(\.value)) }
            else { value = .object(try c.decode([String: Node].self).mapValues(\.value)) }
        }
    }
}
