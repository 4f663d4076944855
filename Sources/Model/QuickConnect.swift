/// A quick connect: a transfer destination agents pick from a list (a phone number, a
/// queue, an agent, or a flow), by name (design.md §3b).
public struct QuickConnect: Sendable, Hashable {
    public enum Destination: String, Sendable, Hashable, CaseIterable {
        case phoneNumber = "PHONE_NUMBER", queue = "QUEUE", user = "USER", flow = "FLOW"
    }

    public var name: String
    public var type: Destination
    public var description: String?
    /// E.164, for PHONE_NUMBER.
    public var phoneNumber: String?
    /// The queue by name, for QUEUE.
    public var queue: String?
    /// The user by username, for USER.
    public var user: String?
    /// The flow by name: a QUEUE_TRANSFER flow for QUEUE, an AGENT_TRANSFER flow for USER,
    /// the flow to run for FLOW.
    public var flow: String?
    public var tags: [String: String] = [:]
    public var renamedFrom: [String] = []

    /// The required fields; the others default as declared and are set in `configure`.
    public init(name: String, type: Destination, _ configure: (inout QuickConnect) -> Void = { _ in }) {
        self.name = name
        self.type = type
        configure(&self)
    }

    public var address: ResourceAddress { ResourceAddress(.quickConnect, name) }
}

extension QuickConnect: DeclaredResource {
    public var ownTags: [String: String] { tags }
    public var references: [Reference] {
        [queue.map { ResourceAddress(.queue, $0) }, user.map { ResourceAddress(.user, $0) }, flow.map { ResourceAddress(.flow, $0) }]
            .compactMap { $0.map { Reference($0) } }
    }
}
