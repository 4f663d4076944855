/// A routing profile.
public struct RoutingProfile: Sendable, Hashable {
    public var name: String
    /// Required by the Connect API (1–250 characters), so required in the manifest too.
    public var description: String
    /// Queue reference by name.
    public var defaultOutboundQueue: String
    /// Enabled channels and their concurrency (voice is always 1).
    public var concurrency: [Channel: Int]
    /// Queue configurations, sorted by queue name.
    public var queues: [RoutingProfileQueue] = []
    /// How an agent's availability is measured for routing; nil: Connect's default, not managed.
    public var agentAvailabilityTimer: AgentAvailabilityTimer?
    public var tags: [String: String] = [:]
    public var renamedFrom: [String] = []

    /// The required fields; the others default as declared and are set in `configure`.
    public init(name: String, description: String, defaultOutboundQueue: String, concurrency: [Channel: Int], _ configure: (inout RoutingProfile) -> Void = { _ in }) {
        self.name = name
        self.description = description
        self.defaultOutboundQueue = defaultOutboundQueue
        self.concurrency = concurrency
        configure(&self)
    }

    public var address: ResourceAddress { ResourceAddress(.routingProfile, name) }

    /// UpdateRoutingProfileAgentAvailabilityTimer's values.
    public enum AgentAvailabilityTimer: String, Sendable, Hashable, CaseIterable {
        case timeSinceLastActivity = "TIME_SINCE_LAST_ACTIVITY", timeSinceLastInbound = "TIME_SINCE_LAST_INBOUND"
    }
}
