import ConnectAPI
import Model

struct QueueHandler: SearchableKind {
    let readLabel = "queues"
    let kind = ResourceKind.queue
    /// Connect's default quota (connect-api.md §4, Admin Guide "Amazon Connect service quotas").
    let instanceQuota: InstanceQuota? = InstanceQuota(key: "queues", name: "queues per instance", defaultValue: 50, code: "L-19A87C94")

    func declared(in desired: DesiredState) -> [Model.Queue] { desired.queues }

    func fields(of q: Model.Queue, content: FlowContentProjector) -> [String: FieldValue] {
        var fields: [String: FieldValue] = [
            "description": .string(q.description ?? ""),
            "hoursOfOperation": .string(q.hoursOfOperation),
            "maxContacts": .optional(q.maxContacts),
            "status": .string(q.status.rawValue),
            "outboundCallerId": Projection.outboundCallerId(name: q.outboundCallerId?.name, number: q.outboundCallerId?.number,
                                                             flow: q.outboundCallerId?.flow),
        ]
        if let quickConnects = q.quickConnects { fields["quickConnects"] = .strings(quickConnects) }
        return fields
    }

    func createCalls(_ q: Model.Queue, fields: [String: FieldValue], tags: [String: String], placeholder: Bool) -> [PlannedCall] {
        var calls = [PlannedCall(.createQueue, [
            "InstanceId": .instanceId, "Name": .string(q.name), "Description": CallShapes.nonEmpty(q.description),
            "OutboundCallerConfig": outboundCaller(q.outboundCallerId),
            "HoursOfOperationId": .id(ResourceAddress(.hoursOfOperation, q.hoursOfOperation)),
            "MaxContacts": q.maxContacts.map(CallValue.int), "Tags": .map(tags),
        ], creates: CallShapes.creates(q.address, "QueueId", "QueueArn"))]
        if q.status == .disabled {
            calls.append(PlannedCall(.updateQueueStatus, ["InstanceId": .instanceId, "QueueId": .id(q.address), "Status": "DISABLED"]))
        }
        return placeholder ? calls : calls + fillCalls(q)
    }

    /// Quick connects are associated once they exist (a quick connect to this queue needs the queue first).
    func fillCalls(_ q: Model.Queue) -> [PlannedCall] {
        quickConnectCalls(.associateQueueQuickConnects, .id(q.address), (q.quickConnects ?? []).sorted())
    }

    /// Associate / Disassociate take at most 50 quick connects per call.
    private func quickConnectCalls(_ operation: ConnectOperation, _ queue: CallValue, _ names: [String]) -> [PlannedCall] {
        stride(from: 0, to: names.count, by: 50).map { start in
            PlannedCall(operation, ["InstanceId": .instanceId, "QueueId": queue, "QuickConnectIds":
                .list(names[start..<min(start + 50, names.count)].map { .id(ResourceAddress(.quickConnect, $0)) })])
        }
    }

    func updateCalls(_ q: Model.Queue, fields: [String: FieldValue], live: LiveResource, changed: Set<String>) -> [PlannedCall] {
        let id = CallValue.string(live.id)
        var calls: [PlannedCall] = []
        if !changed.isDisjoint(with: ["name", "description"]) {
            calls.append(PlannedCall(.updateQueueName, ["InstanceId": .instanceId, "QueueId": id, "Name": .string(q.name),
                                                        "Description": .string(q.description ?? "")]))
        }
        if changed.contains("hoursOfOperation") {
            calls.append(PlannedCall(.updateQueueHoursOfOperation, ["InstanceId": .instanceId, "QueueId": id,
                "HoursOfOperationId": .id(ResourceAddress(.hoursOfOperation, q.hoursOfOperation))]))
        }
        if changed.contains("maxContacts") {
            // Without MaxContacts the limit is removed.
            calls.append(PlannedCall(.updateQueueMaxContacts, ["InstanceId": .instanceId, "QueueId": id,
                                                               "MaxContacts": q.maxContacts.map(CallValue.int)]))
        }
        if changed.contains("status") {
            calls.append(PlannedCall(.updateQueueStatus, ["InstanceId": .instanceId, "QueueId": id, "Status": .string(q.status.rawValue)]))
        }
        if changed.contains("outboundCallerId") {
            calls.append(PlannedCall(.updateQueueOutboundCallerConfig, ["InstanceId": .instanceId, "QueueId": id,
                "OutboundCallerConfig": outboundCaller(q.outboundCallerId) ?? .object([:])]))
        }
        if changed.contains("quickConnects") {
            let before = Set(CallShapes.strings(live.fields["quickConnects"])), after = Set(q.quickConnects ?? [])
            calls += quickConnectCalls(.associateQueueQuickConnects, id, after.subtracting(before).sorted())
            calls += quickConnectCalls(.disassociateQueueQuickConnects, id, before.subtracting(after).sorted())
        }
        return calls
    }

    func deleteCalls(_ live: LiveResource) -> [PlannedCall] { [CallShapes.delete(.deleteQueue, "QueueId", live)] }

    func liveReferences(_ live: LiveResource) -> [ResourceAddress] {
        var out = CallShapes.reference(live.fields, "hoursOfOperation", .hoursOfOperation)
        if case let .object(caller)? = live.fields["outboundCallerId"] { out += CallShapes.reference(caller, "flow", .flow) }
        return out + CallShapes.strings(live.fields["quickConnects"]).map { ResourceAddress(.quickConnect, $0) }
    }

    func translatingRenames(_ fields: [String: FieldValue], _ renames: Renames) -> [String: FieldValue] {
        var fields = renames.renaming(fields, "hoursOfOperation", .hoursOfOperation)
        if case .unorderedSet? = fields["quickConnects"] {
            fields["quickConnects"] = .strings(CallShapes.strings(fields["quickConnects"]).map { renames.name(.quickConnect, $0) })
        }
        if case var .object(caller)? = fields["outboundCallerId"] {
            caller = renames.renaming(caller, "flow", .flow)
            fields["outboundCallerId"] = .object(caller)
        }
        return fields
    }

    private func outboundCaller(_ caller: OutboundCallerId?) -> CallValue? {
        guard let caller else { return nil }
        return [
            "OutboundCallerIdName": .optional(caller.name),
            "OutboundCallerIdNumberId": caller.number.map { .id(ResourceAddress(.phoneNumber, $0)) },
            "OutboundFlowId": caller.flow.map { .id(ResourceAddress(.flow, $0)) },
        ]
    }
}

extension QueueHandler {
    func criteria(named name: String?) -> ConnectAPI.Queue.SearchCriteria? {
        QueueSearchCriteria(StringCondition: .exact("name", name), QueueTypeCondition: name == nil ? "STANDARD" : nil)
    }

    /// ListQueueQuickConnects, only for queues whose quick connects the manifests manage.
    func details(_ q: ConnectAPI.Queue, _ identity: LiveIdentity, _ context: DetailContext) -> DetailPlan {
        guard context.manages("quickConnects", of: identity.address) else { return .none }
        let read = context.read, names = context.names, id = identity.id
        return .fetch {
            let summaries = try await read.items(read.reader.pages(ListRequest<Listings.QueueQuickConnects>(instanceId: read.instanceId, parentId: id)))
            return ["quickConnects": .strings(summaries.compactMap { s in s.Id.flatMap { names.knownName(.quickConnect, $0) } ?? s.Name })]
        }
    }

    func identity(of q: ConnectAPI.Queue) -> LiveIdentity? {
        guard let id = q.QueueId, let name = q.Name else { return nil }
        return LiveIdentity(id: id, arn: q.QueueArn ?? "", address: ResourceAddress(.queue, name))
    }

    func project(_ q: ConnectAPI.Queue, _ identity: LiveIdentity, _ names: NameIndex) -> LiveProjected {
        let caller = q.OutboundCallerConfig
        let flow = caller?.OutboundFlowId.map { names.knownName(.flow, $0) ?? $0 }
        return LiveProjected(fields: [
            "description": .string(q.Description ?? ""),
            "hoursOfOperation": names.name(.hoursOfOperation, q.HoursOfOperationId),
            "maxContacts": .optional(q.MaxContacts),
            "status": .string(q.Status?.rawValue ?? "ENABLED"),
            "outboundCallerId": Projection.outboundCallerId(name: caller?.OutboundCallerIdName,
                                                             number: caller?.OutboundCallerIdNumberId.map { names.knownName(.phoneNumber, $0) ?? $0 },
                                                             flow: flow),
        ], tags: q.Tags ?? [:], isDefault: ConnectDefaults.queues.contains(identity.address.name))
    }
}

extension QueueHandler {
    /// `status: ENABLED` is the default and left out.
    func exported(_ live: LiveResource, _ export: ExportContext) -> ExportedResource? {
        export.external(live) ?? .named(live, ExportBody.dropping(["status": "ENABLED"], from: live.fields))
    }
}
