/// A day of the week as the manifest spells it (`monday` … `sunday`).
public enum Weekday: String, Sendable, Hashable, CaseIterable, Comparable {
    case monday, tuesday, wednesday, thursday, friday, saturday, sunday

    /// Connect's spelling (`MONDAY`).
    public var connectName: String { rawValue.uppercased() }

    public static func < (lhs: Weekday, rhs: Weekday) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
