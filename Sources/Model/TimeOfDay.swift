/// A wall-clock time `HH:MM`.
public struct TimeOfDay: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var hours: Int
    public var minutes: Int

    public init(hours: Int, minutes: Int) {
        self.hours = hours
        self.minutes = minutes
    }

    /// Parses exactly `HH:MM` with hours 00–23 and minutes 00–59.
    public init?(parsing text: String) {
        let scalars = Array(text.unicodeScalars)
        guard scalars.count == 5, scalars[2] == ":" else { return nil }
        func digit(_ s: Unicode.Scalar) -> Int? {
            s.value >= 48 && s.value <= 57 ? Int(s.value - 48) : nil
        }
        guard let h1 = digit(scalars[0]), let h2 = digit(scalars[1]),
              let m1 = digit(scalars[3]), let m2 = digit(scalars[4]) else { return nil }
        let h = h1 * 10 + h2, m = m1 * 10 + m2
        guard h < 24, m < 60 else { return nil }
        self.init(hours: h, minutes: m)
    }

    public var minutesSinceMidnight: Int { hours * 60 + minutes }

    public var description: String {
        (hours < 10 ? "0" : "") + "\(hours):" + (minutes < 10 ? "0" : "") + "\(minutes)"
    }

    public static func < (lhs: TimeOfDay, rhs: TimeOfDay) -> Bool {
        lhs.minutesSinceMidnight < rhs.minutesSinceMidnight
    }
}
