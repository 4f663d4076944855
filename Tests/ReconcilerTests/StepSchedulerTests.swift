import Synchronization
import Testing
@testable import Reconciler

private struct Boom: Error {}

private final class Recorder: Sendable {
    let log = Mutex<[String]>([])
    let concurrent = Mutex<(now: Int, max: Int)>((0, 0))
    func record(_ s: String) { log.withLock { $0.append(s) } }
    var entries: [String] { log.withLock { $0 } }
    func enter() { concurrent.withLock { $0.now += 1; $0.max = max($0.max, $0.now) } }
    func leave() { concurrent.withLock { $0.now -= 1 } }
    var maxConcurrent: Int { concurrent.withLock { $0.max } }
}

@Suite struct StepSchedulerTests {
    @Test func dependenciesRunFirst() async {
        let rec = Recorder()
        let steps = [
            StepScheduler.Step(label: "hours") { rec.record("hours") },
            StepScheduler.Step(label: "queue", dependsOn: [0]) { rec.record("queue") },
            StepScheduler.Step(label: "profile", dependsOn: [1]) { rec.record("profile") },
        ]
        let outcomes = await StepScheduler.run(steps, maxConcurrency: 4)
        #expect(rec.entries == ["hours", "queue", "profile"])
        #expect(outcomes.allSatisfy { if case .succeeded = $0 { true } else { false } })
    }

    @Test func independentStepsRunInParallelUpToTheLimit() async {
        let rec = Recorder()
        let steps = (0..<8).map { i in
            StepScheduler.Step(label: "s\(i)") {
                rec.enter()
                try? await Task.sleep(for: .milliseconds(30))
                rec.leave()
            }
        }
        _ = await StepScheduler.run(steps, maxConcurrency: 3)
        #expect(rec.maxConcurrent == 3)
    }

    @Test func failureSkipsDependentsButNotIndependentWork() async {
        let rec = Recorder()
        let steps = [
            StepScheduler.Step(label: "a") { throw Boom() },
            StepScheduler.Step(label: "b", dependsOn: [0]) { rec.record("b") },
            StepScheduler.Step(label: "c", dependsOn: [1]) { rec.record("c") },
            StepScheduler.Step(label: "d") { rec.record("d") },
        ]
        let outcomes = await StepScheduler.run(steps, maxConcurrency: 1)
        #expect(rec.entries == ["d"])
        guard case .failed = outcomes[0] else { Issue.record("a should fail"); return }
        guard case .skipped(blockedBy: 0) = outcomes[1] else { Issue.record("b should be skipped by a"); return }
        guard case .skipped(blockedBy: 1) = outcomes[2] else { Issue.record("c should be skipped by b"); return }
        guard case .succeeded = outcomes[3] else { Issue.record("d should succeed"); return }
    }

    @Test func inFlightWorkFinishesAfterAFailure() async {
        let rec = Recorder()
        let steps = [
            StepScheduler.Step(label: "slow") {
                try await Task.sleep(for: .milliseconds(50))
                rec.record("slow done")
            },
            StepScheduler.Step(label: "fails") { throw Boom() },
        ]
        let outcomes = await StepScheduler.run(steps, maxConcurrency: 2)
        #expect(rec.entries == ["slow done"])
        guard case .succeeded = outcomes[0] else { Issue.record("slow should succeed"); return }
    }
}
