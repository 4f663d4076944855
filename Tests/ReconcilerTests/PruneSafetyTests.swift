import Model
import Testing
@testable import Reconciler

/// Issue #16 items 1, 3 and 4: prune never deletes what something outside the plan still uses,
/// never the instance's administrators without an opt-in, and deletes follow the reverse
/// reference graph exactly.
@Suite struct PruneSafetyTests {
    static func resource(_ kind: ResourceKind, _ name: String, stack: String? = "acme",
                         _ fields: [String: FieldValue] = [:]) -> LiveResource {
        LiveResource(address: ResourceAddress(kind, name), id: "id-\(name)", arn: "arn:\(kind)/\(name)",
                     tags: stack.map { [Ownership.stackTag: $0] } ?? [:], fields: fields)
    }

    static func plan(_ live: LiveState, allow: Set<ResourceAddress> = []) -> PlanningResult {
        Planner.plan(desired: sample(), live: live, instance: instance, options: .init(prune: true, allowPrune: allow))
    }

    @Test func deleteUsedByAnotherStackIsRefusedNamingTheDependent() {
        var live = converged(sample())
        live.resources[ResourceAddress(.flow, "Shared Whisper")] = Self.resource(.flow, "Shared Whisper")
        live.resources[ResourceAddress(.queue, "B Queue")] = Self.resource(.queue, "B Queue", stack: "b", [
            "hoursOfOperation": "Business Hours",
            "outboundCallerId": .object(["name": "B", "number": .null, "flow": "Shared Whisper"]),
        ])
        let result = Self.plan(live)
        #expect(!result.plan.changes.contains { $0.address == "flow.Shared Whisper" })
        #expect(result.plan.kept == ["flow.Shared Whisper"])
        #expect(PlanDocument.json(result.plan)["kept"] == .array([.string("flow.Shared Whisper")]))
        #expect(result.notes.contains { $0.contains("not deleting flow.Shared Whisper: queue.B Queue (stack 'b') still uses it") },
                "\(result.notes)")
        #expect(result.diagnostics.contains { $0.severity == .warning && $0.message.contains("queue.B Queue") })
    }

    @Test func refusalKeepsWhatTheRefusedResourceUses() {
        var live = converged(sample())
        // Old Queue is this stack's and undeclared, but another stack's profile still uses it, so
        // the hours it uses must stay too.
        live.resources[ResourceAddress(.hoursOfOperation, "Old Hours")] = Self.resource(.hoursOfOperation, "Old Hours")
        live.resources[ResourceAddress(.queue, "Old Queue")] = Self.resource(.queue, "Old Queue", ["hoursOfOperation": "Old Hours"])
        live.resources[ResourceAddress(.routingProfile, "B Profile")] = Self.resource(.routingProfile, "B Profile", stack: nil, [
            "defaultOutboundQueue": "Old Queue", "queues": .object([:]),
        ])
        let result = Self.plan(live)
        #expect(result.plan.changes.filter { $0.action == .delete }.isEmpty)
        #expect(result.notes.contains { $0.contains("routingProfile.B Profile (no Patchbay stack) still uses it") })
        #expect(result.notes.contains { $0.contains("not deleting hours.Old Hours: queue.Old Queue, whose delete is refused, uses it") })
    }

    @Test func administratorsAreNotPrunedWithoutAnOptIn() {
        var live = converged(sample())
        live.resources[ResourceAddress(.user, "admin")] = Self.resource(.user, "admin", ["securityProfiles": .strings(["Admin"])])
        live.resources[ResourceAddress(.user, "boss")] = Self.resource(.user, "boss", ["securityProfiles": .strings(["Admin", "Agent"])])
        live.resources[ResourceAddress(.user, "temp")] = Self.resource(.user, "temp", ["securityProfiles": .strings(["Agent"])])
        let guarded = Self.plan(live)
        #expect(guarded.plan.changes.map(\.address) == ["user.temp"])
        #expect(guarded.notes.contains { $0.contains("not deleting user.admin: it is the instance's own administrator (name it with --allow-prune") })
        #expect(guarded.notes.contains { $0.contains("not deleting user.boss: it holds the Admin security profile") })

        let allowed = Self.plan(live, allow: [ResourceAddress(.user, "boss")])
        #expect(allowed.plan.changes.map(\.address).sorted() == ["user.boss", "user.temp"])
    }

    @Test func deletesFollowTheReverseReferenceGraph() throws {
        var live = converged(sample())
        live.resources[ResourceAddress(.flow, "Old Whisper")] = Self.resource(.flow, "Old Whisper")
        live.resources[ResourceAddress(.hoursOfOperation, "Old Hours")] = Self.resource(.hoursOfOperation, "Old Hours")
        live.resources[ResourceAddress(.hoursOfOperation, "Other Hours")] = Self.resource(.hoursOfOperation, "Other Hours")
        live.resources[ResourceAddress(.queue, "Old Queue")] = Self.resource(.queue, "Old Queue", [
            "hoursOfOperation": "Old Hours", "outboundCallerId": .object(["name": "", "number": .null, "flow": "Old Whisper"]),
        ])
        let result = Self.plan(live)
        let changes = result.plan.changes.map(\.address)
        let queue = try #require(changes.firstIndex(of: "queue.Old Queue"))
        let flow = try #require(changes.firstIndex(of: "flow.Old Whisper"))
        let hours = try #require(changes.firstIndex(of: "hours.Old Hours"))
        let other = try #require(changes.firstIndex(of: "hours.Other Hours"))
        #expect(queue < flow && queue < hours)
        #expect(result.details[flow].dependsOn == [queue])
        #expect(result.details[hours].dependsOn == [queue])
        // Nothing refers to Other Hours: it waits for nothing, so no failed delete can block it.
        #expect(result.details[other].dependsOn.isEmpty)
    }

    @Test func shrinkingTheHierarchyDeletesTheDeeperGroupsFirst() throws {
        var desired = sample()
        desired.userHierarchy = UserHierarchy(levels: ["Region"], groups: [HierarchyGroup(path: ["Americas"])])
        var live = converged(desired)
        live.hierarchyLevels = ["Region", "Site"]
        live.resources[ResourceAddress(.hierarchyGroup, "Americas/Austin")] = Self.resource(.hierarchyGroup, "Americas/Austin",
                                                                                            ["parent": "Americas"])
        let result = Planner.plan(desired: desired, live: live, instance: instance, options: .init(prune: true))
        let changes = result.plan.changes.map(\.address)
        let group = try #require(changes.firstIndex(of: "hierarchyGroup.Americas/Austin"))
        let levels = try #require(changes.firstIndex(of: "userHierarchy.levels"))
        #expect(group < levels)
        #expect(result.details[levels].dependsOn.contains(group))
    }
}
