import AWSClient
import ConnectAPI
import ConnectEmulator
import ConnectHTTP
import Foundation
import Logging
import Model
import SigV4

/// A connection to one Connect instance: AWS (resolved the way the AWS CLI does) or the
/// embedded emulator.
final class ConnectSession: Sendable {
    let client: ConnectClient
    let instanceId: String
    let region: String
    let transport: AWSHTTPTransport
    let emulator: EmulatorServer?
    /// Where the endpoint came from, for messages.
    let endpointDescription: String
    /// Connect's configuration, from which S3's is derived (prompts' audio).
    let configuration: AWSClientConfiguration
    /// `--timeout`, started when the session was opened.
    let deadline: CommandDeadline?

    private init(client: ConnectClient, instanceId: String, region: String, transport: AWSHTTPTransport,
                 emulator: EmulatorServer?, endpointDescription: String, configuration: AWSClientConfiguration,
                 deadline: CommandDeadline?) {
        self.configuration = configuration
        self.deadline = deadline
        self.client = client
        self.instanceId = instanceId
        self.region = region
        self.transport = transport
        self.emulator = emulator
        self.endpointDescription = endpointDescription
    }

    static func open(_ options: ConnectionOptions, manifest: InstanceTarget?, manifestPath: String? = nil,
                     environmentName: String? = nil) async throws -> ConnectSession {
        // Counted from here: the emulator's start and the reads are part of the command.
        let deadline = try options.deadline()
        let environment = ProcessInfo.processInfo.environment
        var logger = Logger(label: "patchbay.aws")
        logger.logLevel = options.verbose ? .debug : .warning
        let wantedInstance = options.instanceId ?? manifest?.id

        var emulator: EmulatorServer?
        var configuration: AWSClientConfiguration
        var instanceId: String
        if options.emulator {
            let statePath = options.emulatorStatePath(manifestPath: manifestPath, environment: environmentName)
            var emulatorConfig = EmulatorConfiguration()
            emulatorConfig.stateFile = statePath
            emulatorConfig.instanceId = wantedInstance
            emulatorConfig.region = options.region ?? manifest?.region ?? "us-east-1"
            try FileManager.default.createDirectory(
                at: URL(fileURLWithPath: statePath).deletingLastPathComponent(), withIntermediateDirectories: true)
            let server = EmulatorServer(configuration: emulatorConfig)
            let url: URL
            do {
                url = try await server.start()
            } catch let error as EmulatorSetupError where error.description.hasPrefix("state file ") {
                // Said in this command's terms: it has no --state, and the instance may come from the manifest.
                let source = options.instanceId != nil ? "--instance-id"
                    : environmentName.map { "environment '\($0)' of the manifests" } ?? "the manifests' instance:"
                throw CLIError("the emulator state \(statePath) holds another instance than \(source) asks for "
                               + "(\(wantedInstance ?? "?"), \(emulatorConfig.region)); pass --emulator-state FILE for a new "
                               + "emulated instance, or delete \(statePath) to start again")
            }
            emulator = server
            instanceId = server.instanceId
            configuration = try AWSClientConfiguration(
                region: emulatorConfig.region, endpoint: try AWSEndpoint(url.absoluteString), environment: environment,
                credentialProvider: StaticCredentialProvider(SigV4Credentials(
                    accessKeyId: emulatorConfig.accessKeyId, secretAccessKey: emulatorConfig.secretAccessKey, sessionToken: nil)))
            configuration.endpointSource = "embedded emulator (\(statePath))"
        } else {
            guard let wantedInstance else {
                throw CLIError("no instance id: pass --instance-id, or set instance.id in the manifest (or the selected environment)")
            }
            instanceId = wantedInstance
            configuration = try AWSClientConfiguration.resolve(
                endpointURL: options.endpointURL, region: options.region, manifestRegion: manifest?.region,
                profile: options.profile, environment: environment)
        }
        if let limits = try options.parsedRateLimit() {
            configuration.rateLimits.defaultLimit = limits.defaultLimit
            configuration.rateLimits.perOperation = limits.perOperation
            // Quotas are per account and Region: one limiter for every plan of this process that
            // talks to the same endpoint, Region and profile (or emulator).
            configuration.rateLimits.sharingKey = "\(configuration.endpoint) \(configuration.region) \(configuration.profileName)"
        } else {
            configuration.rateLimits.enabled = false
        }
        let transport = AWSHTTPTransport(configuration: configuration, logger: logger)
        return ConnectSession(client: ConnectClient(transport: transport, retriesAfterCreate: true), instanceId: instanceId,
                              region: configuration.region, transport: transport, emulator: emulator,
                              endpointDescription: "\(configuration.endpoint) (\(configuration.endpointSource))",
                              configuration: configuration, deadline: deadline)
    }

    /// Uploads prompts' audio: to the embedded emulator's S3 with `--emulator`, else to S3 as the
    /// AWS CLI finds it (`S3ObjectClient`). Made lazily per bucket.
    func objectUploader() -> S3Uploader {
        let configuration = configuration
        let fixed = emulator == nil ? nil : configuration.endpoint
        return S3Uploader { bucket in try S3ObjectClient(bucket: bucket, connect: configuration, endpoint: fixed) }
    }

    func close() async {
        try? await transport.shutdown()
        try? await emulator?.shutdown()
    }
}

/// A user-facing error: printed as `error: message`, exit 1.
struct CLIError: Error, CustomStringConvertible {
    var message: String
    init(_ message: String) { self.message = message }
    var description: String { message }
}

extension ConnectSession {
    /// `body` within `--timeout` (all of it, when none was given).
    func within<T: Sendable>(_ what: String, _ body: @escaping @Sendable () async throws -> T) async throws -> T {
        guard let deadline else { return try await body() }
        return try await deadline.race(what, body)
    }
}
