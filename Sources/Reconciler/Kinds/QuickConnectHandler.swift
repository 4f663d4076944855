import ConnectAPI
import Model

/// Quick connects: transfer destinations (a number, a queue, an agent, a flow) by name.
struct QuickConnectHandler: SearchableKind {
    let kind = ResourceKind.quickConnect
    /// Connect's default quota (connect-api.md §4, Admin Guide "Amazon Connect service quotas").
    let instanceQuota: InstanceQuota? = InstanceQuota(key: "quickConnects", name: "quick connects per instance", defaultValue: 100, code: "L-68BBE2E8")
    let readLabel = "quick connects"

    func declared(in desired: DesiredState) -> [Model.QuickConnect] { desired.quickConnects }

    func fields(of q: Model.QuickConnect, content: FlowContentProjector) -> [String: FieldValue] {
        [
            "type": .string(q.type.rawValue),
            "description": .string(q.description ?? ""),
            "phoneNumber": .optional(q.phoneNumber),
            "queue": .optional(q.queue),
            "user": .optional(q.user),
            "flow": .optional(q.flow),
        ]
    }

    func createCalls(_ q: Model.QuickConnect, fields: [String: FieldValue], tags: [String: String], placeholder: Bool) -> [PlannedCall] {
        [PlannedCall(.createQuickConnect, [
            "InstanceId": .instanceId, "Name": .string(q.name), "Description": CallShapes.nonEmpty(q.description),
            "QuickConnectConfig": config(q), "Tags": .map(tags),
        ], creates: CallShapes.creates(q.address, "QuickConnectId", "QuickConnectARN"))]
    }

    func updateCalls(_ q: Model.QuickConnect, fields: [String: FieldValue], live: LiveResource, changed: Set<String>) -> [PlannedCall] {
        var calls: [PlannedCall] = []
        if !changed.isDisjoint(with: ["name", "description"]) {
            calls.append(PlannedCall(.updateQuickConnectName, ["InstanceId": .instanceId, "QuickConnectId": .string(live.id),
                                                               "Name": .string(q.name), "Description": .string(q.description ?? "")]))
        }
        if !changed.isDisjoint(with: ["type", "phoneNumber", "queue", "user", "flow"]) {
            calls.append(PlannedCall(.updateQuickConnectConfig, ["InstanceId": .instanceId, "QuickConnectId": .string(live.id),
                                                                 "QuickConnectConfig": config(q)]))
        }
        return calls
    }

    func deleteCalls(_ live: LiveResource) -> [PlannedCall] {
        [CallShapes.delete(.deleteQuickConnect, "QuickConnectId", live)]
    }

    func liveReferences(_ live: LiveResource) -> [ResourceAddress] {
        CallShapes.reference(live.fields, "queue", .queue) + CallShapes.reference(live.fields, "user", .user)
            + CallShapes.reference(live.fields, "flow", .flow)
    }

    func translatingRenames(_ fields: [String: FieldValue], _ renames: Renames) -> [String: FieldValue] {
        renames.renaming(renames.renaming(fields, "queue", .queue), "flow", .flow)
    }

    /// The destination as `QuickConnectConfig`: one of UserConfig, QueueConfig, PhoneConfig, FlowConfig.
    private func config(_ q: Model.QuickConnect) -> CallValue {
        let flow = q.flow.map { CallValue.id(ResourceAddress(.flow, $0)) }
        switch q.type {
        case .phoneNumber:
            return ["QuickConnectType": "PHONE_NUMBER", "PhoneConfig": ["PhoneNumber": .optional(q.phoneNumber)]]
        case .queue:
            return ["QuickConnectType": "QUEUE",
                    "QueueConfig": ["QueueId": q.queue.map { .id(ResourceAddress(.queue, $0)) }, "ContactFlowId": flow]]
        case .user:
            return ["QuickConnectType": "USER",
                    "UserConfig": ["UserId": q.user.map { .id(ResourceAddress(.user, $0)) }, "ContactFlowId": flow]]
        case .flow:
            return ["QuickConnectType": "FLOW", "FlowConfig": ["ContactFlowId": flow]]
        }
    }
}

extension QuickConnectHandler {
    func criteria(named name: String?) -> ConnectAPI.QuickConnect.SearchCriteria? {
        name.map { _ in StringSearchCriteria(StringCondition: .exact("name", name)) }
    }

    func identity(of q: ConnectAPI.QuickConnect) -> LiveIdentity? {
        guard let id = q.QuickConnectId, let name = q.Name else { return nil }
        return LiveIdentity(id: id, arn: q.QuickConnectARN ?? "", address: ResourceAddress(.quickConnect, name))
    }

    func project(_ q: ConnectAPI.QuickConnect, _ identity: LiveIdentity, _ names: NameIndex) -> LiveProjected {
        let c = q.QuickConnectConfig
        let flowId = c?.QueueConfig?.ContactFlowId ?? c?.UserConfig?.ContactFlowId ?? c?.FlowConfig?.ContactFlowId
        return LiveProjected(fields: [
            "type": .string(c?.QuickConnectType.rawValue ?? ""),
            "description": .string(q.Description ?? ""),
            "phoneNumber": .optional(c?.PhoneConfig?.PhoneNumber),
            "queue": names.name(.queue, c?.QueueConfig?.QueueId),
            "user": names.name(.user, c?.UserConfig?.UserId),
            "flow": names.name(.flow, flowId),
        ], tags: q.Tags ?? [:])
    }
}
