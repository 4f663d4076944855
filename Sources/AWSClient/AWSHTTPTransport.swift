import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOHTTP1
import SigV4

/// `AWSTransport` over AsyncHTTPClient: a small stack of rate limit → credentials →
/// sign → send → decode errors → retry, as the AWS SDKs' standard mode does.
///
/// One `HTTPClient` is shared by every call (and by the credential chain); call
/// `shutdown()` once at the end of the run. Each attempt is rate-limited and signed
/// afresh. Logs go to `logger` (operation, attempt, status, latency, request id —
/// never credentials, the Authorization header or bodies).
public final class AWSHTTPTransport: AWSTransport {
    public static let userAgent = "patchbay/0.1 swift/6 (\(platform))"
    #if os(Linux)
    static let platform = "linux"
    #else
    static let platform = "darwin"
    #endif

    public let configuration: AWSClientConfiguration
    public let statistics: CallStatistics
    public let retryQuota: RetryQuota
    public let rateLimiter: RateLimiter?
    /// The service's clock as its responses' `Date` headers tell it (for `AWSRequest.stamp`).
    public let serverClock: ServerClock
    public let credentialProvider: any CredentialProvider
    let httpClient: HTTPClient
    let ownsHTTPClient: Bool
    let logger: Logger
    let clock: AWSClock
    let random: AWSRandom
    let makeInvocationId: @Sendable () -> String

    /// - Parameters:
    ///   - configuration: from `AWSClientConfiguration.resolve(…)`.
    ///   - logger: call logs; `--verbose` sets it to debug.
    ///   - statistics: per-run call counts (shared with the reconciler's report).
    ///   - clock, random, invocationId: injected for exact tests.
    ///   - httpClient: a client to share; by default the transport creates and owns one.
    public init(configuration: AWSClientConfiguration, logger: Logger = Logger(label: "patchbay.aws"),
                statistics: CallStatistics = CallStatistics(), clock: AWSClock = SystemClock(),
                random: AWSRandom = SystemRandom(), invocationId: (@Sendable () -> String)? = nil,
                httpClient: HTTPClient? = nil) {
        self.configuration = configuration
        self.logger = logger
        self.statistics = statistics
        self.clock = clock
        self.random = random
        self.makeInvocationId = invocationId ?? { UUID().uuidString.lowercased() }
        if let httpClient {
            self.httpClient = httpClient
            self.ownsHTTPClient = false
        } else {
            self.httpClient = HTTPClient(
                eventLoopGroup: HTTPClient.defaultEventLoopGroup,
                configuration: HTTPClient.Configuration(
                    tlsConfiguration: nil,  // default: full certificate verification
                    redirectConfiguration: .disallow,
                    timeout: .init(connect: .milliseconds(Int64(configuration.connectTimeout * 1000)),
                                   read: .milliseconds(Int64(configuration.requestTimeout * 1000))),
                    connectionPool: Self.connectionPool,
                    proxy: nil, ignoreUncleanSSLShutdown: false, decompression: .disabled))
            self.ownsHTTPClient = true
        }
        self.retryQuota = RetryQuota(capacity: configuration.retryPolicy.quotaCapacity)
        self.serverClock = ServerClock(clock: clock)
        self.rateLimiter = configuration.rateLimits.makeLimiter(clock: clock)
        var credentialLogger = logger
        credentialLogger[metadataKey: "component"] = "credentials"
        self.credentialProvider = configuration.credentialProvider
            ?? CredentialChain.standard(context: configuration.credentialContext, http: SimpleHTTP(client: self.httpClient),
                                        logger: credentialLogger)
    }

    /// Shuts down the HTTP client (when the transport created it).
    public func shutdown() async throws {
        if ownsHTTPClient { try await httpClient.shutdown() }
    }

    public func send(_ request: AWSRequest) async throws -> AWSResponse {
        let policy = configuration.retryPolicy
        let invocationId = makeInvocationId()
        let operation = request.operation
        var attempt = 0
        var standardAttempts = 0
        var consistencyRetries = 0
        let maxHeader = policy.maxAttempts + (request.consistencyRetry?.maxRetries ?? 0)
        var lastRetryCost: Int?
        var limitExceededRetries = 0
        var log = logger
        log[metadataKey: "operation"] = "\(operation)"
        log[metadataKey: "invocation"] = "\(invocationId)"

        while true {
            attempt += 1
            standardAttempts += 1
            try Task.checkCancellation()
            var waited = 0.0
            if let rateLimiter { waited = try await rateLimiter.acquire(operation) }

            let credentials = try await currentCredentials(operation, attempt: attempt)

            let prepared = prepare(stamped(request), credentials: credentials, attempt: attempt, maxAttempts: maxHeader,
                                   invocationId: invocationId)
            statistics.recordAttempt(operation, attempt: attempt)
            let (outcome, latencyMs) = await executeTimed(prepared, operation: operation)
            var attemptLog = log
            attemptLog[metadataKey: "attempt"] = "\(attempt)/\(maxHeader)"
            attemptLog[metadataKey: "latency_ms"] = "\(latencyMs)"
            if waited > 0 { attemptLog[metadataKey: "rate_limit_wait_ms"] = "\(Int((waited * 1000).rounded()))" }

            let failure: Error, errorClass: RetryPolicy.ErrorClass, retryAfterMs: Double?
            switch await evaluate(outcome, operation, &attemptLog) {
            case let .success(response):
                retryQuota.release(lastRetryCost ?? policy.noRetryIncrement)
                return response
            case let .failed(error, errorClassOfFailure, retryAfter):
                (failure, errorClass, retryAfterMs) = (error, errorClassOfFailure, retryAfter)
            }

            // Eventual consistency: a bounded extra retry of the codes the caller named.
            if let consistency = request.consistencyRetry, let service = failure as? AWSServiceError,
               consistency.codes.contains(service.code), consistencyRetries < consistency.maxRetries {
                consistencyRetries += 1
                standardAttempts -= 1
                let delay = consistency.baseDelay * pow(2, Double(consistencyRetries - 1)) * (0.5 + random.next() / 2)
                attemptLog[metadataKey: "retry_in_ms"] = "\(Int((delay * 1000).rounded()))"
                attemptLog[metadataKey: "class"] = "consistency"
                attemptLog.info("call failed, retrying (eventual consistency)")
                try await clock.sleep(seconds: delay)
                continue
            }

            // Decide whether to retry.
            let cost = errorClass == .throttling ? policy.throttlingRetryCost : policy.transientRetryCost
            var reason = Self.givingUp(errorClass, failure, standardAttempts: standardAttempts,
                                       limitExceededRetries: limitExceededRetries, policy: policy)
            if reason == nil, !retryQuota.acquire(cost) {
                reason = "retry quota exhausted"
            }
            if let reason {
                attemptLog[metadataKey: "giving_up"] = "\(reason)"
                attemptLog.info("call failed")
                statistics.recordOutcome(operation, errorCode: (failure as? AWSServiceError)?.code
                                         ?? (failure as? AWSTransportError).map { $0.kind.rawValue } ?? "error")
                throw failure
            }
            if (failure as? AWSServiceError)?.code == ConnectErrorCode.limitExceeded.rawValue { limitExceededRetries += 1 }
            lastRetryCost = cost
            let delay = policy.backoff(failedAttempt: standardAttempts, errorClass: errorClass, random: random.next(),
                                       retryAfterMs: retryAfterMs)
            attemptLog[metadataKey: "retry_in_ms"] = "\(Int((delay * 1000).rounded()))"
            attemptLog[metadataKey: "class"] = "\(errorClass.rawValue)"
            attemptLog.info("call failed, retrying")
            try await clock.sleep(seconds: delay)
        }
    }

    /// The request with the service's time filled in (`AWSRequest.stamp`): as late as possible,
    /// after the rate limiter's wait, before signing.
    private func stamped(_ request: AWSRequest) -> AWSRequest {
        guard let stamp = request.stamp else { return request }
        var attempt = request
        attempt.body = stamp(request.body, serverClock.upperBound() ?? clock.now.timeIntervalSince1970)
        return attempt
    }

    /// One attempt, its latency, and its response's `Date` header fed to the server clock.
    private func executeTimed(_ prepared: PreparedRequest, operation: String) async -> (Outcome, latencyMs: Int) {
        let start = clock.uptime
        let outcome = await execute(prepared, operation: operation)
        let end = clock.uptime
        if case let .response(_, headers, _) = outcome,
           let date = headers.first(where: { $0.name.caseInsensitiveCompare("Date") == .orderedSame })?.value {
            serverClock.record(dateHeader: date, sent: start, received: end)
        }
        return (outcome, Int(((end - start) * 1000).rounded()))
    }

    private enum AttemptResult {
        case success(AWSResponse)
        case failed(Error, RetryPolicy.ErrorClass, retryAfterMs: Double?)
    }

    /// The credentials for one attempt; a failure to get them ends the call.
    private func currentCredentials(_ operation: String, attempt: Int) async throws -> SigV4Credentials {
        do {
            return try await credentialProvider.credentials()
        } catch let error as AWSTransportError {
            statistics.recordAttempt(operation, attempt: attempt)
            statistics.recordOutcome(operation, errorCode: "credentials")
            throw AWSTransportError(error.kind, error.message, operation: operation)
        } catch {
            statistics.recordAttempt(operation, attempt: attempt)
            statistics.recordOutcome(operation, errorCode: "credentials")
            throw AWSTransportError(.credentials, "\(error)", operation: operation)
        }
    }

    /// What one attempt's outcome means: the response, or the error and how it may be retried
    /// (a throttle also slows the operation's bucket).
    private func evaluate(_ outcome: Outcome, _ operation: String, _ attemptLog: inout Logger) async -> AttemptResult {
        switch outcome {
        case .response(let status, let headers, let body) where (200..<300).contains(status):
            let response = AWSResponse(status: status, headers: headers, body: body)
            attemptLog[metadataKey: "status"] = "\(status)"
            if let id = response.header("x-amzn-RequestId") { attemptLog[metadataKey: "request_id"] = "\(id)" }
            attemptLog.debug("call succeeded")
            await rateLimiter?.recordSuccess(operation)
            statistics.recordOutcome(operation, errorCode: nil)
            return .success(response)
        case .response(let status, let headers, let body):
            let error = AWSServiceError.decode(status: status, headers: headers, body: body, operation: operation)
            attemptLog[metadataKey: "status"] = "\(status)"
            attemptLog[metadataKey: "error"] = "\(error.code)"
            if let id = error.requestId { attemptLog[metadataKey: "request_id"] = "\(id)" }
            let errorClass = RetryPolicy.classify(error)
            let retryAfterMs = headers.first { $0.name.lowercased() == "x-amz-retry-after" }.flatMap { Double($0.value) }
            // LimitExceededException is a resource quota, not a rate: it does not slow the bucket.
            if errorClass == .throttling, error.code != ConnectErrorCode.limitExceeded.rawValue {
                statistics.recordThrottle(operation)
                await rateLimiter?.recordThrottle(operation)
            }
            return .failed(error, errorClass, retryAfterMs: retryAfterMs)
        case .failure(let error):
            attemptLog[metadataKey: "error"] = "\(error.kind.rawValue)"
            return .failed(error.asTransportError, error.retryable ? RetryPolicy.classify(error.asTransportError) : .notRetryable,
                           retryAfterMs: nil)
        }
    }

    /// Why a failed call is not retried (nil: it may be, if the retry quota allows).
    private static func givingUp(_ errorClass: RetryPolicy.ErrorClass, _ failure: Error, standardAttempts: Int,
                                 limitExceededRetries: Int, policy: RetryPolicy) -> String? {
        if errorClass == .notRetryable { return "not retryable" }
        if standardAttempts >= policy.maxAttempts {
            // The log's `attempt=N/M` counts every attempt, eventual-consistency retries included;
            // say how the limit relates to it so the two never seem to disagree.
            return "max attempts (\(policy.maxAttempts), not counting eventual-consistency retries) reached"
        }
        if (failure as? AWSServiceError)?.code == ConnectErrorCode.limitExceeded.rawValue,
           limitExceededRetries >= policy.limitExceededRetries {
            return "LimitExceededException is a resource quota; retried \(limitExceededRetries) time(s)"
        }
        return nil
    }

    // MARK: - Request preparation

    struct PreparedRequest {
        var method: String
        var url: String
        var headers: [(name: String, value: String)]
        var body: Data
    }

    func prepare(_ request: AWSRequest, credentials: SigV4Credentials, attempt: Int, maxAttempts: Int,
                 invocationId: String) -> PreparedRequest {
        let endpoint = configuration.endpoint
        let path = endpoint.fullPath(request.path)
        var toSign: [(name: String, value: String)] = [(name: "Host", value: endpoint.hostHeader)]
        let hasContentType = request.headers.contains { $0.name.lowercased() == "content-type" }
        if !request.body.isEmpty && !hasContentType {
            toSign.append((name: "Content-Type", value: "application/json"))
        }
        toSign += request.headers.filter { $0.name.lowercased() != "host" }
        let signature = SigV4Signer(credentials: credentials, region: configuration.region, service: configuration.service)
            .sign(method: request.method, path: path, query: request.query, headers: toSign, body: request.body,
                  date: clock.now)
        var headers = toSign + signature.headersToAdd
        headers.append((name: "User-Agent", value: Self.userAgent))
        headers.append((name: "amz-sdk-invocation-id", value: invocationId))
        headers.append((name: "amz-sdk-request", value: "attempt=\(attempt); max=\(maxAttempts)"))
        return PreparedRequest(method: request.method, url: endpoint.url(path: path, query: request.query),
                               headers: headers, body: request.body)
    }

    // MARK: - Execution

    enum Outcome {
        case response(status: Int, headers: [(name: String, value: String)], body: Data)
        case failure(TransportFailure)
    }

    struct TransportFailure: Error, CustomStringConvertible {
        var kind: AWSTransportError.Kind
        var message: String
        var retryable: Bool
        var operation: String
        var description: String { "\(operation): \(message)" }
    }

    func execute(_ prepared: PreparedRequest, operation: String) async -> Outcome {
        var request = HTTPClientRequest(url: prepared.url)
        request.method = HTTPMethod(rawValue: prepared.method)
        for h in prepared.headers { request.headers.add(name: h.name, value: h.value) }
        if !prepared.body.isEmpty {
            request.body = .bytes(ByteBuffer(bytes: prepared.body))
        }
        let client = httpClient, seconds = configuration.requestTimeout, sending = request
        do {
            // One deadline for the whole attempt: connect, headers and body. AsyncHTTPClient's own
            // timeouts cover the head, and its read timeout only the gap between two reads, so a
            // body trickled a byte at a time would otherwise never end (issue 16 item 5).
            return try await Self.within(seconds) {
                let response = try await client.execute(sending, timeout: .milliseconds(Int64(seconds * 1000)))
                let body = try await response.body.collect(upTo: 64 << 20)
                return .response(status: Int(response.status.code),
                                 headers: response.headers.map { (name: $0.name, value: $0.value) },
                                 body: Data(body.readableBytesView))
            }
        } catch is AttemptDeadline {
            return .failure(TransportFailure(kind: .timeout, message: "timed out (no complete response within \(seconds) s)",
                                             retryable: true, operation: operation))
        } catch {
            return .failure(Self.classifyTransportError(error, operation: operation))
        }
    }

    struct AttemptDeadline: Error {}

    /// A refused or failed connection fails the attempt at once, and the retry policy (backoff,
    /// attempt count, the retry quota) decides what happens next, as for every other connection
    /// error: AsyncHTTPClient's own re-connecting would hold each attempt until the connect timeout
    /// (a refused connection cost 20 s before the first error; issue 16 item 5).
    static var connectionPool: HTTPClient.Configuration.ConnectionPool {
        var pool = HTTPClient.Configuration.ConnectionPool(idleTimeout: .seconds(60))
        pool.retryConnectionEstablishment = false
        return pool
    }

    /// `body`'s result, or `AttemptDeadline` once `seconds` have passed (`body` is cancelled).
    static func within<T: Sendable>(_ seconds: Double, _ body: @escaping @Sendable () async throws -> T) async throws -> T {
        try await withThrowingTaskGroup(of: T.self) { group in
            group.addTask { try await body() }
            group.addTask {
                try await Task.sleep(nanoseconds: UInt64(max(0, seconds) * 1e9))
                throw AttemptDeadline()
            }
            defer { group.cancelAll() }
            guard let first = try await group.next() else { throw AttemptDeadline() }
            return first
        }
    }

    static func classifyTransportError(_ error: Error, operation: String) -> TransportFailure {
        if error is CancellationError || Task.isCancelled {
            return TransportFailure(kind: .connection, message: "cancelled", retryable: false, operation: operation)
        }
        let typeName = String(reflecting: type(of: error))
        if typeName.contains("NIOSSL") || typeName.contains("BoringSSL") {
            return TransportFailure(kind: .connection, message: "TLS failure (certificates are always verified): \(error)",
                                    retryable: false, operation: operation)
        }
        if let e = error as? HTTPClientError {
            switch e {
            case .deadlineExceeded, .readTimeout, .connectTimeout, .writeTimeout:
                return TransportFailure(kind: .timeout, message: "timed out (\(e))", retryable: true, operation: operation)
            case .cancelled:
                return TransportFailure(kind: .connection, message: "cancelled", retryable: false, operation: operation)
            case .invalidURL, .emptyHost, .emptyScheme, .alreadyShutdown:
                return TransportFailure(kind: .configuration, message: "\(e)", retryable: false, operation: operation)
            default:
                break
            }
        }
        return TransportFailure(kind: .connection, message: "connection error: \(error)", retryable: true, operation: operation)
    }
}

extension AWSHTTPTransport.TransportFailure {
    var asTransportError: AWSTransportError { AWSTransportError(kind, message, operation: operation) }
}
