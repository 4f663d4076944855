/// One override of an hours of operation's weekly schedule for a range of dates (a holiday
/// closure, a late opening), by name within its hours (design.md §3b).
public struct HoursOfOperationOverride: Sendable, Hashable {
    /// Connect's `OverrideType`.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case open = "OPEN", closed = "CLOSED", standard = "STANDARD"
    }

    public var name: String
    public var description: String?
    /// First and last day the override applies (both included), in the hours' time zone.
    public var from: CalendarDate
    public var to: CalendarDate
    public var type: Kind
    /// Open ranges per weekday within the dates (none for CLOSED).
    public var schedule: [Weekday: [TimeRange]] = [:]

    public init(name: String, from: CalendarDate, to: CalendarDate, type: Kind, _ configure: (inout Self) -> Void = { _ in }) {
        self.name = name
        self.from = from
        self.to = to
        self.type = type
        configure(&self)
    }

    /// Whether the two overrides share at least one date.
    public func overlaps(_ other: HoursOfOperationOverride) -> Bool {
        from <= other.to && other.from <= to
    }
}

/// A calendar date `YYYY-MM-DD` (Connect's `HoursOfOperationOverrideYearMonthDayDateFormat`).
public struct CalendarDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    /// Parses `YYYY-MM-DD`; nil unless the digits are in place and the day exists (leap years included).
    public init?(parsing text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              (1...12).contains(month), day >= 1, day <= Self.days(inMonth: month, of: year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    static func days(inMonth month: Int, of year: Int) -> Int {
        switch month {
        case 2: year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    public var description: String {
        let pad = { (n: Int, width: Int) in String(repeating: "0", count: max(0, width - String(n).count)) + String(n) }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    /// Days since 1970-01-01 (proleptic Gregorian; Howard Hinnant's `days_from_civil`).
    public var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The day of the week (1970-01-01 was a Thursday).
    public var weekday: Weekday { Weekday.allCases[((dayNumber % 7) + 7 + 3) % 7] }

    /// The weekdays from this date to `last`, both included (every day for a week or more).
    public func weekdays(through last: CalendarDate) -> Set<Weekday> {
        let span = last.dayNumber - dayNumber
        guard span >= 0 else { return [] }
        if span >= 6 { return Set(Weekday.allCases) }
        let first = Weekday.allCases.firstIndex(of: weekday) ?? 0
        return Set((0...span).map { Weekday.allCases[(first + $0) % 7] })
    }

    public static func < (a: CalendarDate, b: CalendarDate) -> Bool { (a.year, a.month, a.day) < (b.year, b.month, b.day) }
}
