/// A routing channel.
public enum Channel: String, Sendable, Hashable, CaseIterable, Comparable {
    case voice, chat, task, email

    /// Connect's spelling (`VOICE`).
    public var connectName: String { rawValue.uppercased() }

    public static func < (lhs: Channel, rhs: Channel) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
