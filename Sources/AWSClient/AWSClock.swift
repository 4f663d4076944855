import Foundation

/// Time for the client: wall-clock `now` (signing dates, credential expiry), a
/// monotonic `uptime` in seconds (rate limiting, latency) and `sleep` (backoff,
/// rate-limit waits). Injected so tests are exact and fast.
public protocol AWSClock: Sendable {
    var now: Date { get }
    var uptime: Double { get }
    func sleep(seconds: Double) async throws
}

/// The real clock.
public struct SystemClock: AWSClock {
    public init() {}
    public var now: Date { Date() }
    public var uptime: Double {
        let d = ContinuousClock.now.duration(to: SystemClock.origin)
        return -(Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18)
    }
    public func sleep(seconds: Double) async throws {
        guard seconds > 0 else { return }
        try await Task.sleep(nanoseconds: UInt64(seconds * 1_000_000_000))
    }
    private static let origin = ContinuousClock.now
}

/// A uniform random source in [0, 1), injected for exact backoff tests.
public protocol AWSRandom: Sendable {
    func next() -> Double
}

public struct SystemRandom: AWSRandom {
    public init() {}
    public func next() -> Double { Double.random(in: 0..<1) }
}

