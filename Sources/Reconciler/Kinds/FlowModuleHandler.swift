import ConnectAPI
import Model

struct FlowModuleHandler: KindHandler {
    let kind = ResourceKind.flowModule
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

    func find(_ name: String, reader: any ConnectReader, instanceId: String) async throws -> FoundResource? {
        let criteria = ContactFlowModuleSearchCriteria(StringCondition: StringCondition(FieldName: "name", Value: name, ComparisonType: .EXACT))
        for try await page in reader.pages(SearchRequest<ContactFlowModule>(instanceId: instanceId, criteria: criteria)) {
            if let m = page.items.first(where: { $0.Name == name }), let id = m.Id {
                return FoundResource(id: id, arn: m.Arn ?? "", tags: m.Tags ?? [:])
            }
        }
        return nil
    }

    func contentFile(_ m: Model.FlowModule) -> String? { m.content.resolvedPath }

    private func content(_ m: Model.FlowModule, id: CallValue) -> PlannedCall {
        PlannedCall(.updateContactFlowModuleContent, ["InstanceId": .instanceId, "ContactFlowModuleId": id,
                                                      "Content": .content(m.content.text)])
    }
}
