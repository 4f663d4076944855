import Testing
@testable import PatchbayCLI
import Reconciler

/// A hand-built plan with every action, so the views are pinned independently of the planner.
private let samplePlan = Plan(
    stack: "acme-support",
    instance: .init(id: "11111111-2222-3333-4444-555555555555", region: "us-east-1"),
    stateFingerprint: "sha256:0123456789abcdef",
    changes: [
        PlannedChange(kind: "hours", name: "Business Hours", action: .create, fields: [
            FieldChange(path: "description", before: nil, after: "Weekday support"),
            FieldChange(path: "schedule", before: nil, after: .object(["monday": .list(["08:00-18:00"])])),
            FieldChange(path: "timeZone", before: nil, after: "America/New_York"),
        ], calls: ["CreateHoursOfOperation"]),
        PlannedChange(kind: "queue", name: "Support", action: .update, fields: [
            FieldChange(path: "maxContacts", before: 10, after: 50),
        ], calls: ["UpdateQueueMaxContacts"], id: "q-1"),
        PlannedChange(kind: "queue", name: "Sales", action: .rename, fields: [
            FieldChange(path: "name", before: "Helpdesk", after: "Sales"),
        ], calls: ["UpdateQueueName"], id: "q-2", previousName: "Helpdesk"),
        PlannedChange(kind: "routingProfile", name: "Tier 1", action: .adopt, fields: [
            FieldChange(path: #"queues["Support"].voice.priority"#, before: 2, after: 1),
            FieldChange(path: "tags[\"patchbay:stack\"]", before: nil, after: "acme-support"),
        ], calls: ["UpdateRoutingProfileQueues", "TagResource"], id: "rp-1"),
        PlannedChange(kind: "user", name: "jdoe2", action: .replace, fields: [
            FieldChange(path: "username", before: "jdoe", after: "jdoe2"),
            FieldChange(path: "password", before: nil, after: .sensitive),
        ], calls: ["DeleteUser", "CreateUser"], id: "u-1",
           warnings: ["changing a username replaces the user: its id, history and metrics are lost"]),
        PlannedChange(kind: "queue", name: "Old | Queue", action: .delete, fields: [
            FieldChange(path: "description", before: "to be removed", after: nil),
        ], calls: ["DeleteQueue"], id: "q-3"),
    ],
    readCalls: 14)

private let emptyPlan = Plan(stack: "acme-support",
                             instance: .init(id: "11111111-2222-3333-4444-555555555555", region: "us-east-1"),
                             stateFingerprint: "sha256:00", changes: [], readCalls: 1)

@Suite struct PlanViewTests {
    @Test func textView() throws {
        try Golden.check(TextPlanView().render(samplePlan), named: "sample-plan.txt")
        try Golden.check(TextPlanView().render(emptyPlan), named: "empty-plan.txt")
    }

    @Test func markdownView() throws {
        try Golden.check(MarkdownPlanView().render(samplePlan), named: "sample-plan.md")
    }

    @Test func jsonDocument() throws {
        try Golden.check(PlanDocument.json(samplePlan).rendered(), named: "sample-plan.json")
    }

    @Test func passwordsNeverRendered() {
        for output in [TextPlanView().render(samplePlan), MarkdownPlanView().render(samplePlan),
                       PlanDocument.json(samplePlan).rendered()] {
            #expect(output.contains("(sensitive)"))
        }
    }

    @Test func colourOnlyWhenEnabled() {
        #expect(!TextPlanView().render(samplePlan).contains("\u{1B}["))
        #expect(TextPlanView(style: TerminalStyle(enabled: true)).render(samplePlan).contains("\u{1B}[32m+"))
    }

    /// `patchbay show`: a plan document read back renders exactly as the plan did.
    @Test func planDocumentRoundTrip() throws {
        let document = PlanDocument.json(samplePlan).rendered()
        let decoded = try PlanDocumentDecoder.decode(document)
        #expect(PlanDocument.json(decoded).rendered() == document)
        // The document writes an absent and an unset value both as null: read back, an absent
        // `before` of a create is absent again, any other null is "unset" (rendered (none)).
        #expect(decoded.changes[0].fields[0].before == nil)
        #expect(decoded.changes[3].fields[1] == FieldChange(path: #"tags["patchbay:stack"]"#, before: .null, after: "acme-support"))
        #expect(decoded.changes[5].fields[0].after == nil)
        var unambiguous = samplePlan
        unambiguous.changes[3].fields[1].before = .null
        unambiguous.changes[4].fields[1].before = .null
        #expect(TextPlanView().render(decoded) == TextPlanView().render(unambiguous))
        #expect(MarkdownPlanView().render(decoded) == MarkdownPlanView().render(unambiguous))
        #expect(PlanDocumentDecoder.value(true) == .bool(true))
        #expect(PlanDocumentDecoder.value(1) == .int(1))
    }

    @Test func nestedValuesAreRows() {
        let rows = FieldRow.rows([
            FieldChange(path: "phone", before: nil, after: .object(["type": "SOFT_PHONE", "deskPhoneNumber": .null, "autoAccept": false])),
            FieldChange(path: "tags", before: .object(["team": "a", "same": "x"]), after: .object(["team": "b", "same": "x"])),
            FieldChange(path: "queues.Billing", before: .null, after: .object(["chat": .object(["delay": 15])])),
            FieldChange(path: "schedule", before: nil, after: .object([:])),
        ])
        #expect(rows == [
            FieldRow(path: "phone.autoAccept", before: nil, after: false),
            FieldRow(path: "phone.type", before: nil, after: "SOFT_PHONE"),
            FieldRow(path: #"tags["team"]"#, before: "a", after: "b"),
            FieldRow(path: "queues.Billing.chat.delay", before: .null, after: 15),
            FieldRow(path: "schedule", before: nil, after: .object([:])),
        ])
    }

    @Test func renderingIsDeterministic() {
        #expect(TextPlanView().render(samplePlan) == TextPlanView().render(samplePlan))
        #expect(PlanDocument.json(samplePlan).rendered() == PlanDocument.json(samplePlan).rendered())
    }
}
