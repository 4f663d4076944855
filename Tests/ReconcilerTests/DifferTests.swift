import Testing
@testable import Reconciler

@Suite struct DifferTests {
    @Test func equalSnapshotsHaveNoChanges() {
        let a: [String: FieldValue] = ["description": "x", "maxContacts": 5, "tags": .object(["a": "1"])]
        #expect(Differ.diff(before: a, after: a).isEmpty)
    }

    @Test func setsCompareWithoutOrder() {
        let a: [String: FieldValue] = ["securityProfiles": .strings(["Agent", "Admin"])]
        let b: [String: FieldValue] = ["securityProfiles": .strings(["Admin", "Agent", "Admin"])]
        #expect(Differ.diff(before: a, after: b).isEmpty)
    }

    @Test func listsCompareWithOrder() {
        let a: [String: FieldValue] = ["ranges": .list(["08:00-12:00", "13:00-18:00"])]
        let b: [String: FieldValue] = ["ranges": .list(["13:00-18:00", "08:00-12:00"])]
        #expect(Differ.diff(before: a, after: b).map(\.path) == ["ranges"])
    }

    @Test func nestedObjectsReportTheDeepPath() {
        let a: [String: FieldValue] = ["queues": .object(["Tier 1": .object(["voice": .object(["priority": 1, "delay": 0])])])]
        let b: [String: FieldValue] = ["queues": .object(["Tier 1": .object(["voice": .object(["priority": 2, "delay": 0])])])]
        let changes = Differ.diff(before: a, after: b)
        #expect(changes == [FieldChange(path: #"queues["Tier 1"].voice.priority"#, before: 1, after: 2)])
        #expect(changes[0].topLevelField == "queues")
    }

    @Test func absentEqualsNull() {
        #expect(Differ.diff(before: ["maxContacts": .null], after: [:]).isEmpty)
        #expect(Differ.diff(before: [:], after: ["maxContacts": 3]) == [FieldChange(path: "maxContacts", before: .null, after: 3)])
    }

    @Test func sensitiveNeverDiffs() {
        #expect(Differ.diff(before: [:], after: ["password": .sensitive]).isEmpty)
    }

    @Test func changesAreSortedByPath() {
        let changes = Differ.diff(before: ["b": 1, "a": 1, "c": 1], after: ["b": 2, "a": 2, "c": 2])
        #expect(changes.map(\.path) == ["a", "b", "c"])
    }

    @Test func createListingSkipsUnsetFields() {
        let listing = Differ.listing(["a": 1, "b": .null], asCreate: true)
        #expect(listing == [FieldChange(path: "a", before: nil, after: 1)])
    }
}
