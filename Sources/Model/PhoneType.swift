/// A user's phone type.
public enum PhoneType: String, Sendable, Hashable, CaseIterable {
    case softPhone = "SOFT_PHONE"
    case deskPhone = "DESK_PHONE"
}
