import ConnectAPI
import Model

/// Agent statuses. Connect has no delete ("Agent status ARNs cannot be deleted but can be
/// renamed or disabled", connect-api.md §5): prune disables this stack's undeclared ones, and
/// says so. Available and Offline are Connect's own (never pruned).
struct AgentStatusHandler: SearchableKind {
    let kind = ResourceKind.agentStatus
    /// Connect's default quota (connect-api.md §4, Admin Guide "Amazon Connect service quotas").
    let instanceQuota: InstanceQuota? = InstanceQuota(key: "agentStatuses", name: "agent statuses per instance", defaultValue: 50, code: nil)
    let readLabel = "agent statuses"

    func declared(in desired: DesiredState) -> [Model.AgentStatus] { desired.agentStatuses }

    func fields(of s: Model.AgentStatus, content: FlowContentProjector) -> [String: FieldValue] {
        var fields: [String: FieldValue] = ["description": .string(s.description ?? ""), "state": .string(s.state.rawValue)]
        if let order = s.displayOrder { fields["displayOrder"] = .int(order) }
        return fields
    }

    func createCalls(_ s: Model.AgentStatus, fields: [String: FieldValue], tags: [String: String], placeholder: Bool) -> [PlannedCall] {
        [PlannedCall(.createAgentStatus, [
            "InstanceId": .instanceId, "Name": .string(s.name), "Description": CallShapes.nonEmpty(s.description),
            "State": .string(s.state.rawValue), "DisplayOrder": s.displayOrder.map(CallValue.int), "Tags": .map(tags),
        ], creates: CallShapes.creates(s.address, "AgentStatusId", "AgentStatusARN"))]
    }

    /// One UpdateAgentStatus with the members that changed (its members are all optional).
    func updateCalls(_ s: Model.AgentStatus, fields: [String: FieldValue], live: LiveResource, changed: Set<String>) -> [PlannedCall] {
        guard !changed.isDisjoint(with: ["name", "description", "state", "displayOrder"]) else { return [] }
        return [PlannedCall(.updateAgentStatus, [
            "InstanceId": .instanceId, "AgentStatusId": .string(live.id),
            "Name": changed.contains("name") ? .string(s.name) : nil,
            // UpdateAgentStatusDescription is 0–250 characters: "" clears it.
            "Description": changed.contains("description") ? .string(s.description ?? "") : nil,
            "State": changed.contains("state") ? .string(s.state.rawValue) : nil,
            "DisplayOrder": changed.contains("displayOrder") ? s.displayOrder.map(CallValue.int) : nil,
        ])]
    }

    /// Never called by prune (see `pruneInstead`); there is no DeleteAgentStatus.
    func deleteCalls(_ live: LiveResource) -> [PlannedCall] { [] }

    func pruneInstead(_ live: LiveResource) -> PruneInstead? {
        let reason = "Connect cannot delete agent statuses: prune disables it (State DISABLED) instead"
        guard live.fields["state"] != .string(Model.AgentStatus.State.disabled.rawValue) else {
            return PruneInstead(fields: [], calls: [], reason: reason)
        }
        return PruneInstead(
            fields: [FieldChange(path: "state", before: live.fields["state"], after: .string("DISABLED"))],
            calls: [PlannedCall(.updateAgentStatus, ["InstanceId": .instanceId, "AgentStatusId": .string(live.id), "State": "DISABLED"])],
            reason: reason)
    }
}

extension AgentStatusHandler {
    func criteria(named name: String?) -> ConnectAPI.AgentStatus.SearchCriteria? {
        name.map { _ in StringSearchCriteria(StringCondition: .exact("name", name)) }
    }

    func identity(of s: ConnectAPI.AgentStatus) -> LiveIdentity? {
        guard let id = s.AgentStatusId, let name = s.Name else { return nil }
        return LiveIdentity(id: id, arn: s.AgentStatusARN ?? "", address: ResourceAddress(.agentStatus, name))
    }

    /// The display order is compared only where declared (Connect picks one otherwise).
    func details(_ s: ConnectAPI.AgentStatus, _ identity: LiveIdentity, _ context: DetailContext) -> DetailPlan {
        guard context.manages("displayOrder", of: identity.address) else { return .none }
        return .known(["displayOrder": .optional(s.DisplayOrder)])
    }

    func project(_ s: ConnectAPI.AgentStatus, _ identity: LiveIdentity, _ names: NameIndex) -> LiveProjected {
        LiveProjected(fields: ["description": .string(s.Description ?? ""), "state": .string(s.State ?? "ENABLED")],
                      tags: s.Tags ?? [:], isDefault: s.`Type`.map { $0 != "CUSTOM" } ?? ConnectDefaults.agentStatuses.contains(identity.address.name))
    }
}
