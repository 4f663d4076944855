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
    public var status: Status
    public var outboundCallerId: OutboundCallerId?
    /// Quick connects by name; `nil` means "not managed by the manifest".
    public var quickConnects: [String]?
    public var tags: [String: String]
    public var renamedFrom: [String]

    public init(name: String, hoursOfOperation: String, description: String? = nil, maxContacts: Int? = nil,
                status: Status = .enabled, outboundCallerId: OutboundCallerId? = nil,
                quickConnects: [String]? = nil, tags: [String: String] = [:], renamedFrom: [String] = []) {
        self.name = name
        self.hoursOfOperation = hoursOfOperation
        self.description = description
        self.maxContacts = maxContacts
        self.status = status
        self.outboundCallerId = outboundCallerId
        self.quickConnects = quickConnects
        self.tags = tags
        self.renamedFrom = renamedFrom
    }

    public var address: ResourceAddress { ResourceAddress(.queue, name) }
}
