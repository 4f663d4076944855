import Model

/// `agentStatuses:` — agent statuses by name (design.md §3b). Connect cannot delete them:
/// prune disables them instead.
struct AgentStatusReader: ManifestKindReader {
    let kind = ResourceKind.agentStatus
    let summary = "Agent statuses by name (Connect cannot delete them: prune disables them)."

    let spec = ObjectSpec("agentStatus", "An agent status.", [
        ManifestSchema.descriptionField,
        FieldSpec("state", .enumeration(AgentStatus.State.allCases.map(\.rawValue)), "ENABLED (default) or DISABLED."),
        FieldSpec("displayOrder", .integer(minimum: 1, maximum: 50),
                  "Position in the agents' status list, 1–50; absent: Connect's choice, not managed."),
        ManifestSchema.tagsField, ManifestSchema.renamedFrom,
    ])

    func read(_ body: ResourceBody) -> AgentStatus? {
        let state = body.enumeration("state", as: AgentStatus.State.self)
        let displayOrder = body.integer("displayOrder", minimum: 1, maximum: 50)
        let description = body.limitedString("description")
        // Connect's own statuses (Available is ROUTABLE, Offline is OFFLINE) stay enabled.
        if state == .disabled, ConnectDefaults.agentStatuses.contains(body.name), let node = body["state"] {
            body.context.error("\(body.owner) is one of Connect's own agent statuses and cannot be disabled", at: node)
            return nil
        }
        return AgentStatus(name: body.name) {
            $0.description = description
            $0.state = state ?? .enabled
            $0.displayOrder = displayOrder
            $0.tags = body.tags
            $0.renamedFrom = body.renamedFrom
        }
    }

    func store(_ resources: [AgentStatus], into desired: inout DesiredState) {
        desired.agentStatuses = resources.sortedByName()
    }
}
