/// Runs steps with as much parallelism as their dependencies allow.
///
/// A step starts once every step it depends on has succeeded. When a step fails, its
/// transitive dependents are never started (they are reported as skipped), independent
/// work goes on, and steps already in flight finish. Among ready steps, the one with the
/// lowest index starts first, so runs are as deterministic as concurrency allows.
public enum StepScheduler {
    public struct Step: Sendable {
        public var label: String
        public var dependsOn: Set<Int>
        public var run: @Sendable () async throws -> Void

        public init(label: String, dependsOn: Set<Int> = [], run: @escaping @Sendable () async throws -> Void) {
            self.label = label
            self.dependsOn = dependsOn
            self.run = run
        }
    }

    public enum Outcome: Sendable {
        case succeeded
        case failed(any Error)
        /// Not started: `blockedBy` is the failed or skipped step it depended on.
        case skipped(blockedBy: Int)
    }

    public enum Event: Sendable {
        case started(Int)
        case finished(Int, Outcome)
    }

    /// Runs `steps` and returns one outcome per step, in step order.
    /// Dependencies must point at valid indices and form no cycle (the planner orders them).
    /// `skipped(blockedBy:)` of a step that was never started because a stop was requested.
    public static let interrupted = -2

    /// Runs `steps` and returns one outcome per step, in step order. Once `shouldStop` answers
    /// true, no further step starts (steps in flight finish); those left are `interrupted`.
    public static func run(_ steps: [Step], maxConcurrency: Int, shouldStop: @escaping @Sendable () -> Bool = { false },
                           onEvent: @escaping @Sendable (Event) -> Void = { _ in }) async -> [Outcome] {
        precondition(maxConcurrency > 0)
        var outcomes = [Outcome?](repeating: nil, count: steps.count)
        var remainingDeps = steps.map { $0.dependsOn.count }
        var dependents = [[Int]](repeating: [], count: steps.count)
        for (i, step) in steps.enumerated() {
            for d in step.dependsOn { dependents[d].append(i) }
        }
        var ready = Set(steps.indices.filter { remainingDeps[$0] == 0 })

        func skipDependents(of index: Int) {
            var stack = [index]
            while let current = stack.popLast() {
                for dependent in dependents[current] where outcomes[dependent] == nil {
                    outcomes[dependent] = .skipped(blockedBy: current)
                    ready.remove(dependent)
                    onEvent(.finished(dependent, .skipped(blockedBy: current)))
                    stack.append(dependent)
                }
            }
        }

        await withTaskGroup(of: (Int, Outcome).self) { group in
            var running = 0
            func startReady() {
                while running < maxConcurrency, !shouldStop(), let next = ready.min() {
                    ready.remove(next)
                    running += 1
                    onEvent(.started(next))
                    let work = steps[next].run
                    group.addTask {
                        do {
                            try await work()
                            return (next, .succeeded)
                        } catch {
                            return (next, .failed(error))
                        }
                    }
                }
            }
            startReady()
            while let (index, outcome) = await group.next() {
                running -= 1
                outcomes[index] = outcome
                onEvent(.finished(index, outcome))
                switch outcome {
                case .succeeded:
                    for dependent in dependents[index] where outcomes[dependent] == nil {
                        remainingDeps[dependent] -= 1
                        if remainingDeps[dependent] == 0 { ready.insert(dependent) }
                    }
                case .failed, .skipped:
                    skipDependents(of: index)
                }
                startReady()
            }
        }
        let stopped = shouldStop()
        return outcomes.map { $0 ?? .skipped(blockedBy: stopped ? interrupted : -1) }
    }
}
