import Foundation

/// Hours of operation: Create, Describe, Update, Delete, List, Search, and their overrides
/// (`HoursOfOperationOverrides`).
enum HoursOfOperationKind {
    static let handler = KindHandler(
        kind: .hoursOfOperation, quota: { $0.hoursOfOperationPerInstance },
        operations: ([
            "CreateHoursOfOperation": KindHandler.create(.hoursOfOperation) { s, c, attrs, hidden in
                attrs["TimeZone"] = .string(try c.requiredString("TimeZone"))
                guard let cfg = c.body["Config"] else { throw ConnectError.invalidParameter("Config is required") }
                attrs["Config"] = try config(cfg)
            },
            "UpdateHoursOfOperation": { s, c in
                _ = try s.updateOp(.hoursOfOperation, c) { r in
                    try s.rename(.hoursOfOperation, c, &r)
                    if let tz = c.string("TimeZone") { r.attrs["TimeZone"] = .string(tz) }
                    if let cfg = c.body["Config"], !cfg.isNull { r.attrs["Config"] = try config(cfg) }
                }
                return nil
            },
        ] as [String: Operation]).merging(HoursOfOperationOverrides.operations) { own, _ in own },
        blockedBy: [.queue],
        searchFields: ["timezone": { $0.attrs["TimeZone"]?.stringValue.map { [$0] } ?? [] }])

    static let days: Set<String> = ["SUNDAY", "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY"]

    static func config(_ v: JSONValue) throws -> JSONValue {
        guard let list = v.arrayValue else { throw ConnectError.invalidParameter("Config must be a list") }
        if list.count > 100 { throw ConnectError.invalidParameter("Config can have at most 100 entries") }
        var out: [JSONValue] = []
        for item in list {
            guard let day = item["Day"]?.stringValue, days.contains(day) else {
                throw ConnectError.invalidParameter("Config Day must be one of SUNDAY…SATURDAY")
            }
            func slice(_ key: String) throws -> JSONValue {
                guard let h = item[key]?["Hours"]?.intValue, let m = item[key]?["Minutes"]?.intValue,
                      (0...23).contains(h), (0...59).contains(m) else {
                    throw ConnectError.invalidParameter("Config \(key) needs Hours 0-23 and Minutes 0-59")
                }
                return ["Hours": .int(h), "Minutes": .int(m)]
            }
            out.append(["Day": .string(day), "StartTime": try slice("StartTime"), "EndTime": try slice("EndTime")])
        }
        return .array(out)
    }
}
