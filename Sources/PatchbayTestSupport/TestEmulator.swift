import AWSClient
import ConnectAPI
import ConnectEmulator
import ConnectHTTP
import Foundation
import SigV4

// The one way tests start an emulator and talk to it: an in-process `EmulatorServer` on a
// free port, with a request log, and a `ConnectClient` over real HTTP with SigV4.

/// A scratch directory removed at deinit.
public final class TempDir: Sendable {
    public let url: URL
    public init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("patchbay-e2e-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(at: url) }
    public func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    /// Copies a directory (e.g. examples/quickstart) into this one under `name`; returns its path.
    public func copy(_ source: URL, as name: String) throws -> URL {
        let target = url.appendingPathComponent(name)
        try FileManager.default.copyItem(at: source, to: target)
        return target
    }
}

/// One line of the emulator's request log.
public struct LoggedRequest: Decodable, Sendable {
    public var operation: String
    public var status: Int?
    public var fault: String?

    public var isWrite: Bool {
        !(operation.hasPrefix("Describe") || operation.hasPrefix("List") || operation.hasPrefix("Search") || operation.hasPrefix("Get")
          || operation.hasPrefix("Head"))
    }
}

/// An in-process emulator on port 0, with a request log and a client that talks to it
/// over HTTP with SigV4 (credentials test/test).
public final class TestEmulator: Sendable {
    public let server: EmulatorServer
    public let url: URL
    public let logPath: String
    public let client: ConnectClient
    private let transport: AWSHTTPTransport
    private let dir: TempDir

    public var instanceId: String { server.instanceId }

    public init(faultRate: Double = 0, seed: UInt64? = 42, throttle: ThrottleSetting? = nil, stateFile: String? = nil,
         instanceId: String? = nil, quotas: EmulatorQuotas = EmulatorQuotas(), latencyMs: Int = 0,
         tagsBumpLastModified: Bool = false) async throws {
        dir = try TempDir()
        logPath = dir.path("requests.jsonl")
        var config = EmulatorConfiguration()
        config.stateFile = stateFile
        config.quotas = quotas
        config.instanceId = instanceId
        config.requestLogFile = logPath
        config.faultRate = faultRate
        config.randomSeed = seed
        config.throttle = throttle
        config.latencyMs = latencyMs
        config.tagsBumpLastModified = tagsBumpLastModified
        server = EmulatorServer(configuration: config)
        url = try await server.start()
        var clientConfig = try AWSClientConfiguration(
            region: "us-east-1", endpoint: try AWSEndpoint(url.absoluteString),
            credentialProvider: StaticCredentialProvider(SigV4Credentials(accessKeyId: "test", secretAccessKey: "test")))
        clientConfig.rateLimits.enabled = false
        // The tests' own checking client (boto3's role in Swift) must see through injected faults:
        // at a 20% fault rate three attempts fail together often enough to flake a long test.
        if faultRate > 0 { clientConfig.retryPolicy.maxAttempts = 10 }
        transport = AWSHTTPTransport(configuration: clientConfig)
        client = ConnectClient(transport: transport)
    }

    /// `--endpoint-url … --instance-id … --region us-east-1 --rate-limit off`
    public var connectionArguments: [String] {
        ["--endpoint-url", url.absoluteString, "--instance-id", instanceId, "--region", "us-east-1", "--rate-limit", "off"]
    }

    /// Claims `number` in the instance (ClaimPhoneNumber, as a user would before Patchbay, which
    /// never claims numbers); returns the number's id and ARN.
    @discardableResult
    public func claimPhoneNumber(_ number: String) async throws -> (id: String, arn: String) {
        let body = Data(#"{"InstanceId":"\#(instanceId)","PhoneNumber":"\#(number)"}"#.utf8)
        let object = try JSONSerialization.jsonObject(with: try await client.perform(.claimPhoneNumber, input: body)) as? [String: Any]
        guard let id = object?["PhoneNumberId"] as? String, let arn = object?["PhoneNumberArn"] as? String else {
            throw EmulatorSetupError("ClaimPhoneNumber returned no PhoneNumberId / PhoneNumberArn")
        }
        return (id, arn)
    }

    /// Puts an object into the emulator's S3 (as a user would before CreatePrompt names it).
    public func putObject(_ s3Uri: String, body: Data = Data("RIFF....WAVE".utf8)) async throws {
        guard let bucket = s3Uri.hasPrefix("s3://") ? s3Uri.dropFirst(5).split(separator: "/", maxSplits: 1).map(String.init) : nil,
              bucket.count == 2 else { throw EmulatorSetupError("not an s3://BUCKET/KEY URI: \(s3Uri)") }
        let config = try AWSClientConfiguration(
            region: "us-east-1", endpoint: try AWSEndpoint(url.absoluteString),
            credentialProvider: StaticCredentialProvider(SigV4Credentials(accessKeyId: "test", secretAccessKey: "test")))
        let s3 = try S3ObjectClient(bucket: bucket[0], connect: config, endpoint: try AWSEndpoint(url.absoluteString))
        do {
            try await s3.putObject(key: bucket[1], body: body, contentType: "audio/wav")
        } catch {
            await s3.shutdown()
            throw error
        }
        await s3.shutdown()
    }

    /// Every request logged so far.
    public func requests() throws -> [LoggedRequest] {
        let text = (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? ""
        return try text.split(separator: "\n").map { try JSONDecoder().decode(LoggedRequest.self, from: Data($0.utf8)) }
    }

    /// Requests logged after `mark` (a count from `requests().count`).
    public func requests(since mark: Int) throws -> [LoggedRequest] { Array(try requests().dropFirst(mark)) }

    /// Successful write operations since `mark`, sorted.
    public func writes(since mark: Int) throws -> [String] {
        try requests(since: mark).filter { $0.isWrite && $0.status == 200 }.map(\.operation).sorted()
    }

    public func stop() async {
        try? await transport.shutdown()
        try? await server.shutdown()
    }
}

/// Starts an emulator, runs `body`, always stops it.
public func withEmulator<T>(faultRate: Double = 0, seed: UInt64? = 42,
                     _ body: (TestEmulator) async throws -> T) async throws -> T {
    let emulator = try await TestEmulator(faultRate: faultRate, seed: seed)
    do {
        let result = try await body(emulator)
        await emulator.stop()
        return result
    } catch {
        await emulator.stop()
        throw error
    }
}

