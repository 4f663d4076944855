import Model

/// `flowModules:` — flow modules by name.
struct FlowModuleReader: ManifestKindReader {
    let kind = ResourceKind.flowModule
    let summary = "Flow modules by name."

    let spec = ObjectSpec("flowModule", "A flow module.", [ManifestSchema.descriptionField] + FlowReader.contentFields)

    func read(_ body: ResourceBody) -> FlowModule? {
        let status = body.enumeration("status", as: FlowStatus.self)
        let state = body.enumeration("state", as: FlowState.self)
        let description = body.limitedString("description")
        guard let content = body.flowContent(published: (status ?? .published) == .published) else { return nil }
        return FlowModule(name: body.name, content: content) {
            $0.description = description
            $0.status = status ?? .published
            $0.state = state ?? .active
            $0.tags = body.tags
            $0.renamedFrom = body.renamedFrom
        }
    }

    func store(_ resources: [FlowModule], into desired: inout DesiredState) {
        desired.flowModules = resources.sortedByName()
    }
}
