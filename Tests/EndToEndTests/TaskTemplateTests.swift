import Foundation
import PatchbayTestSupport
import Testing

/// Issue #11 item 5, task templates, end to end on the emulator: two templates apply into an
/// empty instance with exactly the planned calls (CreateTaskTemplate, then TagResource: the create
/// takes no tags), converge, a change made through boto3 (an independent client) is reported
/// (exit 2, the address and the field) and repaired with one UpdateTaskTemplate, a rename is one
/// UpdateTaskTemplate (renamedFrom), export writes
/// them back so that export → plan shows no changes, and prune deletes this stack's undeclared
/// template and leaves one nobody owns alone.
@Suite struct TaskTemplateTests {
    static let manifest = """
        stack: tasks
        taskTemplates:
          Callback Request:
            description: Customer asked for a call back
            flow: Default customer queue
            selfAssignFlow: Default agent transfer
            status: ACTIVE
            fields:
              Phone: { type: STRING, required: true }
              Notes: { type: TEXT_AREA, description: What the customer said }
              Reason: { type: SINGLE_SELECT, options: [Billing, Technical, Other], default: Other, readOnly: true }
              Source: { type: TEXT, invisible: true, default: web }
            tags: { team: care }
          Escalation:
            status: INACTIVE
            fields:
              Summary: { type: TEXT }

        """

    /// Every template as boto3's GetTaskTemplate shows it, one line each, sorted.
    static func templates(_ emu: TestEmulator) async throws -> [String] {
        try await SkillsRoutingTests.boto3(emu, """
            for page in c.get_paginator("list_task_templates").paginate(InstanceId=iid):
                for s in page["TaskTemplates"]:
                    t = c.get_task_template(InstanceId=iid, TaskTemplateId=s["Id"])
                    k = t.get("Constraints", {})
                    names = lambda key: ",".join(f["Id"]["Name"] for f in k.get(key, []))
                    defaults = ",".join(d["Id"]["Name"] + "=" + d["DefaultValue"] for d in t.get("Defaults", {}).get("DefaultFieldValues", []))
                    fields = ",".join(f["Id"]["Name"] + ":" + f["Type"] for f in t["Fields"])
                    print("|".join([t["Name"], t["Status"], "flow" if t.get("ContactFlowId") else "-", "self" if t.get("SelfAssignFlowId") else "-", fields,
                                    "req=" + names("RequiredFields"), "ro=" + names("ReadOnlyFields"),
                                    "inv=" + names("InvisibleFields"), "def=" + defaults,
                                    "stack=" + t.get("Tags", {}).get("patchbay:stack", "-")]))
            """).split(separator: "\n").map(String.init).sorted()
    }

    @Test func taskTemplatesApplyConvergeDriftRepairExportAndPrune() async throws {
        try await withEmulator { emu in
            let dir = try TempDir()
            let manifests = dir.url.appendingPathComponent("tasks")
            try FileManager.default.createDirectory(at: manifests, withIntermediateDirectories: true)
            let main = manifests.appendingPathComponent("patchbay.yaml")
            try Self.manifest.write(to: main, atomically: true, encoding: .utf8)

            let creates = try await PlanIsApplyTests().planThenApply(manifests, emu)
            #expect(creates == ["CreateTaskTemplate", "CreateTaskTemplate", "TagResource", "TagResource"])
            #expect(try await Self.templates(emu) == [
                "Callback Request|ACTIVE|flow|self|Phone:TEXT,Notes:TEXT_AREA,Reason:SINGLE_SELECT,Source:TEXT|req=Phone|ro=Reason|inv=Source|def=Reason=Other,Source=web|stack=tasks",
                "Escalation|INACTIVE|-|-|Summary:TEXT|req=|ro=|inv=|def=|stack=tasks",
            ])
            var mark = try emu.requests().count
            let clean = try await patchbay(["plan", manifests.path, "--detailed-exitcode"] + emu.connectionArguments)
            #expect(clean.exitCode == 0 && clean.stdout.contains("No changes"), "\(clean)")
            // The read's cost: one ListTaskTemplates page, one GetTaskTemplate per declared template
            // (the list shows no tags, so nothing can vouch for a template without its Get).
            let reads = try emu.requests(since: mark).map(\.operation).filter { $0.contains("TaskTemplate") }.sorted()
            #expect(reads == ["GetTaskTemplate", "GetTaskTemplate", "ListTaskTemplates"])

            // By hand, through boto3: Phone no longer required (a full update, the rest as it was).
            _ = try await SkillsRoutingTests.boto3(emu, """
                t = next(s for s in c.list_task_templates(InstanceId=iid)["TaskTemplates"] if s["Name"] == "Callback Request")
                full = c.get_task_template(InstanceId=iid, TaskTemplateId=t["Id"])
                k = full["Constraints"]
                k["RequiredFields"] = []
                c.update_task_template(InstanceId=iid, TaskTemplateId=t["Id"], Name=full["Name"], Description=full["Description"],
                                       ContactFlowId=full["ContactFlowId"], SelfAssignFlowId=full["SelfAssignFlowId"], Constraints=k, Defaults=full["Defaults"],
                                       Status=full["Status"], Fields=full["Fields"])
                """)
            let drift = try await patchbay(["plan", manifests.path, "--format", "json", "--detailed-exitcode"] + emu.connectionArguments)
            #expect(drift.exitCode == 2, "\(drift)")
            let doc = try PlanJSON.parse(drift.stdout)
            #expect(doc.changes.map(\.address) == ["taskTemplate.Callback Request"])
            #expect(doc.change("taskTemplate.Callback Request")?.paths == ["fields.Phone.required"])
            #expect(doc.change("taskTemplate.Callback Request")?.calls == ["UpdateTaskTemplate"])
            mark = try emu.requests().count
            let repair = try await patchbay(["apply", manifests.path, "--auto-approve"] + emu.connectionArguments)
            #expect(repair.exitCode == 0, "\(repair)")
            #expect(try emu.writes(since: mark) == ["UpdateTaskTemplate"])
            #expect(try await Self.templates(emu).first?.contains("|req=Phone|") == true)

            // A rename keeps the template (renamedFrom): one UpdateTaskTemplate with the new name.
            try edit(main, "  Escalation:\n", "  Escalated:\n    renamedFrom: Escalation\n")
            let renamed = try await PlanIsApplyTests().planThenApply(manifests, emu)
            #expect(renamed == ["UpdateTaskTemplate"])
            #expect(try await Self.templates(emu).last?.hasPrefix("Escalated|INACTIVE|") == true)
            try edit(main, "    renamedFrom: Escalation\n", "")

            // Export writes them back as the manifest spells them: export → plan shows no changes.
            let exported = dir.url.appendingPathComponent("exported")
            let export = try await patchbay(["export", "--out", exported.path, "--stack", "tasks", "--only", "taskTemplates"] + emu.connectionArguments)
            #expect(export.exitCode == 0, "\(export)")
            let text = try String(contentsOf: exported.appendingPathComponent("task-templates.yaml"), encoding: .utf8)
            #expect(text.contains("Callback Request") && text.contains("Billing") && !text.contains("false"), "\(text)")
            let roundTrip = try await patchbay(["plan", exported.path, "--detailed-exitcode"] + emu.connectionArguments)
            #expect(roundTrip.exitCode == 0, "\(roundTrip)\n\(text)")

            // A template nobody owns (made by boto3, untagged) and one this stack no longer declares:
            // a plain plan keeps both; --prune deletes only this stack's, with one call.
            _ = try await SkillsRoutingTests.boto3(emu, """
                c.create_task_template(InstanceId=iid, Name="Console Made", Fields=[{"Id": {"Name": "X"}, "Type": "TEXT"}])
                """)
            try edit(main, "  Escalated:\n    status: INACTIVE\n    fields:\n      Summary: { type: TEXT }\n", "")
            let kept = try await patchbay(["plan", manifests.path, "--detailed-exitcode"] + emu.connectionArguments)
            #expect(kept.exitCode == 0, "\(kept)")
            let pruned = try await PlanIsApplyTests().planThenApply(manifests, emu, prune: true)
            #expect(pruned == ["DeleteTaskTemplate"])
            #expect(try await Self.templates(emu).map { String($0.prefix { $0 != "|" }) } == ["Callback Request", "Console Made"])
            mark = try emu.requests().count
            let after = try await patchbay(["plan", manifests.path, "--prune", "--detailed-exitcode"] + emu.connectionArguments)
            #expect(after.exitCode == 0, "\(after)")
            #expect(try emu.writes(since: mark).isEmpty)
        }
    }
}
