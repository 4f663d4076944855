import Foundation
import Synchronization

/// The AWS "standard" retry mode (connect-api.md §6, with the 2026 backoff bases):
/// attempts capped by `maxAttempts`, full-jitter exponential backoff
/// `rand × min(base × 2^(attempt−1), 20 s)` with base 50 ms for transient and 1 s for
/// throttling errors, `x-amz-retry-after` honoured within [computed, computed + 5 s],
/// and a shared retry quota.
public struct RetryPolicy: Sendable {
    /// `AWS_RETRY_MODE` / profile `retry_mode`. Both modes retry the same way; `adaptive`
    /// (the default here) also slows an operation's client-side token bucket down on
    /// throttling and back up on success, `standard` keeps the bucket at its configured rate.
    /// `legacy` is read as `standard`.
    public enum Mode: String, Sendable, CaseIterable {
        case standard, adaptive
    }

    public var mode: Mode = .adaptive
    public var maxAttempts: Int
    public var transientBase: Double
    public var throttlingBase: Double
    public var maxBackoff: Double
    /// `LimitExceededException` is a resource quota, not throttling: retried at most this
    /// many times, then surfaced.
    public var limitExceededRetries: Int
    public var quotaCapacity: Int
    public var transientRetryCost: Int
    public var throttlingRetryCost: Int
    public var noRetryIncrement: Int

    public init(maxAttempts: Int = 3, transientBase: Double = 0.05, throttlingBase: Double = 1.0,
                maxBackoff: Double = 20, limitExceededRetries: Int = 1, quotaCapacity: Int = 500,
                transientRetryCost: Int = 14, throttlingRetryCost: Int = 5, noRetryIncrement: Int = 1) {
        self.maxAttempts = max(1, maxAttempts)
        self.transientBase = transientBase
        self.throttlingBase = throttlingBase
        self.maxBackoff = maxBackoff
        self.limitExceededRetries = limitExceededRetries
        self.quotaCapacity = quotaCapacity
        self.transientRetryCost = transientRetryCost
        self.throttlingRetryCost = throttlingRetryCost
        self.noRetryIncrement = noRetryIncrement
    }

    /// botocore's throttling codes (standard mode).
    public static let throttlingCodes: Set<String> = [
        "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException",
        "TooManyRequestsException", "ProvisionedThroughputExceededException", "TransactionInProgressException",
        "RequestLimitExceeded", "BandwidthLimitExceeded", "LimitExceededException", "RequestThrottled",
        "SlowDown", "PriorRequestNotComplete", "EC2ThrottledException",
    ]
    public static let transientCodes: Set<String> = ["RequestTimeout", "RequestTimeoutException", "PriorRequestNotComplete"]
    public static let transientStatuses: Set<Int> = [500, 502, 503, 504]

    public enum ErrorClass: String, Sendable {
        case throttling, transient, notRetryable
    }

    public static func classify(_ error: AWSServiceError) -> ErrorClass {
        if throttlingCodes.contains(error.code) || error.status == 429 { return .throttling }
        if transientCodes.contains(error.code) || transientStatuses.contains(error.status) { return .transient }
        return .notRetryable
    }

    public static func classify(_ error: AWSTransportError) -> ErrorClass {
        switch error.kind {
        case .connection, .timeout: return .transient
        case .invalidResponse, .configuration, .credentials: return .notRetryable
        }
    }

    /// The delay before the attempt after `failedAttempt` (1-based).
    public func backoff(failedAttempt: Int, errorClass: ErrorClass, random: Double, retryAfterMs: Double?) -> Double {
        let base = errorClass == .throttling ? throttlingBase : transientBase
        let exponent = min(max(failedAttempt - 1, 0), 62)
        let computed = random * min(base * pow(2, Double(exponent)), maxBackoff)
        guard let retryAfterMs, retryAfterMs.isFinite, retryAfterMs >= 0 else { return computed }
        return min(max(retryAfterMs / 1000, computed), computed + 5)
    }

    /// Settings from the environment, then the profile: `AWS_MAX_ATTEMPTS` / `max_attempts`
    /// (total attempts, ≥ 1) and `AWS_RETRY_MODE` / `retry_mode` (`standard`, `adaptive`, `legacy`).
    public static func fromEnvironment(_ env: [String: String], profile: [String: String] = [:]) throws -> RetryPolicy {
        var policy = RetryPolicy()
        if let raw = (env["AWS_RETRY_MODE"].flatMap { $0.isEmpty ? nil : $0 }) ?? profile["retry_mode"] {
            switch raw.trimmingCharacters(in: .whitespaces).lowercased() {
            case "standard", "legacy": policy.mode = .standard
            case "adaptive": policy.mode = .adaptive
            default:
                throw AWSTransportError(.configuration, "AWS_RETRY_MODE / retry_mode must be standard or adaptive (or legacy), got '\(raw)'")
            }
        }
        if let raw = env["AWS_MAX_ATTEMPTS"] ?? profile["max_attempts"] {
            guard let n = Int(raw.trimmingCharacters(in: .whitespaces)), n >= 1 else {
                throw AWSTransportError(.configuration, "AWS_MAX_ATTEMPTS / max_attempts must be a whole number ≥ 1, got '\(raw)'")
            }
            policy.maxAttempts = n
        }
        return policy
    }
}

/// The retry quota shared by all calls of one transport: a bucket of `capacity`
/// tokens; a retry takes its cost, a success refunds. When a retry cannot be paid
/// for, the error is surfaced.
public final class RetryQuota: Sendable {
    private let state: Mutex<Int>
    public let capacity: Int

    public init(capacity: Int = 500) {
        self.capacity = capacity
        self.state = Mutex(capacity)
    }

    public var available: Int { state.withLock { $0 } }

    /// Takes `cost` tokens; false (and nothing taken) when there are not enough.
    public func acquire(_ cost: Int) -> Bool {
        state.withLock {
            guard $0 >= cost else { return false }
            $0 -= cost
            return true
        }
    }

    public func release(_ amount: Int) {
        state.withLock { $0 = min(capacity, $0 + amount) }
    }
}
