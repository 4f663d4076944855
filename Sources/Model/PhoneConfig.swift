/// A user's phone settings. When a manifest omits `phone`, the user gets
/// `PhoneConfig()` (soft phone, no auto-accept, no after-contact work).
public struct PhoneConfig: Sendable, Hashable {
    public var type: PhoneType
    public var autoAccept: Bool
    /// 0 or more seconds.
    public var afterContactWorkSeconds: Int
    /// Required for desk phones (E.164).
    public var deskPhoneNumber: String?

    public init(type: PhoneType = .softPhone, autoAccept: Bool = false, afterContactWorkSeconds: Int = 0,
                deskPhoneNumber: String? = nil) {
        self.type = type
        self.autoAccept = autoAccept
        self.afterContactWorkSeconds = afterContactWorkSeconds
        self.deskPhoneNumber = deskPhoneNumber
    }
}
