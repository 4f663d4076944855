import AWSClient
import Foundation
import SigV4
import Testing

@Suite("standard-mode retries over loopback HTTP")
struct RetryTests {
    let request = AWSRequest(operation: "DescribeQueue", method: "GET", path: "/queues/i-1/q-1")
    static let throttle = TestHTTPServer.Action.json(429, #"{"message":"Rate exceeded"}"#, headers: [("x-amzn-ErrorType", "ThrottlingException")])
    static let internalError = TestHTTPServer.Action.json(500, #"{"message":"boom"}"#, headers: [("x-amzn-ErrorType", "InternalServiceException")])

    @Test func retriesThrottlingWithThrottlingBackoff() async throws {
        try await withServer { server in
            server.enqueue(Self.throttle, Self.throttle, .json(200, #"{"Queue":{}}"#))
            let clock = VirtualClock()
            let stats = CallStatistics()
            let response = try await withTransport(server: server, clock: clock, random: 1.0, statistics: stats) {
                try await $0.send(request)
            }
            #expect(response.status == 200)
            #expect(server.requests.count == 3)
            // rand × min(1 s × 2^(n−1), 20 s) with rand = 1: 1 s, 2 s.
            #expect(clock.sleeps == [1.0, 2.0])
            #expect(server.requests.map { $0.header("amz-sdk-request") } == ["attempt=1; max=3", "attempt=2; max=3", "attempt=3; max=3"])
            let ids = Set(server.requests.compactMap { $0.header("amz-sdk-invocation-id") })
            #expect(ids.count == 1)
            // Each attempt is signed afresh (the virtual clock moved).
            #expect(Set(server.requests.compactMap { $0.header("X-Amz-Date") }).count == 3)
            let counts = try #require(stats.snapshot()["DescribeQueue"])
            #expect(counts.calls == 1 && counts.attempts == 3 && counts.throttled == 2 && counts.succeeded == 1 && counts.failed == 0)
        }
    }

    @Test func retriesServerErrorsWithTransientBackoff() async throws {
        try await withServer { server in
            server.enqueue(Self.internalError, .json(503, "{}"), .ok)
            let clock = VirtualClock()
            _ = try await withTransport(server: server, clock: clock, random: 1.0) { try await $0.send(request) }
            #expect(server.requests.count == 3)
            #expect(clock.sleeps == [0.05, 0.1])
        }
    }

    @Test func retriesDroppedConnection() async throws {
        try await withServer { server in
            server.enqueue(.drop, .drop, .ok)
            let clock = VirtualClock()
            let response = try await withTransport(server: server, clock: clock) { try await $0.send(request) }
            #expect(response.status == 200)
            #expect(server.requests.count == 3)
            #expect(clock.sleeps.count == 2)
        }
    }

    @Test func retriesConnectionReset() async throws {
        try await withServer { server in
            server.enqueue(.reset, .ok)
            let clock = VirtualClock()
            let response = try await withTransport(server: server, clock: clock, random: 1) { try await $0.send(request) }
            #expect(response.status == 200)
            #expect(server.requests.count == 2)
            #expect(clock.sleeps == [0.05])
        }
    }

    @Test func connectionRefusedIsRetriedThenSurfaced() async throws {
        // A port nothing listens on: bind a server, note its port, stop it.
        let server = try await TestHTTPServer()
        await server.stop()
        let clock = VirtualClock()
        let error = try await #require(throws: AWSTransportError.self) {
            try await withTransport(server: server, maxAttempts: 2, clock: clock, connectTimeout: 0.5) { try await $0.send(request) }
        }
        #expect(error.kind == .connection)
        #expect(error.operation == "DescribeQueue")
        #expect(clock.sleeps.count == 1)
    }

    @Test func noRetryOn400() async throws {
        try await withServer { server in
            server.enqueue(.json(400, #"{"message":"bad"}"#, headers: [("x-amzn-ErrorType", "InvalidParameterException")]), .ok)
            let clock = VirtualClock()
            let error = try await #require(throws: AWSServiceError.self) {
                try await withTransport(server: server, clock: clock) { try await $0.send(request) }
            }
            #expect(error.code == "InvalidParameterException")
            #expect(server.requests.count == 1)
            #expect(clock.sleeps.isEmpty)
        }
    }

    @Test(arguments: [1, 2, 5])
    func attemptsHonourAWSMaxAttempts(_ n: Int) async throws {
        let policy = try RetryPolicy.fromEnvironment(["AWS_MAX_ATTEMPTS": String(n)])
        #expect(policy.maxAttempts == n)
        try await withServer(router: { _ in Self.internalError }) { server in
            let error = try await #require(throws: AWSServiceError.self) {
                try await withTransport(server: server, maxAttempts: policy.maxAttempts) { try await $0.send(request) }
            }
            #expect(error.code == "InternalServiceException")
            #expect(server.requests.count == n)
            #expect(server.requests.last?.header("amz-sdk-request") == "attempt=\(n); max=\(n)")
        }
        #expect(throws: AWSTransportError.self) { try RetryPolicy.fromEnvironment(["AWS_MAX_ATTEMPTS": "0"]) }
        #expect(try RetryPolicy.fromEnvironment([:]).maxAttempts == 3)
    }

    @Test func limitExceededRetriedOnceThenSurfaced() async throws {
        let limit = TestHTTPServer.Action.json(429, #"{"Message":"The allowed limit for the resource has been exceeded."}"#,
                                               headers: [("x-amzn-ErrorType", "LimitExceededException")])
        try await withServer(router: { _ in limit }) { server in
            let stats = CallStatistics()
            let error = try await #require(throws: AWSServiceError.self) {
                try await withTransport(server: server, maxAttempts: 5, rateLimits: AWSClientConfiguration.RateLimitConfiguration(),
                                        statistics: stats) { t in
                    do {
                        return try await t.send(request)
                    } catch {
                        // A quota, not a rate: the operation's bucket keeps its rate.
                        #expect(await t.rateLimiter?.currentRate("DescribeQueue") == 2)
                        throw error
                    }
                }
            }
            #expect(error.code == "LimitExceededException")
            #expect(server.requests.count == 2)
            #expect(stats.snapshot()["DescribeQueue"]?.throttled == 0)
        }
    }

    @Test func retryAfterHeaderHonouredWithinBounds() async throws {
        try await withServer { server in
            let t1 = TestHTTPServer.Action.json(429, "{}", headers: [("x-amzn-ErrorType", "ThrottlingException"), ("x-amz-retry-after", "1500")])
            let t2 = TestHTTPServer.Action.json(429, "{}", headers: [("x-amzn-ErrorType", "ThrottlingException"), ("x-amz-retry-after", "60000")])
            let t3 = TestHTTPServer.Action.json(429, "{}", headers: [("x-amzn-ErrorType", "ThrottlingException"), ("x-amz-retry-after", "10")])
            server.enqueue(t1, t2, t3, .ok)
            let clock = VirtualClock()
            _ = try await withTransport(server: server, maxAttempts: 4, clock: clock, random: 0.5) { try await $0.send(request) }
            // computed 0.5, 1.0, 2.0; retry-after 1.5 s kept, 60 s clamped to 1.0 + 5, 10 ms raised to 2.0.
            #expect(clock.sleeps == [1.5, 6.0, 2.0])
        }
    }

    @Test func backoffFormula() {
        let p = RetryPolicy()
        #expect(p.backoff(failedAttempt: 1, errorClass: .transient, random: 1, retryAfterMs: nil) == 0.05)
        #expect(p.backoff(failedAttempt: 3, errorClass: .transient, random: 1, retryAfterMs: nil) == 0.2)
        #expect(p.backoff(failedAttempt: 10, errorClass: .throttling, random: 1, retryAfterMs: nil) == 20)
        #expect(p.backoff(failedAttempt: 2, errorClass: .throttling, random: 0, retryAfterMs: nil) == 0)
    }

    @Test func retryQuotaStopsRetriesAndRefunds() async throws {
        let quota = RetryQuota(capacity: 20)
        #expect(quota.acquire(14))
        #expect(!quota.acquire(14))
        #expect(quota.available == 6)
        quota.release(100)
        #expect(quota.available == 20)

        // Over HTTP: a transport's quota of 500 allows 35 transient retries (14 each).
        try await withServer(router: { _ in Self.internalError }) { server in
            try await withTransport(server: server, maxAttempts: 3) { transport in
                var failures = 0
                for _ in 0..<20 {
                    do { _ = try await transport.send(request) } catch { failures += 1 }
                }
                #expect(failures == 20)
                // 17 calls × 2 retries = 34 retries × 14 = 476 tokens; the 18th call can
                // pay one more retry (24 → 10), then none.
                #expect(transport.retryQuota.available == 10)
            }
            #expect(server.requests.count == 20 + 35)
        }
    }

    @Test func successRefundsQuota() async throws {
        try await withServer { server in
            server.enqueue(Self.internalError, .ok)
            try await withTransport(server: server) { transport in
                _ = try await transport.send(request)
                #expect(transport.retryQuota.available == 500)  // 14 taken, 14 refunded
            }
        }
    }

    @Test func requestTimeoutIsATimeoutError() async throws {
        try await withServer { server in
            server.enqueue(.delay(3, .ok))
            let error = try await #require(throws: AWSTransportError.self) {
                try await withTransport(server: server, maxAttempts: 1, requestTimeout: 0.3) { try await $0.send(request) }
            }
            #expect(error.kind == .timeout)
        }
    }

    /// Issue 16 item 5: a refused connection fails fast (each attempt at once, then the retry
    /// policy's backoff), not after the connect timeout per attempt.
    @Test(.timeLimit(.minutes(1)))
    func refusedConnectionFailsFast() async throws {
        let port: Int
        do {  // a port nothing listens on: bound, then closed
            let server = try await TestHTTPServer()
            port = server.port
            await server.stop()
        }
        var config = try AWSClientConfiguration(
            region: "us-east-1", endpoint: try AWSEndpoint("http://127.0.0.1:\(port)"),
            credentialProvider: StaticCredentialProvider(SigV4Credentials(accessKeyId: "test", secretAccessKey: "test")))
        config.connectTimeout = 10
        config.rateLimits.enabled = false
        let transport = AWSHTTPTransport(configuration: config)
        let started = ContinuousClock.now
        let error = await #expect(throws: AWSTransportError.self) { try await transport.send(request) }
        let elapsed = ContinuousClock.now - started
        try await transport.shutdown()
        #expect(error?.kind == .connection, "\(String(describing: error))")
        #expect(elapsed < .seconds(8), "took \(elapsed); one connect timeout is 10 s")
    }

    /// Issue 16 item 5: a body trickled one byte at a time (each read well within the read
    /// timeout) still ends at the attempt's deadline, which covers connect, headers and body.
    @Test(.timeLimit(.minutes(1)))
    func trickledBodyEndsAtTheAttemptDeadline() async throws {
        try await withServer { server in
            server.enqueue(.trickle(body: String(repeating: " ", count: 400) + "{}", interval: 0.1))
            let started = ContinuousClock.now
            let error = try await #require(throws: AWSTransportError.self) {
                try await withTransport(server: server, maxAttempts: 1, requestTimeout: 1) { try await $0.send(request) }
            }
            let elapsed = ContinuousClock.now - started
            #expect(error.kind == .timeout, "\(error)")
            #expect(elapsed < .seconds(20), "took \(elapsed) (the body alone takes 40 s; a loaded CI machine took 5.6 s)")
        }
    }
}

@Suite("eventual-consistency retries")
struct ConsistencyRetryTests {
    static let notFound = TestHTTPServer.Action.json(404, #"{"Message":"not yet"}"#, headers: [("x-amzn-ErrorType", "ResourceNotFoundException")])

    @Test func notFoundAfterCreateIsRetriedBounded() async throws {
        try await withServer { server in
            server.enqueue(Self.notFound, Self.notFound, .ok)
            let clock = VirtualClock()
            var request = AWSRequest(operation: "DescribeUser", method: "GET", path: "/users/i/u")
            request.consistencyRetry = .afterCreate
            _ = try await withTransport(server: server, clock: clock, random: 0.5) { try await $0.send(request) }
            #expect(server.requests.count == 3)
            #expect(clock.sleeps == [0.375, 0.75])
            #expect(server.requests.map { $0.header("amz-sdk-request") } == ["attempt=1; max=7", "attempt=2; max=7", "attempt=3; max=7"])
        }
    }

    @Test func giveUpAfterMaxRetriesAndNotWithoutOptIn() async throws {
        try await withServer(router: { _ in Self.notFound }) { server in
            var request = AWSRequest(operation: "DescribeUser", method: "GET", path: "/users/i/u")
            request.consistencyRetry = ConsistencyRetry(maxRetries: 2, baseDelay: 0.1)
            try await withTransport(server: server) { t in
                await #expect(throws: AWSServiceError.self) { try await t.send(request) }
                #expect(server.requests.count == 3)
                request.consistencyRetry = nil
                await #expect(throws: AWSServiceError.self) { try await t.send(request) }
                #expect(server.requests.count == 4)
            }
        }
    }
}
