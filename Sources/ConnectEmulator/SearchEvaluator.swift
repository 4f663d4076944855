import Foundation

/// Evaluates Search `SearchCriteria` and `SearchFilter` against stored resources.
enum SearchEvaluator {
    /// The values of a StringCondition field, or nil when the field is not searchable
    /// for this kind (→ InvalidParameterException).
    static func fieldValues(_ field: String, kind: ResourceKind, resource r: StoredResource) -> [String]? {
        let f = field.lowercased()
        let h = kind.handler
        switch f {
        case "resourceid": return [r.id]
        case "name": return [r.name]
        case "description" where h.searchesDescription: return r.attrs["Description"]?.stringValue.map { [$0] } ?? []
        default: return h.searchFields[f]?(r)
        }
    }

    static func stringCondition(_ sc: JSONValue, kind: ResourceKind, resource r: StoredResource) throws -> Bool {
        guard let field = sc["FieldName"]?.stringValue, let value = sc["Value"]?.stringValue else {
            throw ConnectError.invalidParameter("StringCondition needs FieldName and Value")
        }
        let cmp = sc["ComparisonType"]?.stringValue ?? "EXACT"
        guard let values = fieldValues(field, kind: kind, resource: r) else {
            throw ConnectError.invalidParameter("FieldName \(field) is not supported for this search")
        }
        switch cmp {
        case "EXACT": return values.contains(value)
        case "STARTS_WITH": return values.contains { $0.lowercased().hasPrefix(value.lowercased()) }
        case "CONTAINS":
            guard (2...25).contains(value.count) else {
                throw ConnectError.invalidParameter("CONTAINS needs a Value of 2 to 25 characters")
            }
            return values.contains { $0.lowercased().contains(value.lowercased()) }
        default:
            throw ConnectError.invalidParameter("ComparisonType must be STARTS_WITH, CONTAINS or EXACT")
        }
    }

    static func matches(_ criteria: JSONValue, kind: ResourceKind, resource r: StoredResource, service: ConnectService) throws -> Bool {
        guard let o = criteria.objectValue else { throw ConnectError.invalidParameter("SearchCriteria must be an object") }
        if let or = o["OrConditions"]?.arrayValue, !or.isEmpty {
            var any = false
            for c in or where try matches(c, kind: kind, resource: r, service: service) { any = true; break }
            if !any { return false }
        }
        if let and = o["AndConditions"]?.arrayValue {
            for c in and where !(try matches(c, kind: kind, resource: r, service: service)) { return false }
        }
        if let sc = o["StringCondition"], !sc.isNull, !(try stringCondition(sc, kind: kind, resource: r)) { return false }
        if let qt = o["QueueTypeCondition"]?.stringValue, (r.hidden["QueueType"]?.stringValue ?? "STANDARD") != qt { return false }
        if let t = o["TypeCondition"]?.stringValue, r.attrs["Type"]?.stringValue != t { return false }
        if let s = o["StateCondition"]?.stringValue, r.attrs["State"]?.stringValue != s { return false }
        if let s = o["StatusCondition"]?.stringValue, r.attrs["Status"]?.stringValue != s { return false }
        if let hg = o["HierarchyGroupCondition"], !hg.isNull, !hierarchyCondition(hg, user: r, service: service) { return false }
        return true
    }

    static func hierarchyCondition(_ hg: JSONValue, user r: StoredResource, service: ConnectService) -> Bool {
        guard let target = hg["Value"]?.stringValue, let gid = r.attrs["HierarchyGroupId"]?.stringValue else { return false }
        if gid == target { return true }
        guard hg["HierarchyGroupMatchType"]?.stringValue == "WITH_CHILD_GROUPS",
              let g = service.state.get(.hierarchyGroup, gid) else { return false }
        return service.ancestors(g).contains { $0.id == target }
    }

    static func tagCondition(_ tc: JSONValue, tags: [String: String]) -> Bool {
        guard let key = tc["TagKey"]?.stringValue else { return true }
        guard let have = tags[key] else { return false }
        if let want = tc["TagValue"]?.stringValue { return have == want }
        return true
    }

    static func filterMatches(_ filter: JSONValue, kind: ResourceKind, resource r: StoredResource, service: ConnectService) throws -> Bool {
        if let tf = filter["TagFilter"], !tf.isNull {
            if let tc = tf["TagCondition"], !tc.isNull, !tagCondition(tc, tags: r.tags) { return false }
            if let and = tf["AndConditions"]?.arrayValue, !and.allSatisfy({ tagCondition($0, tags: r.tags) }) { return false }
            if let or = tf["OrConditions"]?.arrayValue, !or.isEmpty,
               !or.contains(where: { ($0.arrayValue ?? []).allSatisfy { tagCondition($0, tags: r.tags) } }) { return false }
        }
        for key in ["AttributeFilter", "UserAttributeFilter"] {
            guard let af = filter[key], !af.isNull else { continue }
            func andCondition(_ ac: JSONValue) -> Bool {
                if let tcs = ac["TagConditions"]?.arrayValue, !tcs.allSatisfy({ tagCondition($0, tags: r.tags) }) { return false }
                if let hg = ac["HierarchyGroupCondition"], !hg.isNull, !hierarchyCondition(hg, user: r, service: service) { return false }
                return true
            }
            if let tc = af["TagCondition"], !tc.isNull, !tagCondition(tc, tags: r.tags) { return false }
            if let ac = af["AndCondition"], !ac.isNull, !andCondition(ac) { return false }
            if let hg = af["HierarchyGroupCondition"], !hg.isNull, !hierarchyCondition(hg, user: r, service: service) { return false }
            if let or = af["OrConditions"]?.arrayValue, !or.isEmpty, !or.contains(where: andCondition) { return false }
        }
        return true
    }
}
