import Model
import Yams

/// `routingProfiles:` — routing profiles by name.
struct RoutingProfileReader: ManifestKindReader {
    let kind = ResourceKind.routingProfile
    let summary = "Routing profiles by name."

    static let queueEntry = ObjectSpec("routingProfileQueue", "One queue of a routing profile.", [
        FieldSpec("queue", ManifestSchema.name, required: true, "Queue by name."),
        FieldSpec("channels", .list(.enumeration(Channel.allCases.map(\.rawValue)), minItems: 1), required: true,
                  "Channels this queue serves."),
        FieldSpec("priority", .integer(minimum: 1, maximum: 99), "1 (highest, default) to 99."),
        FieldSpec("delay", .integer(minimum: 0, maximum: 9999), "Seconds before contacts route to agents, 0 (default) to 9999."),
    ])
    /// Connect's manual assignment takes chat, task and email (ListRoutingProfileManualAssignmentQueues:
    /// "Valid Values: CHAT | TASK | EMAIL … VOICE is not supported").
    static let manualChannels: [Channel] = [.chat, .task, .email]
    static let manualQueueEntry = ObjectSpec("routingProfileManualAssignmentQueue", "One manual assignment queue of a routing profile.", [
        FieldSpec("queue", ManifestSchema.name, required: true, "Queue by name."),
        FieldSpec("channels", .list(.enumeration(manualChannels.map(\.rawValue)), minItems: 1), required: true,
                  "Channels whose contacts agents may pick or be assigned from this queue (enabled in `concurrency`)."),
    ])
    static let channelSetting = ObjectSpec("channelConcurrency", "A channel's concurrency and cross-channel behaviour.", [
        FieldSpec("max", .integer(minimum: 1, maximum: 10), required: true, "Contacts at once: 1 for voice, 1 to 10 for the others."),
        FieldSpec("crossChannel", .enumeration(RoutingProfile.CrossChannelBehavior.allCases.map(\.rawValue)),
                  "ROUTE_CURRENT_CHANNEL_ONLY (absent: Connect's default) or ROUTE_ANY_CHANNEL."),
    ])
    static let concurrency = ObjectSpec("concurrency", "Enabled channels and their concurrency.", [
        FieldSpec("voice", .either(.integer(minimum: 1, maximum: 1), .object(channelSetting)), "Always 1, or `{ max: 1, crossChannel }`."),
        FieldSpec("chat", .either(.integer(minimum: 1, maximum: 10), .object(channelSetting)), "1 to 10, or `{ max, crossChannel }`."),
        FieldSpec("task", .either(.integer(minimum: 1, maximum: 10), .object(channelSetting)), "1 to 10, or `{ max, crossChannel }`."),
        FieldSpec("email", .either(.integer(minimum: 1, maximum: 10), .object(channelSetting)), "1 to 10, or `{ max, crossChannel }`."),
    ])
    let spec = ObjectSpec("routingProfile", "A routing profile.", [
        FieldSpec("description", ManifestSchema.description, required: true, "Required by Connect, 1 to 250 characters."),
        FieldSpec("defaultOutboundQueue", ManifestSchema.name, required: true, "Queue by name (declared, default or external)."),
        FieldSpec("concurrency", .object(RoutingProfileReader.concurrency), required: true, "Channels listed are enabled."),
        FieldSpec("queues", .list(.object(RoutingProfileReader.queueEntry)), "Queues and their channels, priority and delay."),
        FieldSpec("manualAssignmentQueues", .list(.object(RoutingProfileReader.manualQueueEntry)),
                  "Queues agents may pick contacts from by hand; absent: not managed, `[]`: none."),
        FieldSpec("agentAvailabilityTimer", .enumeration(RoutingProfile.AgentAvailabilityTimer.allCases.map(\.rawValue)),
                  "TIME_SINCE_LAST_ACTIVITY or TIME_SINCE_LAST_INBOUND; absent: Connect's default, not managed."),
        ManifestSchema.tagsField, ManifestSchema.renamedFrom,
    ])

    func read(_ body: ResourceBody) -> RoutingProfile? {
        let description = body.limitedString("description")
        let defaultQueue = body.reference("defaultOutboundQueue", to: .queue)
        let channels = readConcurrency(body)
        let concurrency = channels?.concurrency
        let entries = readQueues(body, concurrency: concurrency)
        let manual = readManualQueues(body, concurrency: concurrency)
        let timer = body.enumeration("agentAvailabilityTimer", as: RoutingProfile.AgentAvailabilityTimer.self)
        guard let description, let defaultQueue, let channels, let concurrency else { return nil }
        let queues = entries.sorted { ($0.queue, $0.channels[0]) < ($1.queue, $1.channels[0]) }
        return RoutingProfile(name: body.name, description: description, defaultOutboundQueue: defaultQueue,
                              concurrency: concurrency) {
            $0.queues = queues
            $0.crossChannel = channels.crossChannel
            $0.manualAssignmentQueues = manual?.sorted { $0.queue < $1.queue }
            $0.agentAvailabilityTimer = timer
            $0.tags = body.tags
            $0.renamedFrom = body.renamedFrom
        }
    }

    /// The enabled channels and the cross-channel behaviours declared; nil when `concurrency` is
    /// missing or has errors. A channel is its concurrency or `{ max, crossChannel }`.
    private func readConcurrency(_ body: ResourceBody) -> (concurrency: [Channel: Int], crossChannel: [Channel: RoutingProfile.CrossChannelBehavior])? {
        guard let node = body["concurrency"], let c = body.object("concurrency", spec: Self.concurrency) else { return nil }
        var concurrency: [Channel: Int] = [:], crossChannel: [Channel: RoutingProfile.CrossChannelBehavior] = [:]
        var ok = true
        for channel in Channel.allCases {
            guard var valueNode = c[channel.rawValue] else { continue }
            let what = "'\(channel.rawValue)' concurrency in \(body.owner)"
            if case .mapping = valueNode {
                guard let setting = c.nested(valueNode, spec: Self.channelSetting, owner: what) else { ok = false; continue }
                if setting["crossChannel"] != nil {
                    guard let behavior = setting.enumeration("crossChannel", as: RoutingProfile.CrossChannelBehavior.self) else { ok = false; continue }
                    crossChannel[channel] = behavior
                }
                guard let max = setting["max"] else { ok = false; continue }
                valueNode = max
            }
            let value = body.context.integer(valueNode, what: what, minimum: 1, maximum: channel == .voice ? 1 : 10)
            if let value { concurrency[channel] = value } else { ok = false }
        }
        if c.isEmpty {
            body.context.error("\(c.owner) must enable at least one channel (voice, chat, task or email)", at: node)
            ok = false
        }
        return ok ? (concurrency, crossChannel) : nil
    }

    /// The manual assignment queues (nil when absent): each queue once, each channel one of
    /// chat, task and email and enabled in `concurrency`.
    private func readManualQueues(_ body: ResourceBody, concurrency: [Channel: Int]?) -> [RoutingProfileManualAssignmentQueue]? {
        guard let node = body["manualAssignmentQueues"] else { return nil }
        guard let items = body.context.list(node, what: body.what("manualAssignmentQueues")) else { return [] }
        var entries: [RoutingProfileManualAssignmentQueue] = [], seen: [String: Node] = [:]
        for item in items {
            guard let q = body.nested(item, spec: Self.manualQueueEntry, owner: "a manual assignment queue of \(body.owner)") else { continue }
            let queueName = q.reference("queue", to: .queue)
            guard let channelsNode = q["channels"], let list = q.context.list(channelsNode, what: q.what("channels")) else { continue }
            if list.isEmpty { q.context.error("'channels' in \(q.owner) must list at least one channel", at: channelsNode) }
            var channels: [Channel] = []
            for channelNode in list {
                guard let channel = q.context.enumeration(channelNode, what: "a channel in \(q.owner)", as: Channel.self) else { continue }
                if !Self.manualChannels.contains(channel) {
                    q.context.error("channel '\(channel.rawValue)' in \(q.owner) cannot be assigned by hand; Connect's manual assignment takes chat, task and email", at: channelNode)
                } else if channels.contains(channel) {
                    q.context.error("channel '\(channel.rawValue)' is listed twice in \(q.owner)", at: channelNode)
                } else if let concurrency, concurrency[channel] == nil {
                    q.context.error("\(q.referrer) assigns \(channel.rawValue) contacts from queue '\(queueName ?? "?")' by hand but does not enable \(channel.rawValue) in 'concurrency'", at: channelNode)
                } else {
                    channels.append(channel)
                }
            }
            guard let queueName, let queueNode = q["queue"], !channels.isEmpty else { continue }
            if let first = seen[queueName] {
                body.context.error("queue '\(queueName)' is listed more than once in 'manualAssignmentQueues' of \(body.owner)",
                                   at: queueNode, notes: [.init("first listed here", at: body.context.location(first))])
                continue
            }
            seen[queueName] = queueNode
            entries.append(RoutingProfileManualAssignmentQueue(queue: queueName, channels: channels.sorted()))
        }
        return entries
    }

    /// The queue entries, each queue listed at most once per channel.
    private func readQueues(_ body: ResourceBody, concurrency: [Channel: Int]?) -> [RoutingProfileQueue] {
        guard let node = body["queues"], let items = body.context.list(node, what: body.what("queues")) else { return [] }
        var entries: [RoutingProfileQueue] = []
        var seen: [String: (channels: Set<Channel>, node: Node)] = [:]
        var combinations = 0
        for item in items {
            guard let q = body.nested(item, spec: Self.queueEntry, owner: "a queue entry of \(body.owner)") else { continue }
            let queueName = q.reference("queue", to: .queue)
            let channels = readChannels(q, queue: queueName, concurrency: concurrency)
            let priority = q["priority"] == nil ? 1 : q.integer("priority", minimum: 1, maximum: 99)
            let delay = q["delay"] == nil ? 0 : q.integer("delay", minimum: 0, maximum: 9999)
            guard let queueName, let queueNode = q["queue"], let priority, let delay, !channels.isEmpty else { continue }
            if let previous = seen[queueName] {
                let overlap = previous.channels.intersection(channels)
                if !overlap.isEmpty {
                    body.context.error("queue '\(queueName)' is listed more than once in \(body.owner) for channel \(overlap.sorted().map(\.rawValue).joined(separator: ", "))",
                                       at: queueNode, notes: [.init("first listed here", at: body.context.location(previous.node))])
                    continue
                }
            }
            seen[queueName, default: ([], queueNode)].channels.formUnion(channels)
            combinations += channels.count
            entries.append(RoutingProfileQueue(queue: queueName, channels: channels.sorted(), priority: priority, delay: delay))
        }
        if combinations > 50 {
            body.context.warning("\(body.owner) has \(combinations) queue and channel combinations; Connect's default quota is 50 per routing profile", at: node)
        }
        return entries
    }

    /// A queue entry's channels, each once; a channel `concurrency` does not enable draws a warning.
    private func readChannels(_ q: ResourceBody, queue: String?, concurrency: [Channel: Int]?) -> [Channel] {
        guard let node = q["channels"], let list = q.context.list(node, what: q.what("channels")) else { return [] }
        if list.isEmpty { q.context.error("'channels' in \(q.owner) must list at least one channel", at: node) }
        var channels: [Channel] = []
        for channelNode in list {
            guard let channel = q.context.enumeration(channelNode, what: "a channel in \(q.owner)", as: Channel.self) else { continue }
            if channels.contains(channel) {
                q.context.error("channel '\(channel.rawValue)' is listed twice in \(q.owner)", at: channelNode)
            } else {
                channels.append(channel)
                if let concurrency, concurrency[channel] == nil {
                    q.context.warning("\(q.referrer) routes \(channel.rawValue) contacts from queue '\(queue ?? "?")' but does not enable \(channel.rawValue) in 'concurrency'", at: channelNode)
                }
            }
        }
        return channels
    }

    func store(_ resources: [RoutingProfile], into desired: inout DesiredState) {
        desired.routingProfiles = resources.sortedByName()
    }
}
