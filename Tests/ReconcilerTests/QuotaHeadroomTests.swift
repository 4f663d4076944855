import Model
import Testing
@testable import Reconciler

/// Issue 14 item 4: a plan whose creates would take a kind past its instance quota says so
/// before the first call (pure planner logic: a hand-made live state).
@Suite struct QuotaHeadroomTests {
    /// `sample()` plus `extra` more queues declared, on an instance that already has `existing`
    /// undeclared queues of nobody's stack (Connect's BasicQueue, queues made by hand).
    static func planning(existing: Int, extra: Int, quotas: [String: Int] = [:]) -> PlanningResult {
        var desired = sample()
        desired.queues += (1...extra).map { Queue(name: String(format: "Q%03d", $0), hoursOfOperation: "Business Hours") }
        desired.declarations = Dictionary(uniqueKeysWithValues: desired.queues.enumerated().map { n, q in
            (q.address, SourceLocation(file: "queues.yaml", line: n + 1, column: 3))
        })
        var live = converged(sample())
        for n in 0..<existing {
            let address = ResourceAddress(.queue, "Hand made \(n)")
            live.resources[address] = LiveResource(address: address, id: "hq-\(n)", arn: "arn:hq/\(n)", tags: [:], fields: [:])
        }
        return Planner.plan(desired: desired, live: live, instance: instance, options: Planner.Options(quotas: quotas))
    }

    @Test func pastConnectsDefaultIsAWarningAtTheFirstCreateThatWouldFail() throws {
        // Live: Support plus 45 by hand = 46 queues; 5 creates fit under 50, the 6th does not.
        let result = Self.planning(existing: 45, extra: 6)
        let warning = try #require(result.diagnostics.first { $0.message.contains("queues per instance") })
        #expect(warning.severity == .warning)
        #expect(warning.message == "the instance has 46 queues; this plan creates 6, 52 in all: more than Connect's default of 50 queues per instance; if the account's quota (Service Quotas, connect L-19A87C94) is higher, say so with --quota queues=N, else apply would fail with LimitExceededException after 4 creates")
        #expect(warning.location?.line == 6, "Q005, the first create past the 4 that fit (Q001…Q006 sorted), is declared on line 6")
        #expect(!result.diagnostics.hasErrors)
    }

    @Test func withinTheDefaultSaysNothing() {
        let result = Self.planning(existing: 40, extra: 9)
        #expect(!result.diagnostics.contains { $0.message.contains("quota") })
    }

    @Test func aStatedQuotaReplacesTheDefault() throws {
        // The account has 60: no warning at 52 …
        #expect(!Self.planning(existing: 45, extra: 6, quotas: ["queues": 60]).diagnostics.contains { $0.message.contains("quota") })
        // … and past a stated quota the plan is an error (nothing may be applied).
        let result = Self.planning(existing: 45, extra: 6, quotas: ["queues": 48])
        let error = try #require(result.diagnostics.first { $0.message.contains("--quota queues=48") })
        #expect(error.severity == .error)
        #expect(error.message.hasSuffix("apply would fail with LimitExceededException after 2 creates"))
    }

    @Test func quotaArgumentsAreChecked() throws {
        #expect(try Planner.parseQuotas(["users=6000", "queues=600"]).get() == ["users": 6000, "queues": 600])
        guard case let .failure(unknown) = Planner.parseQuotas(["user=6000"]) else { Issue.record("accepted"); return }
        #expect(unknown.message.hasPrefix("--quota: unknown quota 'user'; known: "))
        #expect(unknown.message.contains("users"))
        guard case let .failure(bad) = Planner.parseQuotas(["users"]) else { Issue.record("accepted"); return }
        #expect(bad.message == "--quota takes KEY=N such as users=6000, not 'users'")
        // Every kind that has a quota has exactly one key.
        #expect(Set(InstanceQuota.all.map(\.key)).count == InstanceQuota.all.count)
    }
}
