/// Hours of operation: a time zone and, per weekday, the open ranges. Days not listed are closed.
public struct HoursOfOperation: Sendable, Hashable {
    public var name: String
    /// IANA time zone name, e.g. `America/New_York`.
    public var timeZone: String
    public var description: String?
    /// Open ranges per day, each sorted by start time. Days absent are closed.
    public var schedule: [Weekday: [TimeRange]] = [:]
    /// Overrides by name, sorted; nil when the manifests do not manage them (any in the instance are left alone).
    public var overrides: [HoursOfOperationOverride]? = nil
    public var tags: [String: String] = [:]
    /// Former names, for renaming in place.
    public var renamedFrom: [String] = []

    /// The required fields; the others default as declared and are set in `configure`.
    public init(name: String, timeZone: String, _ configure: (inout HoursOfOperation) -> Void = { _ in }) {
        self.name = name
        self.timeZone = timeZone
        configure(&self)
    }

    public var address: ResourceAddress { ResourceAddress(.hoursOfOperation, name) }
}
