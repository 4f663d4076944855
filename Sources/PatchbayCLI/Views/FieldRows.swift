import Reconciler

/// The rows a plan view shows for a change's fields: a record or map value is shown as one
/// row per member (`phone.type = "SOFT_PHONE"`, `tags["cost-center"] = "42"`) instead of one
/// line of JSON, recursively; members unset on both sides are left out, and so are members
/// equal on both sides of an update. Lists stay on one line.
struct FieldRow: Equatable {
    var path: String
    var before: FieldValue?
    var after: FieldValue?

    static func rows(_ fields: [FieldChange]) -> [FieldRow] {
        fields.flatMap { expand(path: $0.path, before: $0.before, after: $0.after) }
    }

    static func expand(path: String, before: FieldValue?, after: FieldValue?) -> [FieldRow] {
        let beforeMembers = members(before), afterMembers = members(after)
        // Expand when one side is a non-empty object and the other is an object, unset or absent.
        guard beforeMembers != nil || afterMembers != nil,
              beforeMembers != nil || isEmptyish(before), afterMembers != nil || isEmptyish(after),
              !(beforeMembers?.isEmpty ?? true) || !(afterMembers?.isEmpty ?? true) else {
            return [FieldRow(path: path, before: before, after: after)]
        }
        let keys = Set((beforeMembers ?? [:]).keys).union((afterMembers ?? [:]).keys).sorted()
        // A map (tags, or any object with a key that is not a plain name) is indexed ["key"] throughout.
        let isMap = path == "tags" || path.hasSuffix(".tags") || keys.contains { !isPlainName($0) }
        return keys.flatMap { key -> [FieldRow] in
            // A member missing on a side that exists is unset there; a side that is absent stays absent.
            let b = before == nil ? nil : beforeMembers?[key] ?? .null
            let a = after == nil ? nil : afterMembers?[key] ?? .null
            if (b ?? .null) == .null && (a ?? .null) == .null { return [] }
            if b == a { return [] }
            return expand(path: path + (isMap ? "[" + JSONValue.quote(key) + "]" : "." + key), before: b, after: a)
        }
    }

    private static func members(_ value: FieldValue?) -> [String: FieldValue]? {
        if case let .object(members)? = value { return members }
        return nil
    }

    private static func isEmptyish(_ value: FieldValue?) -> Bool {
        value == nil || value == .null
    }

    static func isPlainName(_ key: String) -> Bool {
        guard let first = key.first, first.isASCII, first.isLetter || first == "_" else { return false }
        return key.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
    }
}
