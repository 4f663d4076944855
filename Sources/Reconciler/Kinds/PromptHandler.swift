import ConnectAPI
import Model

/// Prompts. Read (one Search) so that `external: true` prompts and `${prompt:NAME}` references
/// in flow content resolve, and this stack's prompts can be pruned. The manifest cannot declare
/// managed prompts yet (issue: audio upload), so `declared(in:)` has none.
struct PromptHandler: SearchableKind {
    let kind = ResourceKind.prompt
    /// Connect's default quota (connect-api.md §4, Admin Guide "Amazon Connect service quotas").
    let instanceQuota: InstanceQuota? = InstanceQuota(key: "prompts", name: "prompts per instance", defaultValue: 500, code: "L-0865B754")
    let readLabel = "prompts"

    func declared(in desired: DesiredState) -> [Model.Prompt] { [] }

    /// The audio is not readable back (only its S3 import is), so only the description is compared.
    func fields(of p: Model.Prompt, content: FlowContentProjector) -> [String: FieldValue] {
        ["description": .string(p.description ?? "")]
    }

    func createCalls(_ p: Model.Prompt, fields: [String: FieldValue], tags: [String: String], placeholder: Bool) -> [PlannedCall] {
        [PlannedCall(.createPrompt, [
            "InstanceId": .instanceId, "Name": .string(p.name), "Description": CallShapes.nonEmpty(p.description),
            "S3Uri": .string(p.s3Uri), "Tags": .map(tags),
        ], creates: CallShapes.creates(p.address, "PromptId", "PromptARN"))]
    }

    func updateCalls(_ p: Model.Prompt, fields: [String: FieldValue], live: LiveResource, changed: Set<String>) -> [PlannedCall] {
        guard !changed.isDisjoint(with: ["name", "description"]) else { return [] }
        return [PlannedCall(.updatePrompt, ["InstanceId": .instanceId, "PromptId": .string(live.id), "Name": .string(p.name),
                                            "Description": .string(p.description ?? "")])]
    }

    func deleteCalls(_ live: LiveResource) -> [PlannedCall] { [CallShapes.delete(.deletePrompt, "PromptId", live)] }
}

extension PromptHandler {
    func criteria(named name: String?) -> ConnectAPI.Prompt.SearchCriteria? {
        name.map { _ in StringSearchCriteria(StringCondition: .exact("name", name)) }
    }

    func identity(of p: ConnectAPI.Prompt) -> LiveIdentity? {
        guard let id = p.PromptId, let name = p.Name else { return nil }
        return LiveIdentity(id: id, arn: p.PromptARN ?? "", address: ResourceAddress(.prompt, name))
    }

    func project(_ p: ConnectAPI.Prompt, _ identity: LiveIdentity, _ names: NameIndex) -> LiveProjected {
        LiveProjected(fields: ["description": .string(p.Description ?? "")], tags: p.Tags ?? [:])
    }
}

extension PromptHandler {
    /// Always `external: true`: the manifest cannot declare managed prompts yet.
    func exported(_ live: LiveResource, _ export: ExportContext) -> ExportedResource? {
        ExportContext.externalDeclaration(live)
    }
}
