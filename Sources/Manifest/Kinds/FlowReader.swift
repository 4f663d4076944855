import Model

/// `flows:` — contact flows by name.
struct FlowReader: ManifestKindReader {
    let kind = ResourceKind.flow
    let summary = "Contact flows by name."

    /// The keys flows and flow modules share: content file, status and state.
    static let contentFields = [
        FieldSpec("content", .string(minLength: 1), required: true, "Flow language JSON file, relative to this manifest."),
        FieldSpec("status", .enumeration(FlowStatus.allCases.map(\.rawValue)), "PUBLISHED (default) or SAVED."),
        FieldSpec("state", .enumeration(FlowState.allCases.map(\.rawValue)), "ACTIVE (default) or ARCHIVED."),
        ManifestSchema.tagsField, ManifestSchema.renamedFrom,
    ]
    let spec = ObjectSpec("flow", "A contact flow.", [
        FieldSpec("type", .enumeration(FlowType.allCases.map(\.rawValue)), required: true, "Connect's flow type."),
        ManifestSchema.descriptionField,
    ] + FlowReader.contentFields)

    func read(_ body: ResourceBody) -> Flow? {
        let type = body.enumeration("type", as: FlowType.self)
        if let type { body.assembler.flowTypes[body.name] = type }
        let status = body.enumeration("status", as: FlowStatus.self)
        let state = body.enumeration("state", as: FlowState.self)
        let description = body.limitedString("description")
        let content = body.flowContent(flowType: type, published: (status ?? .published) == .published)
        guard let type, let content else { return nil }
        return Flow(name: body.name, type: type, content: content) {
            $0.description = description
            $0.status = status ?? .published
            $0.state = state ?? .active
            $0.tags = body.tags
            $0.renamedFrom = body.renamedFrom
        }
    }

    func store(_ resources: [Flow], into desired: inout DesiredState) {
        desired.flows = resources.sortedByName()
    }
}

extension ResourceBody {
    /// The Flow-language file named by `content`, relative to the manifest being read, checked
    /// against the catalogue for `flowType` (nil: a module); problems are errors when `published`.
    func flowContent(flowType: FlowType? = nil, published: Bool = true) -> FlowContent? {
        guard let node = self["content"], let path = string("content") else { return nil }
        return FlowContentLoader.load(contentNode: node, relativePath: path, manifestPath: assembler.currentManifestPath,
                                      owner: owner, context: context, references: &assembler.references,
                                      flowType: flowType?.rawValue, published: published)
    }
}
