/// A secret (a user's password). Its description, debug description and mirror never
/// reveal the value; read it deliberately with `revealedValue()` where it must be sent.
public struct SensitiveValue: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable {
    private let storage: String

    public init(_ value: String) { storage = value }

    /// The secret itself. Call only where the value is sent to Connect.
    public func revealedValue() -> String { storage }

    public var description: String { "(sensitive)" }
    public var debugDescription: String { "(sensitive)" }
    public var customMirror: Mirror { Mirror(self, children: [], displayStyle: .struct) }
}
