import Foundation

/// An hours of operation's overrides: Create, Describe, Update, Delete and List
/// HoursOfOperationOverride(s), kept with their hours (`hidden["Overrides"]`, gone with it).
/// Shapes and limits from botocore's model: Name `^[\P{C}\r\n\t]{1,127}$`, Description
/// `{1,250}` (the same pattern), Config 0–100 day / start / end entries, EffectiveFrom and
/// EffectiveTill `^\d{4}-\d{2}-\d{2}$`, OverrideType STANDARD | OPEN | CLOSED,
/// ListHoursOfOperationOverrides MaxResults 1–100; at most 50 overrides per hours (admin guide
/// "Set the hours of operation", not adjustable: LimitExceededException, which Create lists).
/// Where the model and docs are silent (docs/emulator.md): names are unique within their hours
/// (DuplicateResourceException, listed for Create and Update), an EffectiveTill before
/// EffectiveFrom is InvalidParameterException, overlapping dates are accepted, RecurrenceConfig
/// is stored as sent, and a change of an override updates its hours' LastModifiedTime.
enum HoursOfOperationOverrides {
    static let operations: [String: Operation] = [
        "CreateHoursOfOperationOverride": { s, c in try create(s, c) },
        "DescribeHoursOfOperationOverride": { s, c in
            let (hours, index) = try find(s, c)
            return ["HoursOfOperationOverride": render(hours, overrides(hours)[index])]
        },
        "UpdateHoursOfOperationOverride": { s, c in try update(s, c) },
        "DeleteHoursOfOperationOverride": { s, c in
            var (hours, index) = try find(s, c)
            var list = overrides(hours)
            list.remove(at: index)
            hours.hidden["Overrides"] = .array(list)
            s.touch(.hoursOfOperation, &hours)
            return nil
        },
        "ListHoursOfOperationOverrides": { s, c in
            let hours = try parent(s, c)
            let items = overrides(hours).sorted { key($0).lexicographicallyPrecedes(key($1)) }
            return s.withLastModified(hours, try s.listPage(c, items, key: key, render: { render(hours, $0) },
                                                           member: "HoursOfOperationOverrideList", limit: 100, scope: hours.id))
        },
    ]

    static let types: Set<String> = ["STANDARD", "OPEN", "CLOSED"]

    static func overrides(_ hours: StoredResource) -> [JSONValue] { hours.hidden["Overrides"]?.arrayValue ?? [] }

    static func key(_ o: JSONValue) -> [String] {
        [o["Name"]?.stringValue ?? "", o["HoursOfOperationOverrideId"]?.stringValue ?? ""]
    }

    static func parent(_ s: ConnectService, _ c: ServiceCall) throws -> StoredResource {
        try s.checkInstance(c)
        return try s.require(.hoursOfOperation, c.label("HoursOfOperationId"))
    }

    static func find(_ s: ConnectService, _ c: ServiceCall) throws -> (StoredResource, Int) {
        let hours = try parent(s, c), id = c.label("HoursOfOperationOverrideId")
        guard let index = overrides(hours).firstIndex(where: { $0["HoursOfOperationOverrideId"]?.stringValue == id }) else {
            throw ConnectError.notFound("hours of operation override \(id) not found")
        }
        return (hours, index)
    }

    static func render(_ hours: StoredResource, _ o: JSONValue) -> JSONValue {
        var out = o.objectValue ?? [:]
        out["HoursOfOperationId"] = .string(hours.id)
        out["HoursOfOperationArn"] = .string(hours.arn)
        return .object(out)
    }

    static func create(_ s: ConnectService, _ c: ServiceCall) throws -> JSONValue {
        var hours = try parent(s, c)
        var list = overrides(hours)
        var o: [String: JSONValue] = ["Name": .string(try c.requiredString("Name"))]
        guard let config = c.body["Config"], !config.isNull else { throw ConnectError.invalidParameter("Config is required") }
        o["Config"] = config
        o["EffectiveFrom"] = .string(try c.requiredString("EffectiveFrom"))
        o["EffectiveTill"] = .string(try c.requiredString("EffectiveTill"))
        try apply(c, to: &o, others: list)
        let limit = s.configuration.quotas.overridesPerHoursOfOperation
        if list.count >= limit { throw ConnectError.limitExceeded("An hours of operation can have at most \(limit) overrides.") }
        let ids = Set(list.compactMap { $0["HoursOfOperationOverrideId"]?.stringValue })
        var id = s.newId()
        while ids.contains(id) { id = s.newId() }
        o["HoursOfOperationOverrideId"] = .string(id)
        list.append(.object(o))
        hours.hidden["Overrides"] = .array(list)
        s.touch(.hoursOfOperation, &hours)
        return ["HoursOfOperationOverrideId": .string(id)]
    }

    static func update(_ s: ConnectService, _ c: ServiceCall) throws -> JSONValue? {
        var (hours, index) = try find(s, c)
        var list = overrides(hours)
        var o = list[index].objectValue ?? [:]
        for key in ["Name", "Config", "EffectiveFrom", "EffectiveTill"] {
            if let v = c.body[key], !v.isNull { o[key] = v }
        }
        var others = list
        others.remove(at: index)
        try apply(c, to: &o, others: others)
        list[index] = .object(o)
        hours.hidden["Overrides"] = .array(list)
        s.touch(.hoursOfOperation, &hours)
        return nil
    }

    /// Validates the members in `o` (after the call's optional members are applied) against the others of the hours.
    static func apply(_ c: ServiceCall, to o: inout [String: JSONValue], others: [JSONValue]) throws {
        let name = o["Name"]?.stringValue ?? ""
        try checkText(name, field: "Name", max: 127)
        if others.contains(where: { $0["Name"]?.stringValue == name }) {
            throw ConnectError.duplicate("An hours of operation override with the name \(name) already exists.")
        }
        if let d = c.body["Description"], !d.isNull {
            try checkText(d.stringValue ?? "", field: "Description", max: 250)
            o["Description"] = d
        }
        if let t = c.body["OverrideType"], !t.isNull {
            guard let type = t.stringValue, types.contains(type) else {
                throw ConnectError.invalidParameter("OverrideType must be STANDARD, OPEN or CLOSED")
            }
            o["OverrideType"] = t
        }
        if let r = c.body["RecurrenceConfig"], !r.isNull { o["RecurrenceConfig"] = r }
        o["Config"] = try HoursOfOperationKind.config(o["Config"] ?? .array([]))
        let from = try date(o["EffectiveFrom"], "EffectiveFrom"), till = try date(o["EffectiveTill"], "EffectiveTill")
        if till < from { throw ConnectError.invalidParameter("EffectiveTill must not be before EffectiveFrom") }
    }

    static func checkText(_ text: String, field: String, max: Int) throws {
        let allowed = text.unicodeScalars.allSatisfy { !$0.properties.generalCategory.isControlOrOther || "\r\n\t".unicodeScalars.contains($0) }
        guard (1...max).contains(text.count), allowed else {
            throw ConnectError.invalidParameter("\(field) must be 1-\(max) characters without control characters")
        }
    }

    /// `^\d{4}-\d{2}-\d{2}$` (compared as text: the format sorts by date).
    static func date(_ v: JSONValue?, _ field: String) throws -> String {
        let text = v?.stringValue ?? ""
        let shape = text.split(separator: "-", omittingEmptySubsequences: false).map(\.count)
        guard shape == [4, 2, 2], text.allSatisfy({ $0 == "-" || ($0.isASCII && $0.isNumber) }) else {
            throw ConnectError.invalidParameter("\(field) must be a date YYYY-MM-DD")
        }
        return text
    }
}

private extension Unicode.GeneralCategory {
    /// `\p{C}`: control, format, surrogate, private use, unassigned.
    var isControlOrOther: Bool {
        switch self {
        case .control, .format, .surrogate, .privateUse, .unassigned: true
        default: false
        }
    }
}
