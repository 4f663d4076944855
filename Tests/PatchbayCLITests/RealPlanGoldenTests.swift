import Foundation
import Model
import Testing
@testable import PatchbayCLI
@testable import Reconciler

/// Golden files for the text and markdown renderings of a REAL plan: computed by
/// `Planner.plan` from fixture manifests (`Golden/real-plan/after`) against a live state
/// built from other manifests (`Golden/real-plan/before`) the way the live projection
/// would see them. The plan touches every kind and every action.
@Suite(.serialized) struct RealPlanGoldenTests {
    static let fixtures = Golden.directory.appendingPathComponent("real-plan")

    static func load(_ name: String) throws -> DesiredState {
        setenv("PATCHBAY_GOLDEN_PASSWORD", "Golden-Secret-123!", 1)
        return try PlanPipeline.load(path: fixtures.appendingPathComponent(name).path, environment: nil)
    }

    /// The instance as `before` declares it: ids and ARNs numbered by address, Tier 1 not
    /// yet tagged (so it is adopted), plus the Connect defaults the manifests refer to.
    static func live(from before: DesiredState) -> LiveState {
        let arnPrefix = "arn:aws:connect:us-east-1:123456789012:instance/i-golden"
        var resources: [LiveResource] = [
            LiveResource(address: ResourceAddress(.securityProfile, "Agent"), id: "sp-agent", arn: "\(arnPrefix)/security-profile/sp-agent",
                         tags: [:], fields: ["description": "", "permissions": .strings(["BasicAgentAccess"])], isDefault: true),
            LiveResource(address: ResourceAddress(.hoursOfOperation, "Basic Hours"), id: "h-basic",
                         arn: "\(arnPrefix)/operating-hours/h-basic", tags: [:], fields: [:], isDefault: true),
        ]
        let all = Projection.declaredFields(before, flowContent: { FlowContentCanonicalizer.canonicalForm($0.text) })
        for (n, resource) in all.enumerated() {
            let id = String(format: "id-%02d", n)
            let arn = "\(arnPrefix)/\(resource.address.kind.rawValue)/\(id)"
            var fields = resource.fields
            var tags: [String: String] = [:]
            if case let .object(t)? = fields["tags"] { tags = t.compactMapValues { if case let .string(s) = $0 { s } else { nil } } }
            if resource.address == ResourceAddress(.routingProfile, "Tier 1") { tags[Ownership.stackTag] = nil }
            fields["password"] = nil
            resources.append(LiveResource(address: resource.address, id: id, arn: arn, tags: tags, fields: fields))
        }
        return LiveState(resources: resources, hierarchyLevels: before.userHierarchy.levels, readCalls: 12)
    }

    static func plan() throws -> PlanningResult {
        let before = try load("before"), after = try load("after")
        return Planner.plan(desired: after, live: live(from: before),
                            instance: Plan.Instance(id: "11111111-2222-3333-4444-555555555555", region: "us-east-1"),
                            options: Planner.Options(prune: true))
    }

    @Test func planTouchesEveryKindAndAction() throws {
        let result = try Self.plan()
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let changes = result.plan.changes
        #expect(Set(changes.map(\.action)) == Set(ChangeAction.allCases), "\(changes.map { "\($0.action) \($0.address)" })")
        #expect(Set(changes.map(\.kind)) == ["userHierarchy", "hours", "queue", "routingProfile", "flow", "flowModule",
                                             "securityProfile", "hierarchyGroup", "user"],
                "\(Set(changes.map(\.kind)))")
    }

    @Test func textRendering() throws {
        let result = try Self.plan()
        let text = PlanOutput.render(result, format: .text)
        try Golden.check(text, named: "real-plan.txt")
        #expect(!text.contains("Golden-Secret-123!"))
        #expect(text == PlanOutput.render(try Self.plan(), format: .text), "deterministic")
    }

    @Test func markdownRendering() throws {
        let result = try Self.plan()
        let markdown = PlanOutput.render(result, format: .markdown)
        try Golden.check(markdown, named: "real-plan.md")
        #expect(!markdown.contains("Golden-Secret-123!"))
        #expect(markdown == PlanOutput.render(try Self.plan(), format: .markdown), "deterministic")
    }
}
