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
            let value = fields[key]!
            if value.isNull { return nil }
            return asCreate
                ? FieldChange(path: pathComponent(key, prefix: ""), before: nil, after: value)
                : FieldChange(path: pathComponent(key, prefix: ""), before: value, after: nil)
        }
    }

    private static func diffObjects(_ a: [String: FieldValue], _ b: [String: FieldValue],
                                    prefix: String, into changes: inout [FieldChange]) {
        let keys = Set(a.keys).union(b.keys).sorted()
        for key in keys {
            let path = pathComponent(key, prefix: prefix)
            let x = a[key] ?? .null, y = b[key] ?? .null
            if case .sensitive = x { continue }
            if case .sensitive = y { continue }
            if x == y { continue }
            if case let .object(xo) = x, case let .object(yo) = y {
                diffObjects(xo, yo, prefix: path, into: &changes)
            } else {
                changes.append(FieldChange(path: path, before: x, after: y))
            }
        }
    }

    /// `a.b` for identifier-like keys, `a["Tier 1"]` otherwise.
    static func pathComponent(_ key: String, prefix: String) -> String {
        let plain = !key.isEmpty && key.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
            && !(key.first!.isNumber)
        if plain { return prefix.isEmpty ? key : prefix + "." + key }
        return prefix + "[" + JSONValue.quote(key) + "]"
    }
}
