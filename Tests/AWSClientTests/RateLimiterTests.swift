import AWSClient
import Foundation
import Testing

@Suite("client-side rate limiting")
struct RateLimiterTests {
    @Test func reservationsAreFIFOAtTheConfiguredRate() async throws {
        // Time stands still, so each acquire shows the wait its reservation got.
        let clock = VirtualClock(advancesOnSleep: false)
        let limiter = RateLimiter(defaultLimit: RateLimit(rate: 20, burst: 5), clock: clock)
        var waits: [Double] = []
        for _ in 0..<10 { waits.append(try await limiter.acquire("CreateQueue")) }
        #expect(waits[0..<5].allSatisfy { $0 == 0 })
        for i in 5..<10 { #expect(abs(waits[i] - Double(i - 4) / 20) < 1e-9) }
        // Another operation has its own bucket.
        #expect(try await limiter.acquire("CreateUser") == 0)
    }

    @Test func perOperationOverridesAndRefill() async throws {
        let clock = VirtualClock(advancesOnSleep: false)
        let limiter = RateLimiter(defaultLimit: .connectDefault, perOperation: ["SearchUsers": RateLimit(rate: 10, burst: 1)], clock: clock)
        #expect(try await limiter.acquire("SearchUsers") == 0)
        #expect(abs(try await limiter.acquire("SearchUsers") - 0.1) < 1e-9)
        clock.advance(10)
        #expect(try await limiter.acquire("SearchUsers") == 0)
        #expect(limiter.limit(for: "CreateQueue") == RateLimit(rate: 2, burst: 5))
    }

    @Test func adaptiveDecreaseAndRecovery() async throws {
        let clock = VirtualClock(advancesOnSleep: true)
        let limiter = RateLimiter(defaultLimit: RateLimit(rate: 2, burst: 5), clock: clock)
        try await limiter.acquire("CreateQueue")
        await limiter.recordThrottle("CreateQueue")
        #expect(abs(await limiter.currentRate("CreateQueue") - 1.4) < 1e-9)
        for _ in 0..<10 { await limiter.recordThrottle("CreateQueue") }
        #expect(await limiter.currentRate("CreateQueue") == 0.5)  // floor
        // The bucket was emptied: the next call waits for a token at the reduced rate.
        #expect(abs(try await limiter.acquire("CreateQueue") - 2.0) < 1e-9)
        for _ in 0..<5 { await limiter.recordSuccess("CreateQueue") }
        #expect(abs(await limiter.currentRate("CreateQueue") - 1.0) < 1e-9)  // +0.1 per success
        for _ in 0..<100 { await limiter.recordSuccess("CreateQueue") }
        #expect(await limiter.currentRate("CreateQueue") == 2)
        #expect(await limiter.currentRate("CreateUser") == 2)
    }

    @Test func throttlingResponsesSlowTheOperationDown() async throws {
        try await withServer { server in
            server.enqueue(.json(429, "{}", headers: [("x-amzn-ErrorType", "ThrottlingException")]), .ok)
            var limits = AWSClientConfiguration.RateLimitConfiguration()
            limits.defaultLimit = RateLimit(rate: 50, burst: 5)
            try await withTransport(server: server, rateLimits: limits) { t in
                _ = try await t.send(AWSRequest(operation: "CreateQueue", method: "PUT", path: "/queues/i"))
                let rate = await t.rateLimiter?.currentRate("CreateQueue")
                #expect(rate.map { abs($0 - (50 * 0.7 + 2.5)) < 1e-9 } == true)  // ×0.7, then one success +5 %
            }
        }
    }

    /// 100 calls at 20/s with a burst of 5 over real loopback HTTP: the first 5 go at
    /// once, the other 95 need 95/20 = 4.75 s.
    @Test(.timeLimit(.minutes(1)))
    func burstOf100KeepsTheConfiguredRate() async throws {
        try await withServer { server in
            // The same 100 calls without a limit: what the machine itself costs (2 shared
            // cores, often busy), so the upper bound tests the limiter, not the load.
            let baseline = try await Self.hundredCalls(server: server, limits: nil)
            var limits = AWSClientConfiguration.RateLimitConfiguration()
            limits.defaultLimit = RateLimit(rate: 20, burst: 5)
            let elapsed = try await Self.hundredCalls(server: server, limits: limits)
            print("rate limiter: 100 calls at 20/s burst 5 took \(String(format: "%.3f", elapsed)) s (theoretical minimum 4.750 s; unlimited \(String(format: "%.3f", baseline)) s)")
            #expect(server.requests.count == 200)
            #expect(elapsed >= 4.75 - 0.05)
            #expect(elapsed < 4.75 * 1.25 + baseline * 2)
        }
    }

    private static func hundredCalls(server: TestHTTPServer, limits: AWSClientConfiguration.RateLimitConfiguration?) async throws -> Double {
        try await withTransport(server: server, clock: SystemClock(), rateLimits: limits) { t in
            let start = ContinuousClock.now
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<100 {
                    group.addTask { _ = try await t.send(AWSRequest(operation: "DescribeQueue", method: "GET", path: "/queues/i/q")) }
                }
                try await group.waitForAll()
            }
            return seconds(ContinuousClock.now - start)
        }
    }

    /// Two operations side by side through the transport, 50 calls each at 20/s burst 5: each
    /// operation's calls wait on its own bucket (the last waits 45/20 = 2.25 s), not on one shared
    /// bucket (which would make the last wait 95/20 = 4.75 s). Virtual time stands still, so every
    /// wait is the reservation the limiter gave, independent of the machine's load.
    @Test(.timeLimit(.minutes(1)))
    func twoOperationsRunSideBySide() async throws {
        try await withServer { server in
            var limits = AWSClientConfiguration.RateLimitConfiguration()
            limits.defaultLimit = RateLimit(rate: 20, burst: 5)
            let clock = VirtualClock(advancesOnSleep: false)
            try await withTransport(server: server, clock: clock, rateLimits: limits) { t in
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for n in 0..<100 {
                        let op = n % 2 == 0 ? "CreateQueue" : "CreateUser"
                        group.addTask { _ = try await t.send(AWSRequest(operation: op, method: "PUT", path: "/x")) }
                    }
                    try await group.waitForAll()
                }
            }
            #expect(server.requests.count == 100)
            let waits = clock.sleeps.filter { $0 > 0 }.sorted()
            // Per operation: 5 calls in the burst, then 45 waits of 1/20 … 45/20 s; two operations: 90.
            #expect(waits.count == 90, "\(waits.count) waits")
            let expected = (1...45).flatMap { [Double($0) / 20, Double($0) / 20] }
            #expect(zip(waits, expected).allSatisfy { abs($0 - $1) < 1e-6 }, "longest wait \(waits.last ?? 0) s")
        }
    }

    static func seconds(_ d: Duration) -> Double {
        Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
    }
}

/// Connect's quotas are per account and Region: transports configured with the same sharing key
/// use one limiter (two plans of one account in one process keep to the quota together).
@Suite struct SharedRateLimiterTests {
    @Test func sameKeyIsOneLimiter() throws {
        var limits = AWSClientConfiguration.RateLimitConfiguration()
        limits.sharingKey = "shared-test \(UUID().uuidString)"
        let a = try #require(limits.makeLimiter(clock: SystemClock()))
        let b = try #require(limits.makeLimiter(clock: SystemClock()))
        #expect(a === b)
        limits.sharingKey = nil
        let c = try #require(limits.makeLimiter(clock: SystemClock()))
        #expect(c !== a)
    }

    @Test func twoTransportsOfOneAccountShareTheBucket() async throws {
        var limits = AWSClientConfiguration.RateLimitConfiguration()
        limits.defaultLimit = RateLimit(rate: 1, burst: 2)
        limits.sharingKey = "shared-bucket \(UUID().uuidString)"
        let clock = VirtualClock(advancesOnSleep: false)
        let first = try #require(limits.makeLimiter(clock: clock)), second = try #require(limits.makeLimiter(clock: clock))
        #expect(try await first.acquire("DescribeUser") == 0)
        #expect(try await second.acquire("DescribeUser") == 0)
        // The burst of 2 is spent by both together: the third call waits a second, whichever plan makes it.
        #expect(try await second.acquire("DescribeUser") > 0.9)
    }
}

/// The service's clock from `Date` headers (whole seconds): an upper bound that is never earlier
/// than the truth and tightens as responses cross second boundaries.
@Suite struct ServerClockTests {
    @Test func upperBoundTightensAcrossSecondBoundaries() throws {
        let clock = VirtualClock(advancesOnSleep: false)
        let server = ServerClock(clock: clock)
        #expect(server.upperBound() == nil)
        // Local uptime 1000 ↔ service time 1767225600.3 (the truth); responses take 0.1 s.
        let truthOffset = 1_767_225_600.3 - 1000
        func respond(at uptime: Double) {
            let serverTime = uptime + 0.05 + truthOffset
            let date = Date(timeIntervalSince1970: serverTime.rounded(.down))
            let f = DateFormatter()
            f.locale = Locale(identifier: "en_US_POSIX"); f.timeZone = TimeZone(identifier: "GMT")
            f.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
            server.record(dateHeader: f.string(from: date), sent: uptime, received: uptime + 0.1)
        }
        respond(at: 1000)
        let loose = try #require(server.upperBound()) - (clock.uptime + truthOffset)
        #expect(loose >= 0 && loose <= 1)
        for step in 1...20 { respond(at: 1000 + Double(step) * 0.1) }  // crosses a second boundary
        let tight = try #require(server.upperBound()) - (clock.uptime + truthOffset)
        #expect(tight >= 0 && tight <= 0.15, "\(tight)")
    }
}

@Suite struct HTTPDateTests {
    @Test func imfFixdateParses() {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX"); f.timeZone = TimeZone(identifier: "GMT")
        f.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        for t in [0.0, 784_111_777, 951_782_400, 1_767_225_600, 1_764_661_969, 4_102_444_799] {
            let text = f.string(from: Date(timeIntervalSince1970: t))
            #expect(ServerClock.parseForTesting(text) == t, "\(text)")
        }
        #expect(ServerClock.parseForTesting("yesterday") == nil)
    }
}
