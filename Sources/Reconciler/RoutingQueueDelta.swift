/// The difference between two routing-profile queue configurations, as the three
/// Connect calls that make it: associate new (queue, channel) pairs, disassociate removed
/// ones, and UpdateRoutingProfileQueues for pairs whose priority or delay changed.
/// Each list is split into batches of `batchSize` (Connect's limit is 10 per call).
public struct RoutingQueueDelta: Sendable, Equatable {
    public struct Entry: Sendable, Hashable, Comparable {
        public var queue: String
        public var channel: String
        public var priority: Int
        public var delay: Int

        public init(queue: String, channel: String, priority: Int, delay: Int) {
            self.queue = queue
            self.channel = channel
            self.priority = priority
            self.delay = delay
        }

        public static func < (a: Entry, b: Entry) -> Bool { (a.queue, a.channel) < (b.queue, b.channel) }
    }

    public static let batchSize = 10

    public var associate: [Entry] = []
    public var disassociate: [Entry] = []
    public var update: [Entry] = []

    public init(from before: FieldValue?, to after: FieldValue?) {
        let old = Self.entries(before), new = Self.entries(after)
        let oldByKey = Dictionary(old.map { ("\($0.queue)\u{0}\($0.channel)", $0) }, uniquingKeysWith: { a, _ in a })
        let newByKey = Dictionary(new.map { ("\($0.queue)\u{0}\($0.channel)", $0) }, uniquingKeysWith: { a, _ in a })
        for (key, entry) in newByKey {
            if let previous = oldByKey[key] {
                if previous != entry { update.append(entry) }
            } else {
                associate.append(entry)
            }
        }
        for (key, entry) in oldByKey where newByKey[key] == nil { disassociate.append(entry) }
        associate.sort(); disassociate.sort(); update.sort()
    }

    public var isEmpty: Bool { associate.isEmpty && disassociate.isEmpty && update.isEmpty }

    public static func batches<T>(_ items: [T]) -> [[T]] {
        stride(from: 0, to: items.count, by: batchSize).map { Array(items[$0..<min($0 + batchSize, items.count)]) }
    }

    /// Call names in the order the applier makes them, one per batch.
    public var calls: [String] {
        Array(repeating: "DisassociateRoutingProfileQueues", count: Self.batches(disassociate).count)
            + Array(repeating: "UpdateRoutingProfileQueues", count: Self.batches(update).count)
            + Array(repeating: "AssociateRoutingProfileQueues", count: Self.batches(associate).count)
    }

    /// Entries of a `queues` field value (`{queue: {channel: {priority, delay}}}`).
    public static func entries(_ value: FieldValue?) -> [Entry] {
        guard case let .object(queues)? = value else { return [] }
        var out: [Entry] = []
        for (queue, channels) in queues {
            guard case let .object(byChannel) = channels else { continue }
            for (channel, config) in byChannel {
                guard case let .object(c) = config, case let .int(p)? = c["priority"], case let .int(d)? = c["delay"] else { continue }
                out.append(Entry(queue: queue, channel: channel, priority: p, delay: d))
            }
        }
        return out.sorted()
    }
}
