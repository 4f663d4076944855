import Foundation

/// Task templates: Create, Update, Get, List, Delete, tagged with TagResource / UntagResource
/// (CreateTaskTemplate has no `Tags` member in botocore's model). Facts, from the API reference
/// pages (CreateTaskTemplate, UpdateTaskTemplate, GetTaskTemplate, ListTaskTemplates) and the
/// botocore model:
/// - `Name` and `Fields` are required; names 1–100 characters, descriptions 1–255, field names
///   1–100, single-select options 1–100, default values 0–4096; `Type` is one of
///   `TaskTemplateFieldType`; `Status` is ACTIVE or INACTIVE.
/// - UpdateTaskTemplate "does not support partial updates. Instead it does a full update of template
///   content": every content member it does not send is cleared (a `Name` or `Status` not sent is
///   kept — the pages are silent on those two, and neither can be empty).
/// - `ClientToken` makes CreateTaskTemplate idempotent ("to ensure the idempotency of the request"):
///   a second create with the same token answers the first template.
/// - Invalid content is `PropertyValidationException` (the error the model lists for Create and
///   Update) with a `PropertyList` whose `Reason` is from `PropertyValidationExceptionReason`. Which
///   reason Connect gives for which problem the pages do not say; the emulator's choices: a name
///   already taken RESOURCE_NAME_ALREADY_EXISTS (the model lists no DuplicateResourceException for
///   these operations), a field named twice UNIQUE_CONSTRAINT_VIOLATED, a flow or a constraint /
///   default naming a field that is not there REFERENCED_RESOURCE_NOT_FOUND, a SINGLE_SELECT field
///   without options REQUIRED_PROPERTY_MISSING, options on another type NOT_SUPPORTED.
/// - The number per instance is a quota the stored pages do not give: `ServiceQuotaExceededException`
///   past `EmulatorQuotas.taskTemplatesPerInstance`.
/// - ListTaskTemplates: at most 100 a page (`MaxResult100`), filters `status` and `name`. The model
///   says its NextToken "is always returned as a null"; the emulator pages by 100 with a token all
///   the same (boto3 has a paginator for it).
/// - GetTaskTemplate's `snapshotVersion` (a version "associated with a task") is ignored: the
///   emulator keeps no tasks.
enum TaskTemplateKind {
    static let fieldTypes: Set<String> = ["NAME", "DESCRIPTION", "SCHEDULED_TIME", "QUICK_CONNECT", "URL", "NUMBER", "TEXT",
                                          "TEXT_AREA", "DATE_TIME", "BOOLEAN", "SINGLE_SELECT", "EMAIL", "SELF_ASSIGN", "EXPIRY_DURATION"]
    static let contentKeys = ["Description", "ContactFlowId", "SelfAssignFlowId", "Constraints", "Defaults", "Fields"]

    static let handler = KindHandler(
        kind: .taskTemplate, genericOperations: false, quota: { $0.taskTemplatesPerInstance },
        operations: [
            "CreateTaskTemplate": { s, c in try s.createTaskTemplate(c) },
            "UpdateTaskTemplate": { s, c in
                let r = try s.updateOp(.taskTemplate, c) { r in
                    if let name = c.string("Name") { try s.taskTemplateName(name, except: r.id); r.name = name }
                    if let status = c.string("Status") { r.attrs["Status"] = .string(try TaskTemplateKind.status(status)) }
                    for key in contentKeys { r.attrs[key] = nil }
                    r.attrs.merge(try s.taskTemplateContent(c)) { _, new in new }
                }
                var o = s.taskTemplateShape(r).objectValue ?? [:]
                o["Tags"] = nil
                return .object(o)
            },
            "GetTaskTemplate": { s, c in
                try s.checkInstance(c)
                return s.taskTemplateShape(try s.require(.taskTemplate, c.label("TaskTemplateId")))
            },
            "ListTaskTemplates": { s, c in
                try s.checkInstance(c)
                if let st = c.queryValue("status") { _ = try TaskTemplateKind.status(st) }
                let items = s.state.all(.taskTemplate).filter { r in
                    (c.queryValue("status").map { r.attrs["Status"]?.stringValue == $0 } ?? true)
                        && (c.queryValue("name").map { r.name == $0 } ?? true)
                }
                let scope = "\(c.queryValue("status") ?? "")|\(c.queryValue("name") ?? "")"
                return .object(try s.listPage(c, items, key: ConnectService.nameKey, render: { r in
                    .object(["Id": .string(r.id), "Arn": .string(r.arn), "Name": .string(r.name), "Description": r.attrs["Description"] ?? .null,
                             "Status": r.attrs["Status"] ?? "ACTIVE", "LastModifiedTime": .double(r.modified),
                             "CreatedTime": .double(r.created)].filter { !$0.value.isNull })
                }, member: "TaskTemplates", limit: 100, scope: scope))
            },
        ],
        references: { r in
            ["ContactFlowId", "SelfAssignFlowId"].compactMap { r.attrs[$0]?.stringValue.map { ResourceRef(kind: .contactFlow, id: $0) } }
        })

    static func status(_ s: String) throws -> String {
        guard s == "ACTIVE" || s == "INACTIVE" else { throw invalid("Status", .init("INVALID_FORMAT"), "Status must be ACTIVE or INACTIVE") }
        return s
    }

    struct Reason { let raw: String; init(_ raw: String) { self.raw = raw } }

    /// A PropertyValidationException about one property.
    static func invalid(_ path: String, _ reason: Reason, _ message: String) -> ConnectError {
        ConnectError(code: "PropertyValidationException", status: 400, message: message,
                     extra: ["PropertyList": .array([.object(["PropertyPath": .string(path), "Reason": .string(reason.raw),
                                                                    "Message": .string(message)])])])
    }

    static func text(_ value: JSONValue?, _ path: String, min: Int, max: Int) throws -> String? {
        guard let value, !value.isNull else { return nil }
        guard let s = value.stringValue, (min...max).contains(s.count) else {
            throw invalid(path, .init("INVALID_FORMAT"), "\(path) must be a string of \(min) to \(max) characters")
        }
        return s
    }
}

extension ConnectService {
    func taskTemplateName(_ name: String, except id: String? = nil) throws {
        guard (1...100).contains(name.count) else { throw TaskTemplateKind.invalid("Name", .init("INVALID_FORMAT"), "Name must be 1 to 100 characters") }
        if state.byName(.taskTemplate, name).contains(where: { $0.id != id }) {
            throw TaskTemplateKind.invalid("Name", .init("RESOURCE_NAME_ALREADY_EXISTS"), "A task template named \(name) already exists")
        }
    }

    func createTaskTemplate(_ c: ServiceCall) throws -> JSONValue {
        try checkInstance(c)
        let name = try c.requiredString("Name")
        if let token = c.string("ClientToken"),
           let existing = state.all(.taskTemplate).first(where: { $0.hidden["ClientToken"]?.stringValue == token }) {
            return createResponse(.taskTemplate, existing)
        }
        guard c.body["Fields"]?.arrayValue != nil else { throw ConnectError.invalidParameter("Fields is required") }
        try taskTemplateName(name)
        var attrs = try taskTemplateContent(c)
        attrs["Status"] = .string(try c.string("Status").map(TaskTemplateKind.status) ?? "ACTIVE")
        if state.count(.taskTemplate) >= configuration.quotas.taskTemplatesPerInstance {
            throw ConnectError(code: "ServiceQuotaExceededException", status: 402,
                               message: "The service quota has been exceeded: at most \(configuration.quotas.taskTemplatesPerInstance) task templates per instance.")
        }
        var hidden: [String: JSONValue] = [:]
        if let token = c.string("ClientToken") { hidden["ClientToken"] = .string(token) }
        let r = newResource(.taskTemplate, name: name, attrs: attrs, hidden: hidden)
        state.put(.taskTemplate, r)
        return createResponse(.taskTemplate, r)
    }

    /// The content members of a Create or Update, checked: description, flows, fields, constraints, defaults.
    func taskTemplateContent(_ c: ServiceCall) throws -> [String: JSONValue] {
        var attrs: [String: JSONValue] = [:]
        if let d = try TaskTemplateKind.text(c.body["Description"], "Description", min: 1, max: 255) { attrs["Description"] = .string(d) }
        for key in ["ContactFlowId", "SelfAssignFlowId"] {
            guard let id = c.string(key) else { continue }
            guard let flow = try? require(.contactFlow, id) else {
                throw TaskTemplateKind.invalid(key, .init("REFERENCED_RESOURCE_NOT_FOUND"), "Flow \(id) not found")
            }
            attrs[key] = .string(flow.id)
        }
        let fields = try taskTemplateFields(c.body["Fields"]?.arrayValue ?? [])
        if !fields.isEmpty || c.body["Fields"] != nil { attrs["Fields"] = .array(fields) }
        let names = Set(fields.compactMap { $0["Id"]?["Name"]?.stringValue })
        func named(_ list: JSONValue?, _ path: String) throws -> [JSONValue] {
            let items = list?.arrayValue ?? []
            for (n, item) in items.enumerated() {
                guard let name = item["Id"]?["Name"]?.stringValue, names.contains(name) else {
                    throw TaskTemplateKind.invalid("\(path)[\(n)]", .init("REFERENCED_RESOURCE_NOT_FOUND"), "\(path)[\(n)] names no field of the template")
                }
            }
            return items
        }
        if let constraints = c.body["Constraints"], !constraints.isNull {
            var o: [String: JSONValue] = [:]
            for key in ["RequiredFields", "ReadOnlyFields", "InvisibleFields"] {
                let items = try named(constraints[key], "Constraints.\(key)")
                if !items.isEmpty { o[key] = .array(items) }
            }
            attrs["Constraints"] = .object(o)
        }
        if let defaults = c.body["Defaults"], !defaults.isNull {
            let items = try named(defaults["DefaultFieldValues"], "Defaults.DefaultFieldValues")
            for (n, item) in items.enumerated() {
                _ = try TaskTemplateKind.text(item["DefaultValue"], "Defaults.DefaultFieldValues[\(n)].DefaultValue", min: 0, max: 4096)
            }
            attrs["Defaults"] = .object(items.isEmpty ? [:] : ["DefaultFieldValues": .array(items)])
        }
        return attrs
    }

    /// `Fields`: each with a unique `Id.Name`, a known `Type`, options exactly for SINGLE_SELECT.
    func taskTemplateFields(_ items: [JSONValue]) throws -> [JSONValue] {
        var seen: Set<String> = [], out: [JSONValue] = []
        for (n, item) in items.enumerated() {
            let path = "Fields[\(n)]"
            guard let name = try TaskTemplateKind.text(item["Id"]?["Name"], "\(path).Id.Name", min: 1, max: 100) else {
                throw TaskTemplateKind.invalid("\(path).Id.Name", .init("REQUIRED_PROPERTY_MISSING"), "\(path).Id.Name is required")
            }
            guard seen.insert(name).inserted else {
                throw TaskTemplateKind.invalid("\(path).Id.Name", .init("UNIQUE_CONSTRAINT_VIOLATED"), "Field \(name) appears twice")
            }
            guard let type = item["Type"]?.stringValue, TaskTemplateKind.fieldTypes.contains(type) else {
                throw TaskTemplateKind.invalid("\(path).Type", .init("INVALID_FORMAT"), "\(path).Type must be a TaskTemplateFieldType")
            }
            var field: [String: JSONValue] = ["Id": ["Name": .string(name)], "Type": .string(type)]
            if let d = try TaskTemplateKind.text(item["Description"], "\(path).Description", min: 1, max: 255) { field["Description"] = .string(d) }
            let options = item["SingleSelectOptions"]?.arrayValue ?? []
            for (m, option) in options.enumerated() { _ = try TaskTemplateKind.text(option, "\(path).SingleSelectOptions[\(m)]", min: 1, max: 100) }
            if type == "SINGLE_SELECT" && options.isEmpty {
                throw TaskTemplateKind.invalid("\(path).SingleSelectOptions", .init("REQUIRED_PROPERTY_MISSING"), "A SINGLE_SELECT field needs options")
            }
            if type != "SINGLE_SELECT" && !options.isEmpty {
                throw TaskTemplateKind.invalid("\(path).SingleSelectOptions", .init("NOT_SUPPORTED"), "Only SINGLE_SELECT fields take options")
            }
            if !options.isEmpty { field["SingleSelectOptions"] = .array(options) }
            out.append(.object(field))
        }
        return out
    }

    /// GetTaskTemplate's response: the template at the top level, with its tags.
    func taskTemplateShape(_ r: StoredResource) -> JSONValue {
        var o = r.attrs
        o["InstanceId"] = .string(state.instanceId)
        o["Id"] = .string(r.id)
        o["Arn"] = .string(r.arn)
        o["Name"] = .string(r.name)
        o["Tags"] = .object(r.tags.mapValues { .string($0) })
        o["LastModifiedTime"] = .double(r.modified)
        o["CreatedTime"] = .double(r.created)
        return .object(o)
    }
}
