import ConnectAPI
import Model

/// Task templates. Read with ListTaskTemplates (id, name, description, status: no fields, flow or
/// tags) when the manifests declare one, prune or export (nothing else refers to them), then GetTaskTemplate for every template the plan needs (declared ones; with `--prune`,
/// all of them, since only Get shows the owner tag). The verified read cannot skip the Get the way
/// it does for users: a fingerprint lives in a tag, and the list shows none. CreateTaskTemplate
/// takes no `Tags` (botocore's model), so a create is followed by TagResource; UpdateTaskTemplate
/// "does not support partial updates" (API reference), so every update sends the whole template.
///
/// Field vocabulary: `description`, `flow` and `selfAssignFlow` (by name), `status`, and `fields` as an object of field
/// name → `{type, description, options, required, readOnly, invisible, default}` — Connect's
/// Constraints and Defaults folded into each field, as the manifest writes them. The fields are
/// sent in declaration order; their order is not compared.
struct TaskTemplateHandler: KindHandler {
    let kind = ResourceKind.taskTemplate
    var searchHasTags: Bool { false }
    var readsOnlyWhenDeclared: Bool { true }

    func declared(in desired: DesiredState) -> [Model.TaskTemplate] { desired.taskTemplates }

    func fields(of t: Model.TaskTemplate, content: FlowContentProjector) -> [String: FieldValue] {
        var fields: [String: FieldValue] = [:]
        for f in t.fields {
            fields[f.name] = Self.field(type: f.type.rawValue, description: f.description, options: f.options, required: f.required,
                                        readOnly: f.readOnly, invisible: f.invisible, defaultValue: f.defaultValue)
        }
        return ["description": .string(t.description ?? ""), "flow": .optional(t.flow), "selfAssignFlow": .optional(t.selfAssignFlow),
                "status": .string(t.status.rawValue), "fields": .object(fields)]
    }

    static func field(type: String, description: String?, options: [String], required: Bool, readOnly: Bool, invisible: Bool,
                      defaultValue: String?) -> FieldValue {
        // Absent description and options are null (not "" and []), so a create lists only what is set.
        .object(["type": .string(type), "description": .optional(description.flatMap { $0.isEmpty ? nil : $0 }),
                 "options": options.isEmpty ? .null : .list(options.map(FieldValue.string)),
                 "required": .bool(required), "readOnly": .bool(readOnly), "invisible": .bool(invisible),
                 "default": .optional(defaultValue)])
    }

    func createCalls(_ t: Model.TaskTemplate, fields: [String: FieldValue], tags: [String: String], placeholder: Bool) -> [PlannedCall] {
        var input = Self.content(t)
        input["ClientToken"] = .clientToken
        var calls = [PlannedCall(.createTaskTemplate, input, creates: CallShapes.creates(t.address, "Id", "Arn"))]
        if !tags.isEmpty {
            calls.append(PlannedCall(.tagResource, ["resourceArn": .arn(t.address), "tags": .map(tags)]))
        }
        return calls
    }

    /// One UpdateTaskTemplate with the whole template, whatever changed.
    func updateCalls(_ t: Model.TaskTemplate, fields: [String: FieldValue], live: LiveResource, changed: Set<String>) -> [PlannedCall] {
        guard !changed.isDisjoint(with: ["name", "description", "flow", "selfAssignFlow", "status", "fields"]) else { return [] }
        var input = Self.content(t)
        input["TaskTemplateId"] = .string(live.id)
        return [PlannedCall(.updateTaskTemplate, input)]
    }

    func deleteCalls(_ live: LiveResource) -> [PlannedCall] {
        [CallShapes.delete(.deleteTaskTemplate, "TaskTemplateId", live)]
    }

    func liveReferences(_ live: LiveResource) -> [ResourceAddress] {
        CallShapes.reference(live.fields, "flow", .flow) + CallShapes.reference(live.fields, "selfAssignFlow", .flow)
    }

    func translatingRenames(_ fields: [String: FieldValue], _ renames: Renames) -> [String: FieldValue] {
        renames.renaming(renames.renaming(fields, "flow", .flow), "selfAssignFlow", .flow)
    }

    /// The template's members as Create and Update take them: Fields in order, and the
    /// constraints and defaults as Connect's lists of field names.
    static func content(_ t: Model.TaskTemplate) -> [String: CallValue?] {
        func named(_ keep: (Model.TaskTemplate.Field) -> Bool) -> CallValue {
            .list(t.fields.filter(keep).map { ["Id": ["Name": .string($0.name)]] })
        }
        let fields: [CallValue] = t.fields.map { f in
            var field: [String: CallValue] = ["Id": ["Name": .string(f.name)], "Type": .string(f.type.rawValue)]
            field["Description"] = CallShapes.nonEmpty(f.description)
            if !f.options.isEmpty { field["SingleSelectOptions"] = .list(f.options.map(CallValue.string)) }
            return .object(field)
        }
        let defaults: [CallValue] = t.fields.compactMap { f in
            f.defaultValue.map { ["Id": ["Name": .string(f.name)], "DefaultValue": .string($0)] }
        }
        return [
            "InstanceId": .instanceId, "Name": .string(t.name), "Description": CallShapes.nonEmpty(t.description),
            "ContactFlowId": t.flow.map { .id(ResourceAddress(.flow, $0)) },
            "SelfAssignFlowId": t.selfAssignFlow.map { .id(ResourceAddress(.flow, $0)) }, "Status": .string(t.status.rawValue),
            "Fields": .list(fields),
            "Constraints": ["RequiredFields": named(\.required), "ReadOnlyFields": named(\.readOnly), "InvisibleFields": named(\.invisible)],
            "Defaults": ["DefaultFieldValues": .list(defaults)],
        ]
    }
}

extension TaskTemplateHandler {
    func search(_ context: LiveReadContext) async throws -> [TaskTemplateMetadata] {
        try await context.all("task templates", context.reader.pages(ListRequest<Listings.TaskTemplates>(instanceId: context.instanceId)))
    }

    func identity(of t: TaskTemplateMetadata) -> LiveIdentity? {
        guard let id = t.Id, let name = t.Name else { return nil }
        return LiveIdentity(id: id, arn: t.Arn ?? "", address: ResourceAddress(.taskTemplate, name))
    }

    func project(_ t: TaskTemplateMetadata, _ identity: LiveIdentity, _ names: NameIndex) -> LiveProjected {
        LiveProjected(fields: ["description": .string(t.Description ?? ""), "status": .string(t.Status ?? "ACTIVE")], tags: [:])
    }

    /// GetTaskTemplate: the flow, the fields with their constraints and defaults, and the tags.
    func details(_ t: TaskTemplateMetadata, _ identity: LiveIdentity, _ context: DetailContext) -> DetailPlan {
        let read = context.read, names = context.names, id = identity.id
        return .fetch {
            let full = try await read.one { try await read.reader.send(GetTaskTemplateRequest(instanceId: read.instanceId, id: id)) }
            return Self.projected(full, names)
        }
    }

    static func projected(_ t: ConnectAPI.TaskTemplate, _ names: NameIndex) -> [String: FieldValue] {
        func set(_ list: [TaskTemplateFieldReference]?) -> Set<String> { Set((list ?? []).compactMap { $0.Id?.Name }) }
        let required = set(t.Constraints?.RequiredFields), readOnly = set(t.Constraints?.ReadOnlyFields)
        let invisible = set(t.Constraints?.InvisibleFields)
        var defaults: [String: String] = [:]
        for d in t.Defaults?.DefaultFieldValues ?? [] { if let name = d.Id?.Name { defaults[name] = d.DefaultValue ?? "" } }
        var fields: [String: FieldValue] = [:]
        for f in t.Fields ?? [] {
            guard let name = f.Id?.Name else { continue }
            fields[name] = field(type: f.Type ?? "", description: f.Description, options: f.SingleSelectOptions ?? [],
                                 required: required.contains(name), readOnly: readOnly.contains(name),
                                 invisible: invisible.contains(name), defaultValue: defaults[name])
        }
        func flow(_ id: String?) -> FieldValue {
            if let arn = id, arn.hasPrefix("arn:"), let address = names.arns[arn] { return .string(address.name) }
            return names.name(.flow, id)
        }
        return ["description": .string(t.Description ?? ""), "flow": flow(t.ContactFlowId), "selfAssignFlow": flow(t.SelfAssignFlowId),
                "status": .string(t.Status ?? "ACTIVE"),
                "fields": .object(fields), LiveResource.tagsField: .object((t.Tags ?? [:]).mapValues(FieldValue.string))]
    }

    /// After a failed create: the template of that name (ListTaskTemplates' `name` filter), with its tags from Get.
    func find(_ name: String, reader: any ConnectReader, instanceId: String) async throws -> FoundResource? {
        for try await page in reader.pages(ListRequest<Listings.TaskTemplates>(instanceId: instanceId)) {
            guard let t = page.items.first(where: { $0.Name == name }), let id = t.Id else { continue }
            let full = try await reader.send(GetTaskTemplateRequest(instanceId: instanceId, id: id))
            return FoundResource(id: id, arn: t.Arn ?? full.Arn ?? "", tags: full.Tags ?? [:])
        }
        return nil
    }

    /// As the manifest writes it: false flags, empty options and ACTIVE left out.
    func exported(_ live: LiveResource, _ export: ExportContext) -> ExportedResource? {
        if let external = export.external(live) { return external }
        var body = live.fields
        if body["status"] == .string("ACTIVE") { body["status"] = nil }
        if case let .object(fields)? = body["fields"] {
            body["fields"] = .object(fields.mapValues { value in
                guard case let .object(field) = value else { return value }
                return .object(field.filter { $0.value != .bool(false) })
            })
        }
        return .named(live, body)
    }
}
