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
}
