import ConnectAPI
import Model

/// Predefined attributes (Create/Update/Delete/Search PredefinedAttribute). Connect gives them no
/// id, no ARN and no tags — the name is the identity — so, like the instance's integrations, they
/// belong to no stack: a plain apply creates and updates the declared ones, and only `--prune`
/// deletes an undeclared one (Connect refuses while an agent's proficiency uses it: "An attribute
/// can only be deleted if it not associated with any agent", admin guide). SearchPredefinedAttributes
/// returns the values, so the read is its pages only.
struct PredefinedAttributeHandler: SearchableKind {
    let kind = ResourceKind.predefinedAttribute
    let readLabel = "predefined attributes"
    var isOwned: Bool { false }
    var prunesUnowned: Bool { true }

    func declared(in desired: DesiredState) -> [Model.PredefinedAttribute] { desired.predefinedAttributes }

    /// The values as a set.
    func fields(of a: Model.PredefinedAttribute, content: FlowContentProjector) -> [String: FieldValue] {
        ["values": Self.values(a.values)]
    }

    static func values(_ values: [String]) -> FieldValue { .unorderedSet(Set(values).sorted().map(FieldValue.string)) }

    static func valuesInput(_ values: [String]) -> CallValue { ["StringList": .list(values.sorted().map(CallValue.string))] }

    func createCalls(_ a: Model.PredefinedAttribute, fields: [String: FieldValue], tags: [String: String], placeholder: Bool) -> [PlannedCall] {
        [PlannedCall(.createPredefinedAttribute, ["InstanceId": .instanceId, "Name": .string(a.name), "Values": Self.valuesInput(a.values)])]
    }

    /// UpdatePredefinedAttribute replaces the whole value list (its one member that can change here).
    func updateCalls(_ a: Model.PredefinedAttribute, fields: [String: FieldValue], live: LiveResource, changed: Set<String>) -> [PlannedCall] {
        guard changed.contains("values") else { return [] }
        return [PlannedCall(.updatePredefinedAttribute, ["InstanceId": .instanceId, "Name": .string(a.name), "Values": Self.valuesInput(a.values)])]
    }

    func deleteCalls(_ live: LiveResource) -> [PlannedCall] {
        [PlannedCall(.deletePredefinedAttribute, ["InstanceId": .instanceId, "Name": .string(live.id)], deletes: live.address)]
    }

    /// Written back as the manifest spells it: `Language: [English, Spanish]`.
    func exported(_ live: LiveResource, _ export: ExportContext) -> ExportedResource? {
        let values: [FieldValue]
        if case let .unorderedSet(items)? = live.fields["values"] { values = items } else { values = [] }
        return ExportedResource(address: live.address, path: [live.address.name], body: .list(values))
    }
}

extension PredefinedAttributeHandler {
    func criteria(named name: String?) -> StringSearchCriteria? {
        name.map { _ in StringSearchCriteria(StringCondition: .exact("name", name)) }
    }

    /// The id is the name (the operations' `{Name}` path member).
    func identity(of a: ConnectAPI.PredefinedAttribute) -> LiveIdentity? {
        guard let name = a.Name else { return nil }
        return LiveIdentity(id: name, arn: "", address: ResourceAddress(.predefinedAttribute, name))
    }

    func project(_ a: ConnectAPI.PredefinedAttribute, _ identity: LiveIdentity, _ names: NameIndex) -> LiveProjected {
        LiveProjected(fields: ["values": Self.values(a.Values?.StringList ?? [])], tags: [:])
    }
}
