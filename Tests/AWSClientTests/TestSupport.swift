import AWSClient
import Foundation
import Logging
import SigV4

/// A clock whose sleeps return at once and advance virtual time; records every sleep.
final class VirtualClock: AWSClock, @unchecked Sendable {
    private let lock = NSLock()
    private var wall: Date
    private var mono: Double = 1000
    private var slept: [Double] = []
    /// When false, sleeping does not advance time (to observe raw reservations).
    let advancesOnSleep: Bool

    init(start: Date = Date(timeIntervalSince1970: 1_767_225_600), advancesOnSleep: Bool = true) {  // 2026-01-01
        wall = start
        self.advancesOnSleep = advancesOnSleep
    }

    var now: Date { lock.withLock { wall } }
    var uptime: Double { lock.withLock { mono } }
    var sleeps: [Double] { lock.withLock { slept } }

    func sleep(seconds: Double) async throws {
        lock.withLock {
            slept.append(seconds)
            if advancesOnSleep, seconds > 0 {
                mono += seconds
                wall = wall.addingTimeInterval(seconds)
            }
        }
    }

    func advance(_ seconds: Double) {
        lock.withLock {
            mono += seconds
            wall = wall.addingTimeInterval(seconds)
        }
    }
}

struct FixedRandom: AWSRandom {
    var value: Double
    func next() -> Double { value }
}

let testCredentials = SigV4Credentials(accessKeyId: "AKIDTESTEXAMPLE", secretAccessKey: "TESTSECRETwJalrXUtnFEMI/K7MDENG",
                                       sessionToken: "TESTSESSIONTOKEN//////////wEaDN+xyz==")

/// Builds a transport against a test server, runs `body`, and always shuts it down.
func withTransport<T>(
    server: TestHTTPServer, maxAttempts: Int = 3, clock: AWSClock = VirtualClock(), random: Double = 0.5,
    rateLimits: AWSClientConfiguration.RateLimitConfiguration? = nil, requestTimeout: Double = 10, connectTimeout: Double = 10,
    credentials: (any CredentialProvider)? = StaticCredentialProvider(testCredentials),
    environment: [String: String] = [:], logger: Logger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }), statistics: CallStatistics = CallStatistics(),
    _ body: (AWSHTTPTransport) async throws -> T
) async throws -> T {
    var config = try AWSClientConfiguration(region: "eu-west-2", endpoint: AWSEndpoint(server.url),
                                            retryPolicy: RetryPolicy(maxAttempts: maxAttempts), environment: environment,
                                            credentialProvider: credentials)
    if let rateLimits {
        config.rateLimits = rateLimits
    } else {
        config.rateLimits.enabled = false
    }
    config.requestTimeout = requestTimeout
    config.connectTimeout = connectTimeout
    let transport = AWSHTTPTransport(configuration: config, logger: logger, statistics: statistics, clock: clock,
                                     random: FixedRandom(value: random))
    do {
        let result = try await body(transport)
        try await transport.shutdown()
        return result
    } catch {
        try? await transport.shutdown()
        throw error
    }
}

/// Runs `body` with a fresh server and always stops it.
func withServer<T>(router: (@Sendable (TestHTTPServer.Request) -> TestHTTPServer.Action)? = nil,
                   _ body: (TestHTTPServer) async throws -> T) async throws -> T {
    let server = try await TestHTTPServer(router: router)
    do {
        let result = try await body(server)
        await server.stop()
        return result
    } catch {
        await server.stop()
        throw error
    }
}

/// A temporary directory removed after `body`.
func withTemporaryDirectory<T>(_ body: (URL) async throws -> T) async throws -> T {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("patchbay-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    return try await body(dir)
}

func write(_ text: String, to url: URL) throws {
    try text.write(to: url, atomically: true, encoding: .utf8)
}

/// Captures every log event as a line of text (message and all metadata).
final class LogCapture: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [String] = []
    var lines: [String] { lock.withLock { stored } }
    func append(_ line: String) { lock.withLock { stored.append(line) } }

    var logger: Logger {
        var logger = Logger(label: "capture") { _ in CapturingLogHandler(capture: self) }
        logger.logLevel = .trace
        return logger
    }
}

struct CapturingLogHandler: LogHandler {
    let capture: LogCapture
    var logLevel: Logger.Level = .trace
    var metadata: Logger.Metadata = [:]
    var metadataProvider: Logger.MetadataProvider?

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { _, new in new }
        let meta = merged.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        capture.append("\(event.level) \(event.message) \(meta)\(event.error.map { " error=\($0)" } ?? "")")
    }
}

/// STS XML for a successful AssumeRole / AssumeRoleWithWebIdentity.
func stsCredentialsXML(action: String, accessKeyId: String, secret: String, token: String, expiration: String) -> String {
    """
    <\(action)Response xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
      <\(action)Result>
        <Credentials>
          <AccessKeyId>\(accessKeyId)</AccessKeyId>
          <SecretAccessKey>\(secret)</SecretAccessKey>
          <SessionToken>\(token)</SessionToken>
          <Expiration>\(expiration)</Expiration>
        </Credentials>
      </\(action)Result>
      <ResponseMetadata><RequestId>c6104cbe-af31-11e0-8154-cbc7ccf896c7</RequestId></ResponseMetadata>
    </\(action)Response>
    """
}
