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
    /// Cross-channel behaviour of the channels that declare one (`chat: { max: 3, crossChannel: … }`);
    /// an enabled channel not listed has Connect's default, ROUTE_CURRENT_CHANNEL_ONLY. Empty: not managed.
    public var crossChannel: [Channel: CrossChannelBehavior] = [:]
    /// Queues whose contacts agents may pick or be assigned by hand, sorted by queue name;
    /// nil: not managed (`[]` manages them as none).
    public var manualAssignmentQueues: [RoutingProfileManualAssignmentQueue]?
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

    /// MediaConcurrency's CrossChannelBehavior.BehaviorType values.
    public enum CrossChannelBehavior: String, Sendable, Hashable, CaseIterable {
        case routeCurrentChannelOnly = "ROUTE_CURRENT_CHANNEL_ONLY", routeAnyChannel = "ROUTE_ANY_CHANNEL"
    }

    /// UpdateRoutingProfileAgentAvailabilityTimer's values.
    public enum AgentAvailabilityTimer: String, Sendable, Hashable, CaseIterable {
        case timeSinceLastActivity = "TIME_SINCE_LAST_ACTIVITY", timeSinceLastInbound = "TIME_SINCE_LAST_INBOUND"
    }
}
