import Foundation
import Synchronization

/// `--timeout DURATION`: one deadline for the whole command (issue #16 item 5), on top of the
/// per-attempt deadline every call has. Reading past it stops the read (nothing was changed);
/// an apply past it starts no further change, lets the calls in flight finish and reports what
/// was done, as Ctrl-C does.
struct CommandDeadline: Sendable {
    let seconds: Double
    let start = ContinuousClock.now

    init(seconds: Double) { self.seconds = seconds }

    /// `90`, `90s`, `15m`, `1h` (nil: not a duration).
    static func parse(_ text: String) -> Double? {
        let units: [Character: Double] = ["s": 1, "m": 60, "h": 3600]
        var number = Substring(text.trimmingCharacters(in: .whitespaces)), scale = 1.0
        if let last = number.last, let unit = units[last] {
            scale = unit
            number = number.dropLast()
        }
        guard let value = Double(number), value > 0, value.isFinite else { return nil }
        return value * scale
    }

    var description: String {
        seconds.truncatingRemainder(dividingBy: 60) == 0 && seconds >= 60 ? "\(Int(seconds / 60))m" : "\(Int(seconds.rounded(.up)))s"
    }

    private var end: ContinuousClock.Instant { start + .milliseconds(Int64(seconds * 1000)) }

    /// `body`, or `TimedOut` as soon as the deadline passes first. Then `body` is cancelled but
    /// not awaited: a call in flight that does not stop at once (a slow answer) must not hold
    /// the command past its deadline; the session's shutdown ends it.
    func race<T: Sendable>(_ what: String, _ body: @escaping @Sendable () async throws -> T) async throws -> T {
        let end = end, message = "gave up \(what) after \(description) (--timeout \(description)); nothing was changed"
        return try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, Error>) in
            let once = ResumeOnce(continuation)
            let work = Task {
                do { once.resume(.success(try await body())) } catch { once.resume(.failure(error)) }
            }
            Task {
                try? await Task.sleep(until: end, clock: .continuous)
                if once.resume(.failure(TimedOut(message: message))) { work.cancel() }
            }
        }
    }

    /// Resumes a continuation once, whoever comes first.
    final class ResumeOnce<T: Sendable>: Sendable {
        private let continuation: Mutex<CheckedContinuation<T, Error>?>
        init(_ continuation: CheckedContinuation<T, Error>) { self.continuation = Mutex(continuation) }
        /// Whether this call resumed it.
        @discardableResult func resume(_ result: Result<T, Error>) -> Bool {
            guard let c = continuation.withLock({ c -> CheckedContinuation<T, Error>? in defer { c = nil }; return c }) else { return false }
            c.resume(with: result)
            return true
        }
    }

    /// Calls `action` once the deadline passes, unless the returned task is cancelled first.
    func onExpiry(_ action: @escaping @Sendable () -> Void) -> Task<Void, Never> {
        let end = end
        return Task {
            do {
                try await Task.sleep(until: end, clock: .continuous)
                action()
            } catch {}
        }
    }

    struct TimedOut: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }
}
