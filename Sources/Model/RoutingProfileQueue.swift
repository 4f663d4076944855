/// One queue of a routing profile: the channels it serves, its priority and delay.
public struct RoutingProfileQueue: Sendable, Hashable {
    public var queue: String
    /// Sorted, non-empty, no duplicates.
    public var channels: [Channel]
    /// 1–99 (1 is highest). Defaults to 1.
    public var priority: Int
    /// Seconds, 0–9999. Defaults to 0.
    public var delay: Int

    public init(queue: String, channels: [Channel], priority: Int = 1, delay: Int = 0) {
        self.queue = queue
        self.channels = channels
        self.priority = priority
        self.delay = delay
    }
}

/// One manual assignment queue of a routing profile and the channels it is enabled for
/// (chat, task and email: Connect's manual assignment does not support voice).
public struct RoutingProfileManualAssignmentQueue: Sendable, Hashable {
    public var queue: String
    /// Sorted, non-empty, no duplicates.
    public var channels: [Channel]

    public init(queue: String, channels: [Channel]) {
        self.queue = queue
        self.channels = channels
    }
}
