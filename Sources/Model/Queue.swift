/// A standard queue.
public struct Queue: Sendable, Hashable {
    public enum Status: String, Sendable, Hashable, CaseIterable { case enabled = "ENABLED", disabled = "DISABLED" }

    public var name: String
    /// Reference to hours of operation by name (required).
    public var hoursOfOperation: String
    public var description: String?
    /// `nil` means no limit.
    public var maxContacts: Int?
    /// Defaults to `.enabled`.
    public var status: Status = .enabled
    public var outboundCallerId: OutboundCallerId?
    /// Quick connects by name; `nil` means "not managed by the manifest".
    public var quickConnects: [String]?
    public var tags: [String: String] = [:]
    public var renamedFrom: [String] = []

    /// The required fields; the others default as declared and are set in `configure`.
    public init(name: String, hoursOfOperation: String, _ configure: (inout Queue) -> Void = { _ in }) {
        self.name = name
        self.hoursOfOperation = hoursOfOperation
        configure(&self)
    }

    public var address: ResourceAddress { ResourceAddress(.queue, name) }
}
