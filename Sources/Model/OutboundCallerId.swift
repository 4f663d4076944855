/// A queue's outbound caller configuration.
public struct OutboundCallerId: Sendable, Hashable {
    /// Caller id name shown to the customer.
    public var name: String?
    /// Caller id number (E.164, e.g. `+15550100`); Connect needs the number's id, resolved by the reconciler.
    public var number: String?
    /// Outbound whisper flow (type `OUTBOUND_WHISPER`) by name.
    public var flow: String?

    public init(name: String? = nil, number: String? = nil, flow: String? = nil) {
        self.name = name
        self.number = number
        self.flow = flow
    }
}
