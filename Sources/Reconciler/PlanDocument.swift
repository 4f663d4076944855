/// The plan as the JSON document of design.md §4 (`plan --format json`, `plan --out`).
///
/// Contract fields: formatVersion, stack, instance, stateFingerprint, changes (address,
/// kind, name, action, fields with path/before/after), summary (create, update, delete,
/// replace). Extensions: readCalls; per change id, previousName, calls, warnings; `kept`
/// (this stack's undeclared resources not deleted, only when there are some); summary rename
/// and adopt.
public enum PlanDocument {
    public static func json(_ plan: Plan) -> JSONValue {
        let summary = plan.summary
        return .object([
            ("formatVersion", .int(Plan.formatVersion)),
            ("stack", .string(plan.stack)),
            ("instance", .object([("id", .string(plan.instance.id)), ("region", .string(plan.instance.region))])),
            ("stateFingerprint", .string(plan.stateFingerprint)),
            ("readCalls", .int(plan.readCalls)),
            ("changes", .array(plan.changes.map(json))),
        ] + (plan.kept.isEmpty ? [] : [("kept", .array(plan.kept.map(JSONValue.string)))]) + [
            ("summary", .object([
                ("create", .int(summary.create)),
                ("update", .int(summary.update)),
                ("delete", .int(summary.delete)),
                ("replace", .int(summary.replace)),
                ("rename", .int(summary.rename)),
                ("adopt", .int(summary.adopt)),
            ])),
        ])
    }

    static func json(_ change: PlannedChange) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("address", .string(change.address)),
            ("kind", .string(change.kind)),
            ("name", .string(change.name)),
            ("action", .string(change.action.rawValue)),
        ]
        if let id = change.id { members.append(("id", .string(id))) }
        if let previous = change.previousName { members.append(("previousName", .string(previous))) }
        members.append(("fields", .array(change.fields.map { field in
            .object([
                ("path", .string(field.path)),
                ("before", field.before?.json ?? .null),
                ("after", field.after?.json ?? .null),
            ])
        })))
        members.append(("calls", .array(change.calls.map(JSONValue.string))))
        if !change.warnings.isEmpty { members.append(("warnings", .array(change.warnings.map(JSONValue.string)))) }
        return .object(members)
    }
}
