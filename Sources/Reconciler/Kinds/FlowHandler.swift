import ConnectAPI
import Foundation
import Model

struct FlowHandler: SearchableKind {
    let readLabel = "flows"
    let kind = ResourceKind.flow
    /// Connect's default quota (connect-api.md §4, Admin Guide "Amazon Connect service quotas").
    let instanceQuota: InstanceQuota? = InstanceQuota(key: "flows", name: "flows per instance", defaultValue: 100, code: "L-22922690")
    let breaksCycles = true

    func declared(in desired: DesiredState) -> [Model.Flow] { desired.flows }

    func fields(of f: Model.Flow, content: FlowContentProjector) -> [String: FieldValue] {
        let form = content(f.content)
        return [
            "type": .string(f.type.rawValue),
            "description": .string(f.description ?? ""),
            "status": .string(f.status.rawValue),
            "state": .string(f.state.rawValue),
            "content": .string(form.behaviour),
            "layout": .string(form.layout),
        ]
    }

    func replaceReason(_ address: ResourceAddress, changed: Set<String>, renamedFrom: String?, live: LiveResource) -> String? {
        changed.contains("type") ? "a flow's type cannot change in place: the flow is deleted and created again with a new id" : nil
    }

    func problems(_ address: ResourceAddress, live: LiveResource, desired fields: [String: FieldValue]) -> [String] {
        FlowContentCalls.publishedToSaved(address, live: live, desired: fields)
    }

    func createCalls(_ f: Model.Flow, fields: [String: FieldValue], tags: [String: String], placeholder: Bool) -> [PlannedCall] {
        var calls = [PlannedCall(.createContactFlow, [
            "InstanceId": .instanceId, "Name": .string(f.name), "Type": .string(f.type.rawValue),
            "Description": CallShapes.nonEmpty(f.description),
            "Content": placeholder ? .string(FlowContentCalls.placeholder(for: f.type)) : .content(f.content.text),
            "Status": .string(f.status.rawValue), "Tags": .map(tags),
        ], creates: CallShapes.creates(f.address, "ContactFlowId", "ContactFlowArn"), note: placeholder ? "placeholder" : nil)]
        if f.state == .archived {
            calls.append(PlannedCall(.updateContactFlowMetadata, ["InstanceId": .instanceId, "ContactFlowId": .id(f.address),
                                                                  "ContactFlowState": "ARCHIVED"]))
        }
        return calls
    }

    func fillCalls(_ f: Model.Flow) -> [PlannedCall] { [content(f, id: .id(f.address))] }

    func updateCalls(_ f: Model.Flow, fields: [String: FieldValue], live: LiveResource, changed: Set<String>) -> [PlannedCall] {
        var calls: [PlannedCall] = []
        if changed.contains("state") {
            calls.append(PlannedCall(.updateContactFlowMetadata, [
                "InstanceId": .instanceId, "ContactFlowId": .string(live.id),
                "Name": changed.contains("name") ? .string(f.name) : nil,
                "Description": changed.contains("description") ? .string(f.description ?? "") : nil,
                "ContactFlowState": .string(f.state.rawValue),
            ]))
        } else if !changed.isDisjoint(with: ["name", "description"]) {
            calls.append(PlannedCall(.updateContactFlowName, ["InstanceId": .instanceId, "ContactFlowId": .string(live.id),
                                                              "Name": .string(f.name), "Description": .string(f.description ?? "")]))
        }
        if !changed.isDisjoint(with: ["content", "layout", "status"]) {
            calls.append(content(f, id: f.status == .saved ? .string(live.id + ":$SAVED") : .string(live.id)))
        }
        return calls
    }

    func deleteCalls(_ live: LiveResource) -> [PlannedCall] { [CallShapes.delete(.deleteContactFlow, "ContactFlowId", live)] }

    func translatingRenames(_ fields: [String: FieldValue], _ renames: Renames) -> [String: FieldValue] {
        FlowContentCalls.translatingRenames(fields, renames)
    }

    func liveReferences(_ live: LiveResource) -> [ResourceAddress] { FlowContentCalls.references(live) }

    func contentFile(_ f: Model.Flow) -> String? { f.content.resolvedPath }

    /// Saved (unpublished) content is addressed as `id:$SAVED`.
    private func content(_ f: Model.Flow, id: CallValue) -> PlannedCall {
        let target: CallValue
        if f.status == .saved, case let .id(address) = id { target = .qualifiedId(address, qualifier: ":$SAVED") } else { target = id }
        return PlannedCall(.updateContactFlowContent, ["InstanceId": .instanceId, "ContactFlowId": target,
                                                       "Content": .content(f.content.text)])
    }
}

/// What flows and flow modules share: placeholder content, published → saved, renames in content.
enum FlowContentCalls {
    static func placeholder(for type: FlowType?) -> String {
        let action: String
        switch type {
        case .contactFlow?, .campaign?: action = "DisconnectParticipant"
        default: action = "EndFlowExecution"
        }
        return #"{"Version":"2019-10-30","StartAction":"patchbay-placeholder","Metadata":{},"Actions":[{"Identifier":"patchbay-placeholder","Type":"\#(action)","Parameters":{},"Transitions":{}}]}"#
    }

    static func publishedToSaved(_ address: ResourceAddress, live: LiveResource, desired: [String: FieldValue]) -> [String] {
        guard live.fields["status"] == "PUBLISHED", desired["status"] == "SAVED" else { return [] }
        let kind = address.kind
        return ["\(kind.displayName) '\(address.name)' is published; Connect cannot turn a published \(kind.displayName) back into a saved draft (status: SAVED)"]
    }

    /// The `${kind:NAME}` references in live content (only as complete as the content that was read).
    static func references(_ live: LiveResource) -> [ResourceAddress] {
        guard case let .string(text)? = live.fields["content"] else { return [] }
        return FlowContentCanonicalizer.references(in: text)
    }

    static func translatingRenames(_ fields: [String: FieldValue], _ renames: Renames) -> [String: FieldValue] {
        var fields = fields
        for key in ["content", "layout"] {
            guard case var .string(text)? = fields[key], text.contains("${") else { continue }
            for (old, new) in renames.byOldAddress {
                let prefix = old.kind.contentReferencePrefix
                text = text.replacingOccurrences(of: "${\(prefix):\(old.name)}", with: "${\(prefix):\(new)}")
            }
            fields[key] = .string(text)
        }
        return fields
    }
}

extension FlowHandler {
    func criteria(named name: String?) -> ContactFlow.SearchCriteria? {
        name.map { _ in ContactFlowSearchCriteria(StringCondition: .exact("name", name)) }
    }

    func identity(of f: ContactFlow) -> LiveIdentity? {
        guard let id = f.Id, let name = f.Name else { return nil }
        return LiveIdentity(id: id, arn: f.Arn ?? "", address: ResourceAddress(.flow, name))
    }

    /// DescribeContactFlow only when Search left the content out.
    func details(_ f: ContactFlow, _ identity: LiveIdentity, _ context: DetailContext) -> DetailPlan {
        guard f.Content == nil else { return .none }
        let read = context.read, names = context.names, id = identity.id
        return .fetch {
            let flow = try await read.one { try await read.reader.describe(ContactFlow.self, instanceId: read.instanceId, id: id) }
            return FlowContentCalls.contentFields(names.content(flow.Content))
        }
    }

    func project(_ f: ContactFlow, _ identity: LiveIdentity, _ names: NameIndex) -> LiveProjected {
        var fields = FlowContentCalls.contentFields(names.content(f.Content))
        fields["type"] = .string(f.Type?.rawValue ?? "")
        fields["description"] = .string(f.Description ?? "")
        fields["status"] = .string(f.Status?.rawValue ?? "PUBLISHED")
        fields["state"] = .string(f.State?.rawValue ?? "ACTIVE")
        return LiveProjected(fields: fields, tags: f.Tags ?? [:], isDefault: ConnectDefaults.flowType(named: identity.address.name) != nil)
    }
}

extension FlowContentCalls {
    static func contentFields(_ form: FlowContentForm) -> [String: FieldValue] {
        ["content": .string(form.behaviour), "layout": .string(form.layout)]
    }
}

extension FlowHandler {
    /// The content as a pretty-printed JSON file under `flows/`, references by name.
    func exported(_ live: LiveResource, _ export: ExportContext) -> ExportedResource? {
        export.external(live) ?? FlowContentCalls.exported(live, export, directory: "flows")
    }
}

extension FlowContentCalls {
    /// A flow or module with its content in `directory` (`content:` names the file); the
    /// defaults `status: PUBLISHED` and `state: ACTIVE` left out.
    static func exported(_ live: LiveResource, _ export: ExportContext, directory: String) -> ExportedResource {
        let path = export.claimPath(directory: directory, name: live.address.name, extension: "json")
        var fields = ExportBody.dropping(["status": "PUBLISHED", "state": "ACTIVE"], from: live.fields)
        fields["layout"] = nil
        fields["content"] = .string(path)
        return .named(live, fields, files: [ExportedFile(path: path, text: exportedContent(live.fields))])
    }

    /// The content read (behaviour and layout, ARNs already `${kind:NAME}`) as one pretty-printed
    /// JSON document, keys sorted: the same text for the same flow on every instance.
    static func exportedContent(_ fields: [String: FieldValue]) -> String {
        guard case let .string(behaviour)? = fields["content"] else { return "" }
        guard case let .object(members)? = JSONValue.parse(behaviour) else { return behaviour + "\n" }
        var all = members
        if case let .string(layout)? = fields["layout"], !layout.isEmpty, let metadata = JSONValue.parse(layout) {
            all.append(("Metadata", metadata))
        }
        return JSONValue.object(all.sorted { $0.0 < $1.0 }).rendered()
    }
}

extension JSONValue {
    /// `text` parsed, object keys sorted (nil: not JSON).
    static func parse(_ text: String) -> JSONValue? {
        try? JSONDecoder().decode(SortedJSON.self, from: Data(text.utf8)).value
    }
}

/// Any JSON value, decoded with object keys sorted and booleans, integers and other numbers kept apart.
private struct SortedJSON: Decodable {
    let value: JSONValue

    init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() {
            value = .null
        } else if let b = try? c.decode(Bool.self) {
            value = .bool(b)
        } else if let i = try? c.decode(Int.self) {
            value = .int(i)
        } else if let d = try? c.decode(Double.self) {
            value = .number(d.description)
        } else if let s = try? c.decode(String.self) {
            value = .string(s)
        } else if let a = try? c.decode([SortedJSON].self) {
            value = .array(a.map(\.value))
        } else {
            value = .object(try c.decode([String: SortedJSON].self).map { ($0.key, $0.value.value) }.sorted { $0.0 < $1.0 })
        }
    }
}
