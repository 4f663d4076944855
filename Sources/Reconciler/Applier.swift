import ConnectAPI
import Foundation
import Model

/// Carries out a plan: each change becomes one scheduler step (two for a flow created with
/// placeholder content), run with as much parallelism as dependencies allow; the client's
/// per-operation rate limiter paces the calls. The concurrency cap is generous (32) so that
/// steps waiting on one operation's rate limit (say 50 CreateQueue) do not hold back steps
/// of another operation (CreateUser) that could run side by side. On a failure, dependent work is skipped,
/// independent work and in-flight calls finish, and the report says what happened.
public struct Applier: Sendable {
    public enum Event: Sendable {
        case started(address: String, action: ChangeAction, index: Int, total: Int)
        case finished(address: String, action: ChangeAction, outcome: ApplyReport.Outcome, done: Int, total: Int)
    }

    let client: any ConnectReader & ConnectWriter
    let instanceId: String
    let maxConcurrency: Int
    /// Uploads prompts' audio (S3); needed only by plans that upload.
    let objects: (any ObjectUploader)?

    public init(client: any ConnectReader & ConnectWriter, instanceId: String, maxConcurrency: Int = 32,
                objects: (any ObjectUploader)? = nil) {
        self.client = client
        self.instanceId = instanceId
        self.maxConcurrency = maxConcurrency
        self.objects = objects
    }

    /// - Parameter interrupt: once requested, no further change starts; calls in flight finish
    ///   and the report lists what was done and what was not started.
    public func apply(_ planning: PlanningResult, live: LiveState, desired: DesiredState, interrupt: ApplyInterrupt? = nil,
                      onEvent: @escaping @Sendable (Event) -> Void = { _ in }) async -> ApplyReport {
        let registry = IdRegistry(live: live)
        let details = planning.details
        let runner = CallRunner(client: client, instanceId: instanceId, registry: registry,
                                secrets: planning.secrets, stack: desired.stack, objects: objects)
        // A renamed resource keeps its id: known under its new name from the start, so
        // changes that refer to it by that name need not wait for the rename.
        for detail in details {
            if case let .rename(current, _) = detail.work {
                await registry.register(detail.address, id: current.id, arn: current.arn)
            }
        }
        let n = details.count
        var steps: [StepScheduler.Step] = details.map { detail in
            StepScheduler.Step(label: detail.change.address, dependsOn: detail.dependsOn) {
                try await runner.run(detail.calls)
            }
        }
        var fillStepOf: [Int: Int] = [:]  // change index → its fill step's index
        for (i, detail) in details.enumerated() where detail.placeholder {
            fillStepOf[i] = steps.count
            steps.append(StepScheduler.Step(label: detail.change.address + " (content)",
                                            dependsOn: detail.fillDependsOn.union([i])) {
                try await runner.run(detail.fillCalls)
            })
        }
        let progress = ProgressCounter()
        let allSteps = steps
        let outcomes = await StepScheduler.run(allSteps, maxConcurrency: maxConcurrency,
                                               shouldStop: { interrupt?.isRequested ?? false }) { event in
            switch event {
            case let .started(index) where index < n:
                onEvent(.started(address: details[index].change.address, action: details[index].change.action,
                                 index: index, total: n))
            case let .finished(index, outcome) where index < n:
                let done = progress.increment()
                onEvent(.finished(address: details[index].change.address, action: details[index].change.action,
                                  outcome: ApplyReport.Outcome(outcome, steps: allSteps), done: done, total: n))
            default: break
            }
        }
        var entries: [ApplyReport.Entry] = []
        for (i, detail) in details.enumerated() {
            var outcome = ApplyReport.Outcome(outcomes[i], steps: steps)
            if case .done = outcome, let fill = fillStepOf[i] {
                let fillOutcome = ApplyReport.Outcome(outcomes[fill], steps: steps)
                if case .done = fillOutcome {} else { outcome = fillOutcome.partially() }
            }
            if let contentFile = detail.contentFile { outcome = outcome.pointingAt(contentFile) }
            entries.append(ApplyReport.Entry(change: detail.change, outcome: outcome))
        }
        return ApplyReport(entries: entries)
    }
}

/// A request to stop an apply early (Ctrl-C, SIGTERM): counted, so a second one can abort.
public final class ApplyInterrupt: Sendable {
    private let count = Mutex(0)
    public init() {}
    /// Records one request; returns how many there have been.
    @discardableResult public func request() -> Int { count.withLock { $0 += 1; return $0 } }
    public var isRequested: Bool { count.withLock { $0 > 0 } }
}

final class ProgressCounter: Sendable {
    private let value = Mutex(0)
    func increment() -> Int { value.withLock { $0 += 1; return $0 } }
}

/// What apply did, change by change.
public struct ApplyReport: Sendable {
    public enum Outcome: Sendable {
        case done
        case failed(message: String)
        /// Created, but a later call for it failed (e.g. filling in placeholder content).
        case partial(message: String)
        case skipped(blockedBy: String)

        init(_ outcome: StepScheduler.Outcome, steps: [StepScheduler.Step]) {
            switch outcome {
            case .succeeded: self = .done
            case let .failed(error): self = .failed(message: String(describing: error))
            case let .skipped(blockedBy) where blockedBy == StepScheduler.interrupted: self = .skipped(blockedBy: "the interrupt")
            case let .skipped(blockedBy): self = .skipped(blockedBy: blockedBy >= 0 ? steps[blockedBy].label : "an earlier failure")
            }
        }

        /// Flow-content problems pointed at the file they come from.
        func pointingAt(_ file: String) -> Outcome {
            switch self {
            case let .failed(message) where message.contains("InvalidContactFlow"): .failed(message: "\(file): \(message)")
            case let .partial(message) where message.contains("InvalidContactFlow"): .partial(message: "\(file): \(message)")
            default: self
            }
        }

        func partially() -> Outcome {
            switch self {
            case let .failed(message): .partial(message: message)
            case let .skipped(blockedBy): .partial(message: "content not filled in: blocked by \(blockedBy)")
            default: self
            }
        }
    }

    public struct Entry: Sendable {
        public var change: PlannedChange
        public var outcome: Outcome
    }

    public var entries: [Entry]

    public var succeeded: Bool { entries.allSatisfy { if case .done = $0.outcome { true } else { false } } }
    public var doneCount: Int { entries.filter { if case .done = $0.outcome { true } else { false } }.count }
    public var failed: [Entry] { entries.filter { if case .failed = $0.outcome { true } else if case .partial = $0.outcome { true } else { false } } }
    public var skipped: [Entry] { entries.filter { if case .skipped = $0.outcome { true } else { false } } }
}

import Synchronization
