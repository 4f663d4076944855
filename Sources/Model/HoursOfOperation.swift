/// Hours of operation: a time zone and, per weekday, the open ranges. Days not listed are closed.
public struct HoursOfOperation: Sendable, Hashable {
    public var name: String
    /// IANA time zone name, e.g. `America/New_York`.
    public var timeZone: String
    public var description: String?
    /// Open ranges per day, each sorted by start time. Days absent are closed.
    public var schedule: [Weekday: [TimeRange]]
    /// Overrides by name, sorted; nil when the manifests do not manage them (any in the instance are left alone).
    public var overrides: [HoursOfOperationOverride]? = nil
    public var tags: [String: String]
    /// Former names, for renaming in place.
    public var renamedFrom: [String]

    public init(name: String, timeZone: String, description: String? = nil,
                schedule: [Weekday: [TimeRange]] = [:], tags: [String: String] = [:], renamedFrom: [String] = []) {
        self.name = name
        self.timeZone = timeZone
        self.description = description
        self.schedule = schedule
        self.tags = tags
        self.renamedFrom = renamedFrom
    }

    public var address: ResourceAddress { ResourceAddress(.hoursOfOperation, name) }
}
