import Foundation

/// A user's proficiencies (Associate/Update/Disassociate/ListUserProficiencies), kept in the
/// user's `hidden["Proficiencies"]` as `UserProficiency` objects. Facts:
/// - AttributeName / AttributeValue: "You must use name [value] of predefined attribute present in
///   the Amazon Connect instance" (UserProficiency, API reference): otherwise InvalidParameterException
///   (the reference does not say which error; the model lists InvalidParameter, InvalidRequest,
///   ResourceNotFound).
/// - Level: "The valid values are 1, 2, 3, 4 and 5" (Float, 1.0–5.0): anything else is InvalidParameterException.
/// - "You can add up to 10 proficiencies per agent" (admin guide, "Assign proficiencies to agents"):
///   InvalidRequestException beyond that.
/// - UpdateUserProficiencies: "Proficiencies must first be associated to the user": InvalidRequestException
///   for one that is not. Associating one already held sets its level (the reference is silent).
/// - Disassociating one the user does not hold is accepted (the reference is silent).
/// - Whether these bump the user's LastModifiedTime the reference does not say: here they do not.
///   ListUserProficiencies answers LastModifiedTime/LastModifiedRegion of the user.
enum UserProficiencyOperations {
    static let maxPerUser = 10

    static let operations: [String: Operation] = [
        "AssociateUserProficiencies": { s, c in
            try s.changeProficiencies(c) { held, items in
                for item in items {
                    let entry = try s.checkedProficiency(item, level: true)
                    held.removeAll { same($0, entry) }
                    held.append(entry)
                }
            }
        },
        "UpdateUserProficiencies": { s, c in
            try s.changeProficiencies(c) { held, items in
                for item in items {
                    let entry = try s.checkedProficiency(item, level: true)
                    guard let i = held.firstIndex(where: { same($0, entry) }) else {
                        throw ConnectError.invalidRequest("Proficiencies must first be associated to the user")
                    }
                    held[i] = entry
                }
            }
        },
        "DisassociateUserProficiencies": { s, c in
            try s.changeProficiencies(c) { held, items in
                for item in items { held.removeAll { same($0, item) } }
            }
        },
        "ListUserProficiencies": { s, c in
            try s.checkInstance(c)
            let user = try s.require(.user, c.label("UserId"))
            var o = try s.listPage(c, held(user), key: { [$0["AttributeName"]?.stringValue ?? "", $0["AttributeValue"]?.stringValue ?? ""] },
                                   render: { $0 }, member: "UserProficiencyList", limit: 100)
            o["LastModifiedTime"] = .double(user.modified)
            o["LastModifiedRegion"] = .string(s.region)
            return .object(o)
        },
    ]

    static func same(_ a: JSONValue, _ b: JSONValue) -> Bool {
        a["AttributeName"]?.stringValue == b["AttributeName"]?.stringValue && a["AttributeValue"]?.stringValue == b["AttributeValue"]?.stringValue
    }

    static func held(_ user: StoredResource) -> [JSONValue] {
        (user.hidden["Proficiencies"]?.arrayValue ?? []).sorted {
            ($0["AttributeName"]?.stringValue ?? "", $0["AttributeValue"]?.stringValue ?? "")
                < ($1["AttributeName"]?.stringValue ?? "", $1["AttributeValue"]?.stringValue ?? "")
        }
    }
}

extension ConnectService {
    /// Runs `change` on the user's proficiencies with the request's `UserProficiencies`, then stores them.
    func changeProficiencies(_ c: ServiceCall, _ change: (inout [JSONValue], [JSONValue]) throws -> Void) throws -> JSONValue? {
        try checkInstance(c)
        var user = try require(.user, c.label("UserId"))
        guard let items = c.body["UserProficiencies"]?.arrayValue else {
            throw ConnectError.invalidParameter("UserProficiencies is required")
        }
        var held = UserProficiencyOperations.held(user)
        try change(&held, items)
        guard held.count <= UserProficiencyOperations.maxPerUser else {
            throw ConnectError.invalidRequest("A user can have at most \(UserProficiencyOperations.maxPerUser) proficiencies")
        }
        user.hidden["Proficiencies"] = .array(held)
        state.put(.user, user)
        return nil
    }

    /// One `UserProficiency`: its attribute and value must exist, its level be 1, 2, 3, 4 or 5.
    func checkedProficiency(_ item: JSONValue, level: Bool) throws -> JSONValue {
        guard let name = item["AttributeName"]?.stringValue, let value = item["AttributeValue"]?.stringValue else {
            throw ConnectError.invalidParameter("AttributeName and AttributeValue are required")
        }
        guard let attribute = state.get(.predefinedAttribute, name),
              (attribute.attrs["Values"]?["StringList"]?.arrayValue ?? []).contains(where: { $0.stringValue == value }) else {
            throw ConnectError.invalidParameter("\(name) / \(value) is not a predefined attribute value of this instance")
        }
        guard let l = item["Level"]?.doubleValue, [1.0, 2, 3, 4, 5].contains(l) else {
            throw ConnectError.invalidParameter("Level must be one of 1, 2, 3, 4 and 5")
        }
        return ["AttributeName": .string(name), "AttributeValue": .string(value), "Level": .double(l)]
    }
}
