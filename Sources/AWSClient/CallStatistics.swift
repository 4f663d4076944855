import Foundation
import Synchronization

/// Per-run counts of calls by operation, safe to update from any task. The
/// reconciler reports `snapshot()` at the end of a run.
public final class CallStatistics: Sendable {
    public struct Counts: Sendable, Equatable {
        /// Calls made (one per `send`).
        public var calls = 0
        /// HTTP attempts, retries included.
        public var attempts = 0
        public var succeeded = 0
        public var failed = 0
        /// Attempts answered with a throttling error.
        public var throttled = 0
        /// Final failures by error code.
        public var failures: [String: Int] = [:]

        public init() {}
    }

    private let state = Mutex<[String: Counts]>([:])

    public init() {}

    func recordAttempt(_ operation: String, attempt: Int) {
        state.withLock {
            if attempt == 1 { $0[operation, default: Counts()].calls += 1 }
            $0[operation, default: Counts()].attempts += 1
        }
    }

    func recordThrottle(_ operation: String) {
        state.withLock { $0[operation, default: Counts()].throttled += 1 }
    }

    func recordOutcome(_ operation: String, errorCode: String?) {
        state.withLock {
            if let errorCode {
                $0[operation, default: Counts()].failed += 1
                $0[operation, default: Counts()].failures[errorCode, default: 0] += 1
            } else {
                $0[operation, default: Counts()].succeeded += 1
            }
        }
    }

    /// Counts by operation.
    public func snapshot() -> [String: Counts] { state.withLock { $0 } }

    /// Totals over all operations.
    public var total: Counts {
        snapshot().values.reduce(into: Counts()) { acc, c in
            acc.calls += c.calls
            acc.attempts += c.attempts
            acc.succeeded += c.succeeded
            acc.failed += c.failed
            acc.throttled += c.throttled
            for (k, v) in c.failures { acc.failures[k, default: 0] += v }
        }
    }

    /// One line per operation, sorted by name: `CreateQueue: 3 calls, 4 attempts, 1 throttled, 0 failed`.
    public func summaryLines() -> [String] {
        snapshot().sorted { $0.key < $1.key }.map { op, c in
            var line = "\(op): \(c.calls) call\(c.calls == 1 ? "" : "s"), \(c.attempts) attempt\(c.attempts == 1 ? "" : "s")"
            if c.throttled > 0 { line += ", \(c.throttled) throttled" }
            if c.failed > 0 {
                line += ", \(c.failed) failed (" + c.failures.sorted { $0.key < $1.key }.map { "\($0.key) ×\($0.value)" }.joined(separator: ", ") + ")"
            }
            return line
        }
    }
}
