import ConnectAPI
import Model

struct RoutingProfileHandler: KindHandler {
    let kind = ResourceKind.routingProfile

    func declared(in desired: DesiredState) -> [Model.RoutingProfile] { desired.routingProfiles }

    func fields(of p: Model.RoutingProfile, content: FlowContentProjector) -> [String: FieldValue] {
        [
            "description": .string(p.description),
            "defaultOutboundQueue": .string(p.defaultOutboundQueue),
            "concurrency": .object(Dictionary(uniqueKeysWithValues: p.concurrency.map { ($0.key.rawValue, FieldValue.int($0.value)) })),
            "queues": Projection.routingQueues(p.queues.flatMap { entry in
                entry.channels.map { (queue: entry.queue, channel: $0.rawValue, priority: entry.priority, delay: entry.delay) }
            }),
        ]
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

    func translatingRenames(_ fields: [String: FieldValue], _ renames: Renames) -> [String: FieldValue] {
        var fields = renames.renaming(fields, "defaultOutboundQueue", .queue)
        if case let .object(queues)? = fields["queues"] {
            var renamed: [String: FieldValue] = [:]
            for (queue, config) in queues { renamed[renames.name(.queue, queue)] = config }
            fields["queues"] = .object(renamed)
        }
        return fields
    }

    func find(_ name: String, reader: any ConnectReader, instanceId: String) async throws -> FoundResource? {
        let criteria = RoutingProfileSearchCriteria(StringCondition: StringCondition(FieldName: "name", Value: name, ComparisonType: .EXACT))
        for try await page in reader.pages(SearchRequest<ConnectAPI.RoutingProfile>(instanceId: instanceId, criteria: criteria)) {
            if let p = page.items.first(where: { $0.Name == name }), let id = p.RoutingProfileId {
                return FoundResource(id: id, arn: p.RoutingProfileArn ?? "", tags: p.Tags ?? [:])
            }
        }
        return nil
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
