import Foundation
import Synchronization

/// A token-bucket setting: `rate` requests per second, at most `burst` at once.
public struct RateLimit: Sendable, Equatable {
    public var rate: Double
    public var burst: Double

    public init(rate: Double, burst: Double) {
        self.rate = max(rate, 0.001)
        self.burst = max(burst, 1)
    }

    /// Connect's default API quota for configuration operations (connect-api.md §4).
    public static let connectDefault = RateLimit(rate: 2, burst: 5)
}

/// Client-side rate limiting: one token bucket per operation (plus an optional
/// bucket shared by all operations), adaptive to throttling.
///
/// Callers of one operation are served first come, first served: each `acquire`
/// reserves the next token of its bucket (the count may go below zero) and sleeps
/// until that token is due, so reservations are granted in arrival order. Separate
/// operations have separate buckets and proceed concurrently.
///
/// Adaptive: a throttling response multiplies the operation's rate by `decrease`
/// (floor `minimumRate`) and empties its bucket; every success afterwards adds back
/// `recoveryStep` × the configured rate until the configured rate is reached. While
/// reduced, the burst shrinks in proportion.
public actor RateLimiter {
    public struct Adaptive: Sendable {
        public var enabled: Bool
        public var decrease: Double
        public var minimumRate: Double
        public var recoveryStep: Double

        public init(enabled: Bool = true, decrease: Double = 0.7, minimumRate: Double = 0.5, recoveryStep: Double = 0.05) {
            self.enabled = enabled
            self.decrease = decrease
            self.minimumRate = minimumRate
            self.recoveryStep = recoveryStep
        }
    }

    struct Bucket {
        var configured: RateLimit
        var rate: Double
        var tokens: Double
        var last: Double

        var capacity: Double { max(1, configured.burst * min(1, rate / configured.rate)) }

        mutating func refill(at now: Double) {
            if now > last {
                tokens = min(capacity, tokens + (now - last) * rate)
                last = now
            }
        }

        /// Reserves one token; returns the seconds to wait until it is due.
        mutating func reserve(at now: Double) -> Double {
            refill(at: now)
            tokens -= 1
            return tokens >= 0 ? 0 : -tokens / rate
        }
    }

    private let defaultLimit: RateLimit
    private let perOperation: [String: RateLimit]
    private let adaptive: Adaptive
    private let clock: AWSClock
    private var buckets: [String: Bucket] = [:]
    private var global: Bucket?

    /// - Parameters:
    ///   - defaultLimit: the bucket of every operation not in `perOperation`.
    ///   - perOperation: overrides by operation name.
    ///   - global: an optional bucket all operations also draw from (nil: none).
    public init(defaultLimit: RateLimit = .connectDefault, perOperation: [String: RateLimit] = [:],
                global: RateLimit? = nil, adaptive: Adaptive = Adaptive(), clock: AWSClock = SystemClock()) {
        self.defaultLimit = defaultLimit
        self.perOperation = perOperation
        self.adaptive = adaptive
        self.clock = clock
        let now = clock.uptime
        self.global = global.map { Bucket(configured: $0, rate: $0.rate, tokens: $0.burst, last: now) }
    }

    /// Waits until the operation may send one request. Returns the seconds waited.
    @discardableResult
    public func acquire(_ operation: String) async throws -> Double {
        let now = clock.uptime
        var wait = buckets[operation, default: newBucket(operation, now: now)].reserve(at: now)
        if global != nil {
            // The global token is reserved for when the operation's token is due.
            wait = max(wait, global!.reserve(at: now + wait) + wait)
        }
        if wait > 0 { try await clock.sleep(seconds: wait) }
        return wait
    }

    /// A throttling response for the operation: slow it down.
    public func recordThrottle(_ operation: String) {
        guard adaptive.enabled else { return }
        let now = clock.uptime
        var b = buckets[operation, default: newBucket(operation, now: now)]
        b.refill(at: now)
        b.rate = max(adaptive.minimumRate, min(b.rate, b.configured.rate) * adaptive.decrease)
        b.tokens = min(b.tokens, 0)
        buckets[operation] = b
    }

    /// A successful response for the operation: recover towards the configured rate.
    public func recordSuccess(_ operation: String) {
        guard adaptive.enabled, var b = buckets[operation], b.rate < b.configured.rate else { return }
        b.refill(at: clock.uptime)
        b.rate = min(b.configured.rate, b.rate + adaptive.recoveryStep * b.configured.rate)
        buckets[operation] = b
    }

    /// The operation's current rate (requests per second).
    public func currentRate(_ operation: String) -> Double {
        buckets[operation]?.rate ?? limit(for: operation).rate
    }

    public nonisolated func limit(for operation: String) -> RateLimit {
        perOperation[operation] ?? defaultLimit
    }

    private static let registry = Mutex<[String: RateLimiter]>([:])

    /// The process's limiter for `key` (an account and Region), made by `make` the first time.
    public static func shared(_ key: String, _ make: () -> RateLimiter) -> RateLimiter {
        registry.withLock { limiters in
            if let existing = limiters[key] { return existing }
            let limiter = make()
            limiters[key] = limiter
            return limiter
        }
    }

    private func newBucket(_ operation: String, now: Double) -> Bucket {
        let l = limit(for: operation)
        return Bucket(configured: l, rate: l.rate, tokens: l.burst, last: now)
    }
}
