import ConnectAPI
import Model

struct QueueHandler: KindHandler {
    let kind = ResourceKind.queue

    func declared(in desired: DesiredState) -> [Model.Queue] { desired.queues }

    func fields(of q: Model.Queue, content: FlowContentProjector) -> [String: FieldValue] {
        [
            "description": .string(q.description ?? ""),
            "hoursOfOperation": .string(q.hoursOfOperation),
            "maxContacts": .optional(q.maxContacts),
            "status": .string(q.status.rawValue),
            "outboundCallerId": Projection.outboundCallerId(name: q.outboundCallerId?.name, number: q.outboundCallerId?.number,
                                                             flow: q.outboundCallerId?.flow),
        ]
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
        return calls
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
        return calls
    }

    func deleteCalls(_ live: LiveResource) -> [PlannedCall] { [CallShapes.delete(.deleteQueue, "QueueId", live)] }

    func translatingRenames(_ fields: [String: FieldValue], _ renames: Renames) -> [String: FieldValue] {
        var fields = renames.renaming(fields, "hoursOfOperation", .hoursOfOperation)
        if case var .object(caller)? = fields["outboundCallerId"] {
            caller = renames.renaming(caller, "flow", .flow)
            fields["outboundCallerId"] = .object(caller)
        }
        return fields
    }

    func find(_ name: String, reader: any ConnectReader, instanceId: String) async throws -> FoundResource? {
        let criteria = QueueSearchCriteria(StringCondition: StringCondition(FieldName: "name", Value: name, ComparisonType: .EXACT))
        for try await page in reader.pages(SearchRequest<ConnectAPI.Queue>(instanceId: instanceId, criteria: criteria)) {
            if let q = page.items.first(where: { $0.Name == name }), let id = q.QueueId {
                return FoundResource(id: id, arn: q.QueueArn ?? "", tags: q.Tags ?? [:])
            }
        }
        return nil
    }

    private func outboundCaller(_ caller: OutboundCallerId?) -> CallValue? {
        guard let caller else { return nil }
        return [
            "OutboundCallerIdName": .optional(caller.name),
            "OutboundCallerIdNumberId": .optional(caller.number),
            "OutboundFlowId": caller.flow.map { .id(ResourceAddress(.flow, $0)) },
        ]
    }
}
