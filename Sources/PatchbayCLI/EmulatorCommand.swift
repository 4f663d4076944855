import ArgumentParser
import ConnectEmulator
import Foundation

/// `patchbay emulator`: serve the local, wire-compatible Amazon Connect endpoint.
public struct EmulatorCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "emulator",
        abstract: "Serve a local, wire-compatible Amazon Connect endpoint.",
        discussion: """
        Prints `listening on http://HOST:PORT` and then the instance id on stdout, and serves \
        until SIGINT or SIGTERM. Point the AWS CLI, boto3 or patchbay at it with --endpoint-url.
        """
    )

    @Option(help: "Address to listen on.") var host: String = "127.0.0.1"
    @Option(help: "Port to listen on (0 = any free port).") var port: Int = 0
    @Option(name: .customLong("state"), help: "Persist the instance in this file (written atomically after each change).")
    var stateFile: String?
    @Option(name: .customLong("instance-id"), help: "Instance id of a new instance (default: a random UUID).")
    var instanceId: String?
    @Option(help: "Region served (requests must be signed for it).") var region: String = "us-east-1"
    @Option(name: .customLong("account-id"), help: "Account id used in ARNs.") var accountId: String = "123456789012"
    @Option(name: .customLong("access-key-id"), help: "Access key id requests must be signed with.") var accessKeyId: String = "test"
    @Option(name: .customLong("secret-access-key"), help: "Secret access key requests must be signed with.")
    var secretAccessKey: String = "test"
    @Option(help: "Per-operation token bucket: off, RATE:BURST (every operation), connect (Connect's per-operation quota table) or connect*N (that table N times faster).")
    var throttle: String = "off"
    @Option(name: .customLong("latency-ms"), help: "Delay added to every response, in milliseconds.") var latencyMs: Int = 0
    @Option(name: .customLong("prompt-objects"),
            help: "required (default): CreatePrompt/UpdatePrompt need the s3:// object in the emulator's S3 (PUT it first); any: accept any well-formed S3Uri.")
    var promptObjects: String = "required"
    @Option(name: .customLong("fault-rate"), help: "Fraction (0-1) of requests that fail with 500, 429 or a dropped connection.")
    var faultRate: Double = 0
    @Option(name: .customLong("request-log"), help: "Append one JSON line per request to this file.") var requestLog: String?
    @Option(name: .customLong("seed"), help: "Seed for ids and fault injection (repeatable runs).") var seed: UInt64?
    @Flag(name: .customLong("tags-bump-last-modified"),
          help: "TagResource and UntagResource update the resource's LastModifiedTime (Connect's documentation is silent; default: they do not).")
    var tagsBumpLastModified = false
    @Option(name: .customLong("quota"),
            help: ArgumentHelp("A per-instance resource quota, e.g. users=6000 (default: Connect's defaults for new accounts; docs/emulator.md lists the keys). Repeatable.",
                               valueName: "KEY=N"))
    var quota: [String] = []

    public init() {}

    public func run() async throws {
        try await serve()
    }

    func serve() async throws {
        var config = EmulatorConfiguration()
        config.host = host
        config.port = port
        config.stateFile = stateFile
        config.instanceId = instanceId
        config.region = region
        config.accountId = accountId
        config.accessKeyId = accessKeyId
        config.secretAccessKey = secretAccessKey
        config.latencyMs = latencyMs
        config.faultRate = faultRate
        guard let objects = EmulatorConfiguration.PromptObjects(rawValue: promptObjects) else {
            throw ValidationError("--prompt-objects must be 'required' or 'any', not '\(promptObjects)'")
        }
        config.promptObjects = objects
        config.requestLogFile = requestLog
        config.randomSeed = seed
        config.tagsBumpLastModified = tagsBumpLastModified
        do {
            try config.quotas.apply(quota)
            (config.throttle, config.throttleOverrides) = try ThrottleSetting.parseTable(throttle)
        } catch {
            throw ValidationError("\(error)")
        }
        let server = EmulatorServer(configuration: config)
        let url: URL
        do {
            url = try await server.start()
        } catch let e as EmulatorSetupError {
            FileHandle.standardError.write(Data("error: \(e.description)\n".utf8))
            throw ExitCode.failure
        }
        FileHandle.standardOutput.write(Data("listening on \(url.absoluteString)\n\(server.instanceId)\n".utf8))
        await Self.waitForTermination()
        FileHandle.standardError.write(Data("emulator: shutting down\n".utf8))
        try await server.shutdown()
    }

    /// Suspends until SIGINT or SIGTERM. Plain handlers plus a self-pipe: they override a
    /// SIGINT that the shell set to "ignore" for background jobs, which a dispatch signal
    /// source on Linux would never see.
    static func waitForTermination() async {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { return }
        terminationPipe = fds[1]
        for sig in [SIGINT, SIGTERM] {
            signal(sig) { _ in
                var byte: UInt8 = 1
                _ = write(terminationPipe, &byte, 1)
            }
        }
        let readEnd = fds[0]
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            Thread.detachNewThread {
                var byte: UInt8 = 0
                while read(readEnd, &byte, 1) < 0 && errno == EINTR {}
                continuation.resume()
            }
        }
    }
}

/// Write end of the self-pipe the signal handlers write to (set once, before they run).
nonisolated(unsafe) private var terminationPipe: Int32 = -1
