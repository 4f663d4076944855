import Model
import Yams

/// `taskTemplates:` — task templates by name (design.md §3b). Each field carries its own
/// constraints (`required`, `readOnly`, `invisible`) and `default`: Connect keeps those as lists
/// of field names beside the fields (`Constraints`, `Defaults`), which the handler builds, so a
/// constraint naming a field the template lacks cannot be written.
struct TaskTemplateReader: ManifestKindReader {
    let kind = ResourceKind.taskTemplate
    let summary = "Task templates by name: the fields of a task, the flow it starts, ACTIVE or INACTIVE."

    /// botocore: `TaskTemplateDescription` / `TaskTemplateFieldDescription` 1–255,
    /// `TaskTemplateFieldName` and `TaskTemplateName` 1–100, `TaskTemplateSingleSelectOption` 1–100,
    /// `TaskTemplateFieldValue` 0–4096.
    static let description = FieldShape.string(minLength: 1, maxLength: 255)
    static let fieldName = FieldShape.string(minLength: 1, maxLength: 100)
    /// The manifest's spelling of a type: the API's `TaskTemplateFieldType`, plus `STRING`, the
    /// word design.md §3b's example uses, for Connect's single-line `TEXT`.
    static let typeNames = TaskTemplate.Field.FieldType.allCases.map(\.rawValue) + ["STRING"]

    static let field = ObjectSpec("taskTemplateField", "A field of a task template.", [
        FieldSpec("type", .enumeration(typeNames), required: true,
                  "The field's type (Connect's TaskTemplateFieldType; STRING is another name for TEXT)."),
        FieldSpec("description", description, "Free text (1–255 characters)."),
        FieldSpec("options", .list(fieldName, minItems: 1),
                  "The choices of a SINGLE_SELECT field (required for it, not allowed for other types), in order."),
        FieldSpec("required", .boolean, "Agents must fill it in (default false)."),
        FieldSpec("readOnly", .boolean, "Agents cannot edit it (default false)."),
        FieldSpec("invisible", .boolean, "Agents do not see it (default false)."),
        FieldSpec("default", .string(maxLength: 4096), "The value a task created from the template starts with."),
    ])

    let spec = ObjectSpec("taskTemplate", "A task template.", [
        FieldSpec("description", TaskTemplateReader.description, "Free text (1–255 characters)."),
        FieldSpec("flow", ManifestSchema.name, "The flow a task created from the template starts, by name."),
        FieldSpec("selfAssignFlow", ManifestSchema.name, "The flow a self-assigned task created from the template runs, by name."),
        FieldSpec("status", .enumeration(TaskTemplate.Status.allCases.map(\.rawValue)),
                  "ACTIVE (default) or INACTIVE: tasks can only be created from ACTIVE templates."),
        FieldSpec("fields", .map(.object(TaskTemplateReader.field)), "The template's fields by name, in the order agents see them."),
        ManifestSchema.tagsField, ManifestSchema.renamedFrom,
    ])

    func nameProblem(_ name: String) -> String? { lengthProblem(name, limit: 100) }

    func read(_ body: ResourceBody) -> TaskTemplate? {
        let description = body.limitedString("description")
        let status = body.enumeration("status", as: TaskTemplate.Status.self)
        let flow = body.reference("flow", to: .flow), selfAssignFlow = body.reference("selfAssignFlow", to: .flow)
        var fields: [TaskTemplate.Field] = []
        if let node = body["fields"] {
            guard let read = readFields(node, body) else { return nil }
            fields = read
        }
        if body["status"] != nil && status == nil { return nil }
        return TaskTemplate(name: body.name) {
            $0.description = description
            $0.flow = flow
            $0.selfAssignFlow = selfAssignFlow
            $0.status = status ?? .active
            $0.fields = fields
            $0.tags = body.tags
            $0.renamedFrom = body.renamedFrom
        }
    }

    /// `fields:` — name → field, in order; nil when any has errors.
    private func readFields(_ node: Node, _ body: ResourceBody) -> [TaskTemplate.Field]? {
        let context = body.context
        guard case .mapping(let mapping) = node else {
            if case .scalar(let s) = node, ReadContext.isNull(s) { return [] }
            context.error("\(body.what("fields")) must be a mapping from field name to its settings, found \(context.describe(node))",
                          at: node)
            return nil
        }
        var fields: [TaskTemplate.Field] = [], complete = true
        for (name, keyNode, value) in context.pairs(of: mapping, owner: body.what("fields")) {
            let owner = "field '\(name)' of \(body.owner)"
            if name.isEmpty || name.count > 100 {
                context.error("\(owner): a field name must be 1 to 100 characters long", at: keyNode)
                complete = false
            } else if let field = body.nested(value, spec: Self.field, owner: owner).flatMap({ readField($0, name: name, at: keyNode) }) {
                fields.append(field)
            } else {
                complete = false
            }
        }
        return complete ? fields : nil
    }

    private func readField(_ f: ResourceBody, name: String, at keyNode: Node) -> TaskTemplate.Field? {
        guard let typeNode = f["type"], let typeName = f.string("type") else { return nil }
        guard let type = TaskTemplate.Field.FieldType(rawValue: typeName == "STRING" ? "TEXT" : typeName) else {
            f.context.error("\(f.what("type")) must be one of \(Self.typeNames.joined(separator: ", ")), found '\(typeName)'"
                            + EditDistance.didYouMean(typeName, among: Self.typeNames), at: typeNode)
            return nil
        }
        var options: [String] = []
        if let node = f["options"] {
            guard type == .singleSelect else {
                f.context.error("\(f.what("options")) applies only to type SINGLE_SELECT, not \(type.rawValue)", at: f.entries["options"]?.key ?? node)
                return nil
            }
            guard let list = f.context.stringList(node, what: f.what("options"), shape: Self.fieldName) else { return nil }
            var seen: Set<String> = []
            for (option, optionNode) in list where !seen.insert(option).inserted {
                f.context.error("option '\(option)' is listed twice in \(f.owner)", at: optionNode)
                return nil
            }
            options = list.map(\.0)
        }
        if type == .singleSelect, options.isEmpty {
            f.context.error("\(f.owner) of type SINGLE_SELECT needs 'options' (at least one choice)", at: keyNode)
            return nil
        }
        let description = f.limitedString("description"), defaultValue = f.limitedString("default")
        let required = f.boolean("required"), readOnly = f.boolean("readOnly"), invisible = f.boolean("invisible")
        if type == .singleSelect, let defaultValue, !options.contains(defaultValue), let node = f["default"] {
            f.context.error("\(f.what("default")) is '\(defaultValue)', which is not one of its options", at: node)
            return nil
        }
        return TaskTemplate.Field(name: name, type: type) {
            $0.description = description
            $0.options = options
            $0.required = required ?? false
            $0.readOnly = readOnly ?? false
            $0.invisible = invisible ?? false
            $0.defaultValue = defaultValue
        }
    }

    func store(_ resources: [TaskTemplate], into desired: inout DesiredState) {
        desired.taskTemplates = resources.sortedByName()
    }
}
