/// An open range within one day, `HH:MM-HH:MM`, start strictly before end.
public struct TimeRange: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var start: TimeOfDay
    public var end: TimeOfDay

    public init(start: TimeOfDay, end: TimeOfDay) {
        self.start = start
        self.end = end
    }

    /// Parses `HH:MM-HH:MM` (two-digit hours 00–23, minutes 00–59). Does not check start < end.
    public init?(parsing text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2,
              let start = TimeOfDay(parsing: String(parts[0])),
              let end = TimeOfDay(parsing: String(parts[1])) else { return nil }
        self.init(start: start, end: end)
    }

    public var description: String { "\(start)-\(end)" }

    public func overlaps(_ other: TimeRange) -> Bool {
        start < other.end && other.start < end
    }

    public static func < (lhs: TimeRange, rhs: TimeRange) -> Bool {
        (lhs.start, lhs.end) < (rhs.start, rhs.end)
    }
}
