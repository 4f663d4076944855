import ConnectAPI
import Model

struct RoutingProfileHandler: SearchableKind {
    let readLabel = "routing profiles"
    let kind = ResourceKind.routingProfile
    /// Connect's default quota (connect-api.md §4, Admin Guide "Amazon Connect service quotas").
    let instanceQuota: InstanceQuota? = InstanceQuota(key: "routingProfiles", name: "routing profiles per instance", defaultValue: 100, code: "L-D3E7BE26")

    func declared(in desired: DesiredState) -> [Model.RoutingProfile] { desired.routingProfiles }

    func fields(of p: Model.RoutingProfile, content: FlowContentProjector) -> [String: FieldValue] {
        var fields: [String: FieldValue] = [
            "description": .string(p.description),
            "defaultOutboundQueue": .string(p.defaultOutboundQueue),
            "concurrency": .object(Dictionary(uniqueKeysWithValues: p.concurrency.map { ($0.key.rawValue, FieldValue.int($0.value)) })),
            "queues": Projection.routingQueues(p.queues.flatMap { entry in
                entry.channels.map { (queue: entry.queue, channel: $0.rawValue, priority: entry.priority, delay: entry.delay) }
            }),
        ]
        if let timer = p.agentAvailabilityTimer { fields["agentAvailabilityTimer"] = .string(timer.rawValue) }
        if !p.crossChannel.isEmpty { fields["crossChannel"] = crossChannelField(p) }
        if let manual = p.manualAssignmentQueues {
            fields["manualAssignmentQueues"] = .object(Dictionary(manual.map { ($0.queue, FieldValue.strings($0.channels.map(\.rawValue))) },
                                                                  uniquingKeysWith: { a, _ in a }))
        }
        return fields
    }

    /// Every enabled channel's cross-channel behaviour, Connect's default where none is declared.
    private func crossChannelField(_ p: Model.RoutingProfile) -> FieldValue {
        .object(Dictionary(uniqueKeysWithValues: p.concurrency.keys.map { channel in
            (channel.rawValue, FieldValue.string((p.crossChannel[channel] ?? .routeCurrentChannelOnly).rawValue))
        }))
    }

    func fingerprintTags(_ fields: [String: FieldValue]) -> [String: String] {
        [Fingerprint.queuesTag: Self.queuesFingerprint(fields)]
    }

    /// The queues alone (the tags written before manual assignment queues existed stay valid), or
    /// with the manual assignment queues where the manifests declare them.
    static func queuesFingerprint(_ fields: [String: FieldValue]) -> String {
        guard let manual = fields["manualAssignmentQueues"] else { return Fingerprint.of(fields["queues"] ?? .null) }
        return Fingerprint.of(.object(["queues": fields["queues"] ?? .null, "manualAssignmentQueues": manual]))
    }

    /// CreateRoutingProfile takes the first 10 queue configs; the rest are associated after.
    func createCalls(_ p: Model.RoutingProfile, fields: [String: FieldValue], tags: [String: String], placeholder: Bool) -> [PlannedCall] {
        let configs = RoutingQueueDelta.entries(fields["queues"]).map(queueConfig)
        let manual = ManualQueue.entries(fields["manualAssignmentQueues"]).map(manualConfig)
        var calls = [PlannedCall(.createRoutingProfile, [
            "InstanceId": .instanceId, "Name": .string(p.name), "Description": .string(p.description),
            "DefaultOutboundQueueId": .id(ResourceAddress(.queue, p.defaultOutboundQueue)),
            "QueueConfigs": configs.isEmpty ? nil : .list(Array(configs.prefix(RoutingQueueDelta.batchSize))),
            "ManualAssignmentQueueConfigs": manual.isEmpty ? nil : .list(Array(manual.prefix(RoutingQueueDelta.batchSize))),
            "MediaConcurrencies": concurrencies(p, explicit: false), "Tags": .map(tags),
            "AgentAvailabilityTimer": p.agentAvailabilityTimer.map { .string($0.rawValue) },
        ], creates: CallShapes.creates(p.address, "RoutingProfileId", "RoutingProfileArn"))]
        for batch in RoutingQueueDelta.batches(Array(configs.dropFirst(RoutingQueueDelta.batchSize))) {
            calls.append(PlannedCall(.associateRoutingProfileQueues, [
                "InstanceId": .instanceId, "RoutingProfileId": .id(p.address), "QueueConfigs": .list(batch)]))
        }
        for batch in RoutingQueueDelta.batches(Array(manual.dropFirst(RoutingQueueDelta.batchSize))) {
            calls.append(PlannedCall(.associateRoutingProfileQueues, [
                "InstanceId": .instanceId, "RoutingProfileId": .id(p.address), "ManualAssignmentQueueConfigs": .list(batch)]))
        }
        return calls
    }

    func updateCalls(_ p: Model.RoutingProfile, fields: [String: FieldValue], live: LiveResource, changed: Set<String>) -> [PlannedCall] {
        let id = CallValue.string(live.id)
        var calls: [PlannedCall] = []
        if !changed.isDisjoint(with: ["name", "description"]) {
            calls.append(PlannedCall(.updateRoutingProfileName, ["InstanceId": .instanceId, "RoutingProfileId": id,
                                                                 "Name": .string(p.name), "Description": .string(p.description)]))
        }
        if !changed.isDisjoint(with: ["concurrency", "crossChannel"]) {
            // Cross-channel behaviour managed: every channel's is sent (an update may be a return to the default).
            calls.append(PlannedCall(.updateRoutingProfileConcurrency, ["InstanceId": .instanceId, "RoutingProfileId": id,
                                                                        "MediaConcurrencies": concurrencies(p, explicit: fields["crossChannel"] != nil)]))
        }
        let delta = RoutingQueueDelta(from: live.fields["queues"], to: fields["queues"])
        for batch in RoutingQueueDelta.batches(delta.associate.map(queueConfig)) {
            calls.append(PlannedCall(.associateRoutingProfileQueues, ["InstanceId": .instanceId, "RoutingProfileId": id,
                                                                      "QueueConfigs": .list(batch)]))
        }
        let manual = ManualQueue.delta(from: live.fields["manualAssignmentQueues"], to: fields["manualAssignmentQueues"])
        for batch in RoutingQueueDelta.batches(manual.associate.map(manualConfig)) {
            calls.append(PlannedCall(.associateRoutingProfileQueues, ["InstanceId": .instanceId, "RoutingProfileId": id,
                                                                      "ManualAssignmentQueueConfigs": .list(batch)]))
        }
        for batch in RoutingQueueDelta.batches(delta.update.map(queueConfig)) {
            calls.append(PlannedCall(.updateRoutingProfileQueues, ["InstanceId": .instanceId, "RoutingProfileId": id,
                                                                   "QueueConfigs": .list(batch)]))
        }
        if changed.contains("agentAvailabilityTimer"), let timer = p.agentAvailabilityTimer {
            calls.append(PlannedCall(.updateRoutingProfileAgentAvailabilityTimer, ["InstanceId": .instanceId, "RoutingProfileId": id,
                                                                                   "AgentAvailabilityTimer": .string(timer.rawValue)]))
        }
        if changed.contains("defaultOutboundQueue") {
            calls.append(PlannedCall(.updateRoutingProfileDefaultOutboundQueue, ["InstanceId": .instanceId, "RoutingProfileId": id,
                "DefaultOutboundQueueId": .id(ResourceAddress(.queue, p.defaultOutboundQueue))]))
        }
        for batch in RoutingQueueDelta.batches(delta.disassociate.map(queueReference)) {
            calls.append(PlannedCall(.disassociateRoutingProfileQueues, ["InstanceId": .instanceId, "RoutingProfileId": id,
                                                                         "QueueReferences": .list(batch)]))
        }
        for batch in RoutingQueueDelta.batches(manual.disassociate.map(\.reference)) {
            calls.append(PlannedCall(.disassociateRoutingProfileQueues, ["InstanceId": .instanceId, "RoutingProfileId": id,
                                                                         "ManualAssignmentQueueReferences": .list(batch)]))
        }
        return calls
    }

    func deleteCalls(_ live: LiveResource) -> [PlannedCall] {
        [CallShapes.delete(.deleteRoutingProfile, "RoutingProfileId", live)]
    }

    func liveReferences(_ live: LiveResource) -> [ResourceAddress] {
        var out = CallShapes.reference(live.fields, "defaultOutboundQueue", .queue)
        for key in ["queues", "manualAssignmentQueues"] {
            if case let .object(queues)? = live.fields[key] { out += queues.keys.sorted().map { ResourceAddress(.queue, $0) } }
        }
        return out
    }

    func translatingRenames(_ fields: [String: FieldValue], _ renames: Renames) -> [String: FieldValue] {
        var fields = renames.renaming(fields, "defaultOutboundQueue", .queue)
        for key in ["queues", "manualAssignmentQueues"] {
            guard case let .object(queues)? = fields[key] else { continue }
            var renamed: [String: FieldValue] = [:]
            for (queue, config) in queues { renamed[renames.name(.queue, queue)] = config }
            fields[key] = .object(renamed)
        }
        return fields
    }

    private func queueReference(_ e: RoutingQueueDelta.Entry) -> CallValue {
        ["QueueId": .id(ResourceAddress(.queue, e.queue)), "Channel": .string(e.channel.uppercased())]
    }

    private func queueConfig(_ e: RoutingQueueDelta.Entry) -> CallValue {
        ["QueueReference": queueReference(e), "Priority": .int(e.priority), "Delay": .int(e.delay)]
    }

    private func manualConfig(_ e: ManualQueue) -> CallValue { ["QueueReference": e.reference] }

    /// MediaConcurrencies; CrossChannelBehavior for the channels that declare one, or (`explicit`)
    /// for every channel, Connect's default where none is declared.
    private func concurrencies(_ p: Model.RoutingProfile, explicit: Bool) -> CallValue {
        .list(p.concurrency.keys.sorted().map { channel in
            var entry: [String: CallValue] = ["Channel": .string(channel.connectName), "Concurrency": .int(p.concurrency[channel] ?? 0)]
            if let behavior = p.crossChannel[channel] ?? (explicit ? .routeCurrentChannelOnly : nil) {
                entry["CrossChannelBehavior"] = ["BehaviorType": .string(behavior.rawValue)]
            }
            return .object(entry)
        })
    }
}

extension RoutingProfileHandler {
    func criteria(named name: String?) -> ConnectAPI.RoutingProfile.SearchCriteria? {
        name.map { _ in StringSearchCriteria(StringCondition: .exact("name", name)) }
    }

    func identity(of p: ConnectAPI.RoutingProfile) -> LiveIdentity? {
        guard let id = p.RoutingProfileId, let name = p.Name else { return nil }
        return LiveIdentity(id: id, arn: p.RoutingProfileArn ?? "", address: ResourceAddress(.routingProfile, name))
    }

    /// SearchRoutingProfiles lacks each queue's priority, delay and channel: ListRoutingProfileQueues,
    /// unless the fingerprint tag matches the manifests, nothing modified the profile since it was
    /// written, and the queue ids Search does return agree.
    func details(_ p: ConnectAPI.RoutingProfile, _ identity: LiveIdentity, _ context: DetailContext) -> DetailPlan {
        withTimer(withManualQueues(queueDetails(p, identity, context), p, identity, context), identity, context)
    }

    /// SearchRoutingProfiles does not return AgentAvailabilityTimer nor MediaConcurrencies'
    /// CrossChannelBehavior (the model's documentation, and the emulator follows it): one
    /// DescribeRoutingProfile, only for a profile whose manifest sets either, for both.
    private func withTimer(_ base: DetailPlan, _ identity: LiveIdentity, _ context: DetailContext) -> DetailPlan {
        let timer = context.manages("agentAvailabilityTimer", of: identity.address)
        let crossChannel = context.manages("crossChannel", of: identity.address)
        guard timer || crossChannel else { return base }
        let read = context.read, id = identity.id
        return base.then { fields in
            var fields = fields
            let profile = try await read.one { try await read.reader.describe(ConnectAPI.RoutingProfile.self, instanceId: read.instanceId, id: id) }
            if timer { fields["agentAvailabilityTimer"] = .string(profile.AgentAvailabilityTimer?.rawValue ?? "TIME_SINCE_LAST_ACTIVITY") }
            if crossChannel { fields["crossChannel"] = Self.crossChannel(profile.MediaConcurrencies ?? []) }
            return fields
        }
    }

    /// Each channel's behaviour; none returned is Connect's default, ROUTE_CURRENT_CHANNEL_ONLY.
    static func crossChannel(_ concurrencies: [MediaConcurrency]) -> FieldValue {
        .object(Dictionary(concurrencies.map {
            ($0.Channel.rawValue.lowercased(), FieldValue.string($0.CrossChannelBehavior?.BehaviorType.rawValue ?? "ROUTE_CURRENT_CHANNEL_ONLY"))
        }, uniquingKeysWith: { a, _ in a }))
    }

    /// ListRoutingProfileManualAssignmentQueues, only for a profile whose manifest declares them, and
    /// not even then when the queues' fingerprint tag vouches for them or Search's
    /// AssociatedManualAssignmentQueueIds says there are none.
    private func withManualQueues(_ base: DetailPlan, _ p: ConnectAPI.RoutingProfile, _ identity: LiveIdentity,
                                  _ context: DetailContext) -> DetailPlan {
        guard context.manages("manualAssignmentQueues", of: identity.address) else { return base }
        if case let .trusted(known) = base, known["manualAssignmentQueues"] != nil { return base }
        if p.AssociatedManualAssignmentQueueIds == [] { return base.adding(["manualAssignmentQueues": .object([:])]) }
        let read = context.read, names = context.names, id = identity.id
        return base.then { fields in
            var fields = fields
            let configs = try await read.items(read.reader.pages(ListRequest<Listings.RoutingProfileManualAssignmentQueues>(instanceId: read.instanceId, parentId: id)))
            var byQueue: [String: [String]] = [:]
            for c in configs { byQueue[names.knownName(.queue, c.QueueId) ?? c.QueueName, default: []].append(c.Channel.rawValue.lowercased()) }
            fields["manualAssignmentQueues"] = .object(byQueue.mapValues { FieldValue.strings($0) })
            return fields
        }
    }

    private func queueDetails(_ p: ConnectAPI.RoutingProfile, _ identity: LiveIdentity, _ context: DetailContext) -> DetailPlan {
        if let mine = context.vouched(identity, tag: p.Tags?[Fingerprint.queuesTag], fingerprint: Self.queuesFingerprint),
           let queues = mine["queues"] {
            let declaredIds = RoutingQueueDelta.entries(queues).map { context.names.id(of: ResourceAddress(.queue, $0.queue)) }
            if !declaredIds.contains(nil), Set(declaredIds.compactMap { $0 }) == Set(p.AssociatedQueueIds ?? []) {
                var trusted = ["queues": queues]
                // The manual assignment queues too, when Search's AssociatedManualAssignmentQueueIds agree.
                if let manual = mine["manualAssignmentQueues"], let live = p.AssociatedManualAssignmentQueueIds {
                    let ids = Set(ManualQueue.entries(manual).map(\.queue)).map { context.names.id(of: ResourceAddress(.queue, $0)) }
                    if !ids.contains(nil), Set(ids.compactMap { $0 }) == Set(live) { trusted["manualAssignmentQueues"] = manual }
                }
                return .trusted(trusted)
            }
        }
        let read = context.read, names = context.names, id = identity.id
        return .fetch {
            let configs = try await read.items(read.reader.pages(ListRequest<Listings.RoutingProfileQueues>(instanceId: read.instanceId, parentId: id)))
            return ["queues": Projection.routingQueues(configs.map {
                (queue: names.knownName(.queue, $0.QueueId) ?? $0.QueueName, channel: $0.Channel.rawValue.lowercased(),
                 priority: $0.Priority, delay: $0.Delay)
            })]
        }
    }

    func project(_ p: ConnectAPI.RoutingProfile, _ identity: LiveIdentity, _ names: NameIndex) -> LiveProjected {
        LiveProjected(fields: [
            "description": .string(p.Description ?? ""),
            "defaultOutboundQueue": names.name(.queue, p.DefaultOutboundQueueId),
            "concurrency": .object(Dictionary((p.MediaConcurrencies ?? []).map {
                ($0.Channel.rawValue.lowercased(), FieldValue.int($0.Concurrency))
            }, uniquingKeysWith: { a, _ in a })),
        ], tags: p.Tags ?? [:], isDefault: p.IsDefault == true || ConnectDefaults.routingProfiles.contains(identity.address.name))
    }
}

extension RoutingProfileHandler {
    /// The queues as the manifest lists them: one `{ queue, channels, priority, delay }` per queue
    /// and setting, channels with the same priority and delay together, in the reader's order.
    func exported(_ live: LiveResource, _ export: ExportContext) -> ExportedResource? {
        if let external = export.external(live) { return external }
        var grouped: [RoutingQueueSetting: [Model.Channel]] = [:]
        for e in RoutingQueueDelta.entries(live.fields["queues"]) {
            guard let channel = Model.Channel(rawValue: e.channel) else { continue }
            grouped[RoutingQueueSetting(queue: e.queue, priority: e.priority, delay: e.delay), default: []].append(channel)
        }
        let entries = grouped.map { setting, channels in (setting, channels.sorted()) }
            .sorted { ($0.0.queue, $0.1[0]) < ($1.0.queue, $1.1[0]) }
            .map { setting, channels -> FieldValue in
                .object(["queue": .string(setting.queue), "channels": .list(channels.map { .string($0.rawValue) }),
                         "priority": .int(setting.priority), "delay": .int(setting.delay)])
            }
        var fields = live.fields
        fields["queues"] = .list(entries)
        fields["concurrency"] = exportedConcurrency(live.fields)
        fields["crossChannel"] = nil
        let manual = ManualQueue.entries(live.fields["manualAssignmentQueues"])
        let manualByQueue = Dictionary(grouping: manual, by: \.queue)
        fields["manualAssignmentQueues"] = manual.isEmpty ? nil : .list(manualByQueue.keys.sorted().map { queue in
            .object(["queue": .string(queue), "channels": .list(manualByQueue[queue, default: []].map { .string($0.channel) })])
        })
        // Connect's default timer is left out (absent in the manifest means the default).
        if fields["agentAvailabilityTimer"] == .string("TIME_SINCE_LAST_ACTIVITY") { fields["agentAvailabilityTimer"] = nil }
        return .named(live, fields)
    }
}

extension RoutingProfileHandler {
    /// `concurrency` as the manifest writes it: a channel with a cross-channel behaviour other than
    /// Connect's default is `{ max, crossChannel }`.
    private func exportedConcurrency(_ fields: [String: FieldValue]) -> FieldValue? {
        guard case var .object(concurrency)? = fields["concurrency"], case let .object(behaviors)? = fields["crossChannel"] else {
            return fields["concurrency"]
        }
        for (channel, behavior) in behaviors where behavior != .string("ROUTE_CURRENT_CHANNEL_ONLY") {
            guard let max = concurrency[channel] else { continue }
            concurrency[channel] = .object(["max": max, "crossChannel": behavior])
        }
        return .object(concurrency)
    }
}

/// One queue and channel of a routing profile's manual assignment queues (the field is queue →
/// channels), and the calls' differences between two of them.
struct ManualQueue: Hashable, Comparable {
    var queue: String
    var channel: String

    static func < (a: ManualQueue, b: ManualQueue) -> Bool { (a.queue, a.channel) < (b.queue, b.channel) }

    var reference: CallValue { ["QueueId": .id(ResourceAddress(.queue, queue)), "Channel": .string(channel.uppercased())] }

    static func entries(_ value: FieldValue?) -> [ManualQueue] {
        guard case let .object(queues)? = value else { return [] }
        return queues.flatMap { queue, channels -> [ManualQueue] in
            switch channels {
            case let .list(items), let .unorderedSet(items):
                return items.compactMap { if case let .string(c) = $0 { ManualQueue(queue: queue, channel: c) } else { nil } }
            default: return []
            }
        }.sorted()
    }

    static func delta(from live: FieldValue?, to desired: FieldValue?) -> (associate: [ManualQueue], disassociate: [ManualQueue]) {
        guard desired != nil else { return ([], []) }
        let before = Set(entries(live)), after = Set(entries(desired))
        return (after.subtracting(before).sorted(), before.subtracting(after).sorted())
    }
}

/// One queue's priority and delay in a routing profile (the channels sharing them are one manifest entry).
private struct RoutingQueueSetting: Hashable {
    var queue: String
    var priority: Int
    var delay: Int
}
