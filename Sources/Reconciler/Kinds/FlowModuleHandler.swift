import ConnectAPI
import Model

struct FlowModuleHandler: SearchableKind {
    let readLabel = "flow modules"
    let kind = ResourceKind.flowModule
    /// Connect's default quota (connect-api.md §4, Admin Guide "Amazon Connect service quotas").
    let instanceQuota: InstanceQuota? = InstanceQuota(key: "flowModules", name: "flow modules per instance", defaultValue: 200, code: nil)
    let breaksCycles = true

    func declared(in desired: DesiredState) -> [Model.FlowModule] { desired.flowModules }

    func fields(of m: Model.FlowModule, content: FlowContentProjector) -> [String: FieldValue] {
        let form = content(m.content)
        return [
            "description": .string(m.description ?? ""),
            "status": .string(m.status.rawValue),
            "state": .string(m.state.rawValue),
            "content": .string(form.behaviour),
            "layout": .string(form.layout),
        ]
    }

    func problems(_ address: ResourceAddress, live: LiveResource, desired fields: [String: FieldValue]) -> [String] {
        FlowContentCalls.publishedToSaved(address, live: live, desired: fields)
    }

    func createCalls(_ m: Model.FlowModule, fields: [String: FieldValue], tags: [String: String], placeholder: Bool) -> [PlannedCall] {
        var calls = [PlannedCall(.createContactFlowModule, [
            "InstanceId": .instanceId, "Name": .string(m.name), "Description": CallShapes.nonEmpty(m.description),
            "Content": placeholder ? .string(FlowContentCalls.placeholder(for: nil)) : .content(m.content.text),
            "Tags": .map(tags), "ClientToken": .clientToken,
        ], creates: CallShapes.creates(m.address, "Id", "Arn"), note: placeholder ? "placeholder" : nil)]
        if m.state == .archived {
            calls.append(PlannedCall(.updateContactFlowModuleMetadata, ["InstanceId": .instanceId, "ContactFlowModuleId": .id(m.address),
                                                                        "State": "ARCHIVED"]))
        }
        return calls
    }

    func fillCalls(_ m: Model.FlowModule) -> [PlannedCall] { [content(m, id: .id(m.address))] }

    func updateCalls(_ m: Model.FlowModule, fields: [String: FieldValue], live: LiveResource, changed: Set<String>) -> [PlannedCall] {
        var calls: [PlannedCall] = []
        if !changed.isDisjoint(with: ["name", "description", "state"]) {
            calls.append(PlannedCall(.updateContactFlowModuleMetadata, [
                "InstanceId": .instanceId, "ContactFlowModuleId": .string(live.id),
                "Name": changed.contains("name") ? .string(m.name) : nil,
                "Description": changed.contains("description") ? .string(m.description ?? "") : nil,
                "State": changed.contains("state") ? .string(m.state.rawValue) : nil,
            ]))
        }
        if !changed.isDisjoint(with: ["content", "layout", "status"]) { calls.append(content(m, id: .string(live.id))) }
        return calls
    }

    func deleteCalls(_ live: LiveResource) -> [PlannedCall] {
        [CallShapes.delete(.deleteContactFlowModule, "ContactFlowModuleId", live)]
    }

    func translatingRenames(_ fields: [String: FieldValue], _ renames: Renames) -> [String: FieldValue] {
        FlowContentCalls.translatingRenames(fields, renames)
    }

    func liveReferences(_ live: LiveResource) -> [ResourceAddress] { FlowContentCalls.references(live) }

    func contentFile(_ m: Model.FlowModule) -> String? { m.content.resolvedPath }

    private func content(_ m: Model.FlowModule, id: CallValue) -> PlannedCall {
        PlannedCall(.updateContactFlowModuleContent, ["InstanceId": .instanceId, "ContactFlowModuleId": id,
                                                      "Content": .content(m.content.text)])
    }
}

extension FlowModuleHandler {
    func criteria(named name: String?) -> ContactFlowModule.SearchCriteria? {
        name.map { _ in ContactFlowModuleSearchCriteria(StringCondition: .exact("name", name)) }
    }

    func identity(of m: ContactFlowModule) -> LiveIdentity? {
        guard let id = m.Id, let name = m.Name else { return nil }
        return LiveIdentity(id: id, arn: m.Arn ?? "", address: ResourceAddress(.flowModule, name))
    }

    /// DescribeContactFlowModule only when Search left the content out.
    func details(_ m: ContactFlowModule, _ identity: LiveIdentity, _ context: DetailContext) -> DetailPlan {
        guard m.Content == nil else { return .none }
        let read = context.read, names = context.names, id = identity.id
        return .fetch {
            let module = try await read.one {
                try await read.reader.describe(ContactFlowModule.self, instanceId: read.instanceId, id: id)
            }
            return FlowContentCalls.contentFields(names.content(module.Content))
        }
    }

    func project(_ m: ContactFlowModule, _ identity: LiveIdentity, _ names: NameIndex) -> LiveProjected {
        var fields = FlowContentCalls.contentFields(names.content(m.Content))
        fields["description"] = .string(m.Description ?? "")
        fields["status"] = .string(m.Status?.rawValue ?? "PUBLISHED")
        fields["state"] = .string(m.State?.rawValue ?? "ACTIVE")
        return LiveProjected(fields: fields, tags: m.Tags ?? [:])
    }
}

extension FlowModuleHandler {
    /// The content as a pretty-printed JSON file under `flows/modules/`.
    func exported(_ live: LiveResource, _ export: ExportContext) -> ExportedResource? {
        export.external(live) ?? FlowContentCalls.exported(live, export, directory: "flows/modules")
    }
}
