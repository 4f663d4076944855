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
        return fields
    }

    func fingerprintTags(_ fields: [String: FieldValue]) -> [String: String] {
        [Fingerprint.queuesTag: Fingerprint.of(fields["queues"] ?? .null)]
    }

    /// CreateRoutingProfile takes the first 10 queue configs; the rest are associated after.
    func createCalls(_ p: Model.RoutingProfile, fields: [String: FieldValue], tags: [String: String], placeholder: Bool) -> [PlannedCall] {
        let configs = RoutingQueueDelta.entries(fields["queues"]).map(queueConfig)
        var calls = [PlannedCall(.createRoutingProfile, [
            "InstanceId": .instanceId, "Name": .string(p.name), "Description": .string(p.description),
            "DefaultOutboundQueueId": .id(ResourceAddress(.queue, p.defaultOutboundQueue)),
            "QueueConfigs": configs.isEmpty ? nil : .list(Array(configs.prefix(RoutingQueueDelta.batchSize))),
            "MediaConcurrencies": concurrencies(p.concurrency), "Tags": .map(tags),
            "AgentAvailabilityTimer": p.agentAvailabilityTimer.map { .string($0.rawValue) },
        ], creates: CallShapes.creates(p.address, "RoutingProfileId", "RoutingProfileArn"))]
        for batch in RoutingQueueDelta.batches(Array(configs.dropFirst(RoutingQueueDelta.batchSize))) {
            calls.append(PlannedCall(.associateRoutingProfileQueues, [
                "InstanceId": .instanceId, "RoutingProfileId": .id(p.address), "QueueConfigs": .list(batch)]))
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
        if changed.contains("concurrency") {
            calls.append(PlannedCall(.updateRoutingProfileConcurrency, ["InstanceId": .instanceId, "RoutingProfileId": id,
                                                                        "MediaConcurrencies": concurrencies(p.concurrency)]))
        }
        let delta = RoutingQueueDelta(from: live.fields["queues"], to: fields["queues"])
        for batch in RoutingQueueDelta.batches(delta.associate.map(queueConfig)) {
            calls.append(PlannedCall(.associateRoutingProfileQueues, ["InstanceId": .instanceId, "RoutingProfileId": id,
                                                                      "QueueConfigs": .list(batch)]))
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
        return calls
    }

    func deleteCalls(_ live: LiveResource) -> [PlannedCall] {
        [CallShapes.delete(.deleteRoutingProfile, "RoutingProfileId", live)]
    }

    func liveReferences(_ live: LiveResource) -> [ResourceAddress] {
        var out = CallShapes.reference(live.fields, "defaultOutboundQueue", .queue)
        if case let .object(queues)? = live.fields["queues"] { out += queues.keys.sorted().map { ResourceAddress(.queue, $0) } }
        return out
    }

    func translatingRenames(_ fields: [String: FieldValue], _ renames: Renames) -> [String: FieldValue] {
        var fields = renames.renaming(fields, "defaultOutboundQueue", .queue)
        if case let .object(queues)? = fields["queues"] {
            var renamed: [String: FieldValue] = [:]
            for (queue, config) in queues { renamed[renames.name(.queue, queue)] = config }
            fields["queues"] = .object(renamed)
        }
        return fields
    }

    private func queueReference(_ e: RoutingQueueDelta.Entry) -> CallValue {
        ["QueueId": .id(ResourceAddress(.queue, e.queue)), "Channel": .string(e.channel.uppercased())]
    }

    private func queueConfig(_ e: RoutingQueueDelta.Entry) -> CallValue {
        ["QueueReference": queueReference(e), "Priority": .int(e.priority), "Delay": .int(e.delay)]
    }

    private func concurrencies(_ concurrency: [Model.Channel: Int]) -> CallValue {
        .list(concurrency.keys.sorted().map { channel in
            ["Channel": .string(channel.connectName), "Concurrency": .int(concurrency[channel] ?? 0)]
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
        withTimer(queueDetails(p, identity, context), identity, context)
    }

    /// SearchRoutingProfiles does not return AgentAvailabilityTimer (the model's documentation, and
    /// the emulator follows it): one DescribeRoutingProfile, only for a profile whose manifest sets it.
    private func withTimer(_ base: DetailPlan, _ identity: LiveIdentity, _ context: DetailContext) -> DetailPlan {
        guard context.manages("agentAvailabilityTimer", of: identity.address) else { return base }
        let read = context.read, id = identity.id
        return base.then { fields in
            var fields = fields
            let profile = try await read.one { try await read.reader.describe(ConnectAPI.RoutingProfile.self, instanceId: read.instanceId, id: id) }
            fields["agentAvailabilityTimer"] = .string(profile.AgentAvailabilityTimer?.rawValue ?? "TIME_SINCE_LAST_ACTIVITY")
            return fields
        }
    }

    private func queueDetails(_ p: ConnectAPI.RoutingProfile, _ identity: LiveIdentity, _ context: DetailContext) -> DetailPlan {
        if let mine = context.vouched(identity, tag: p.Tags?[Fingerprint.queuesTag], fingerprint: { Fingerprint.of($0["queues"] ?? .null) }),
           let queues = mine["queues"] {
            let declaredIds = RoutingQueueDelta.entries(queues).map { context.names.id(of: ResourceAddress(.queue, $0.queue)) }
            if !declaredIds.contains(nil), Set(declaredIds.compactMap { $0 }) == Set(p.AssociatedQueueIds ?? []) {
                return .trusted(["queues": queues])
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
        // Connect's default timer is left out (absent in the manifest means the default).
        if fields["agentAvailabilityTimer"] == .string("TIME_SINCE_LAST_ACTIVITY") { fields["agentAvailabilityTimer"] = nil }
        return .named(live, fields)
    }
}

/// One queue's priority and delay in a routing profile (the channels sharing them are one manifest entry).
private struct RoutingQueueSetting: Hashable {
    var queue: String
    var priority: Int
    var delay: Int
}
