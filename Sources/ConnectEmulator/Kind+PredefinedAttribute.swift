import Foundation

/// Predefined attributes: Create, Update, Delete, Describe, List, Search, all addressed by name
/// (`/predefined-attributes/{InstanceId}/{Name}`): the model's `PredefinedAttribute` has no id, no
/// ARN and no tags. Stored with the name as id and no ARN. Facts (admin guide, "Create predefined
/// attributes for routing contacts to agents", and the botocore model):
/// - "You can create up to 500 values per attribute" (`PredefinedAttributeStringValuesList`, max 500);
///   names and values are 1–100 characters and "can't start with aws: or connect:".
/// - "You cannot create duplicate predefined attribute names or values. In addition, case sensitivity
///   does not allow you to use duplicate names": DuplicateResourceException, case-insensitively.
/// - "An attribute can only be deleted if it not associated with any agent": ResourceInUseException
///   while a user's proficiency names it.
/// - The number of attributes per instance is an instance quota whose default the stored pages do not
///   give ("For the predefined attributes per instance quota, see Amazon Connect quotas"); the
///   emulator's default is `EmulatorQuotas.predefinedAttributesPerInstance`.
enum PredefinedAttributeKind {
    static let maxValues = 500, maxLength = 100

    static let handler = KindHandler(
        kind: .predefinedAttribute, deletable: false, genericOperations: false, quota: { $0.predefinedAttributesPerInstance },
        operations: [
            "CreatePredefinedAttribute": { s, c in try s.createPredefinedAttribute(c) },
            "UpdatePredefinedAttribute": { s, c in
                try s.checkInstance(c)
                var r = try s.predefinedAttribute(c.label("Name"))
                if let values = try PredefinedAttributeKind.values(c) { r.attrs["Values"] = values }
                s.touch(.predefinedAttribute, &r)
                return nil
            },
            "DeletePredefinedAttribute": { s, c in
                try s.checkInstance(c)
                let r = try s.predefinedAttribute(c.label("Name"))
                if let user = s.state.all(.user).first(where: { ($0.hidden["Proficiencies"]?.arrayValue ?? []).contains { $0["AttributeName"]?.stringValue == r.name } }) {
                    throw ConnectError.inUse("The predefined attribute \(r.name) is in use by user \(user.name) (\(user.arn)).", type: "USER", id: user.id)
                }
                s.state.remove(.predefinedAttribute, r.id)
                return nil
            },
            "DescribePredefinedAttribute": { s, c in
                try s.checkInstance(c)
                return ["PredefinedAttribute": s.predefinedAttributeShape(try s.predefinedAttribute(c.label("Name")))]
            },
            "ListPredefinedAttributes": { s, c in
                try s.checkInstance(c)
                return .object(try s.listPage(c, s.state.all(.predefinedAttribute), key: ConnectService.nameKey,
                                              render: { ["Name": .string($0.name), "LastModifiedTime": .double($0.modified),
                                                         "LastModifiedRegion": .string(s.region)] },
                                              member: "PredefinedAttributeSummaryList", limit: 100))
            },
            "SearchPredefinedAttributes": { s, c in try s.searchPredefinedAttributes(c) },
        ])

    /// `Values.StringList`, checked: 1–500 unique values of 1–100 characters (nil when absent).
    static func values(_ c: ServiceCall) throws -> JSONValue? {
        guard let v = c.body["Values"], !v.isNull else { return nil }
        guard let list = v["StringList"]?.arrayValue else {
            throw ConnectError.invalidParameter("Values must hold StringList")
        }
        let strings = list.compactMap(\.stringValue)
        guard strings.count == list.count, (1...maxValues).contains(strings.count) else {
            throw ConnectError.invalidParameter("Values.StringList must hold 1 to \(maxValues) strings")
        }
        for value in strings where !isValidText(value) {
            throw ConnectError.invalidParameter("Value '\(value)' must be 1-\(maxLength) characters and not start with aws: or connect:")
        }
        guard Set(strings).count == strings.count else { throw ConnectError.invalidParameter("Values must not repeat") }
        return ["StringList": .array(strings.map { .string($0) })]
    }

    static func isValidText(_ text: String) -> Bool {
        !text.isEmpty && text.count <= maxLength && !text.hasPrefix("aws:") && !text.hasPrefix("connect:")
    }
}

extension ConnectService {
    func predefinedAttribute(_ name: String) throws -> StoredResource {
        guard let r = state.get(.predefinedAttribute, name) else {
            throw ConnectError.notFound("Predefined attribute \(name) not found")
        }
        return r
    }

    func predefinedAttributeShape(_ r: StoredResource) -> JSONValue {
        var o = r.attrs
        o["Name"] = .string(r.name)
        o["LastModifiedTime"] = .double(r.modified)
        o["LastModifiedRegion"] = .string(region)
        return .object(o)
    }

    func createPredefinedAttribute(_ c: ServiceCall) throws -> JSONValue? {
        try checkInstance(c)
        let name = try c.requiredString("Name")
        guard PredefinedAttributeKind.isValidText(name) else {
            throw ConnectError.invalidParameter("Name must be 1-100 characters and not start with aws: or connect:")
        }
        if state.all(.predefinedAttribute).contains(where: { $0.name.lowercased() == name.lowercased() }) {
            throw ConnectError.duplicate("A predefined attribute named \(name) already exists")
        }
        try checkQuota(.predefinedAttribute)
        var attrs: [String: JSONValue] = [:]
        attrs["Values"] = try PredefinedAttributeKind.values(c) ?? ["StringList": []]
        state.put(.predefinedAttribute, StoredResource(id: name, arn: "", name: name, attrs: attrs, created: now, modified: now))
        return nil
    }

    /// SearchPredefinedAttributes: the criteria as every Search evaluates them (`name` conditions), 1–100 a page.
    func searchPredefinedAttributes(_ call: ServiceCall) throws -> JSONValue {
        try checkInstance(call)
        let criteria = call.body["SearchCriteria"].flatMap { $0.isNull ? nil : $0 }
        var matched: [StoredResource] = []
        for r in state.all(.predefinedAttribute) {
            if let criteria, !(try SearchEvaluator.matches(criteria, kind: .predefinedAttribute, resource: r, service: self)) { continue }
            matched.append(r)
        }
        let scope = String(SHA256Digest.hex(call.body["SearchCriteria"]?.serialized() ?? Data()).prefix(16))
        let (page, next) = try paginate(matched, key: Self.nameKey, call: call, token: call.string("NextToken"),
                                        maxResults: try call.int("MaxResults"), limit: 100, scope: scope)
        var o: [String: JSONValue] = ["PredefinedAttributes": .array(page.map(predefinedAttributeShape)),
                                      "ApproximateTotalCount": .int(matched.count)]
        if let next { o["NextToken"] = .string(next) }
        return .object(o)
    }
}
