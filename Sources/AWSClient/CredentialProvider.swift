import Foundation
import SigV4

/// Credentials with their expiry and where they came from.
public struct AWSCredentials: Sendable, Equatable, CustomStringConvertible {
    public var credentials: SigV4Credentials
    /// nil for long-term credentials.
    public var expiration: Date?
    /// The source, e.g. `environment`, `profile dev (assume role arn:…)`.
    public var source: String

    public init(credentials: SigV4Credentials, expiration: Date? = nil, source: String) {
        self.credentials = credentials
        self.expiration = expiration
        self.source = source
    }

    public var description: String {
        "AWSCredentials(\(credentials), source: \(source)\(expiration.map { ", expires \($0)" } ?? ""))"
    }
}

/// The outcome of asking one source: found, or not configured (and why).
public enum CredentialLookup: Sendable {
    case found(AWSCredentials)
    case notConfigured(String)
}

/// One source of credentials. `lookup` throws when the source is configured but fails
/// (a missing token file, STS refusing); it returns `.notConfigured` when the source
/// does not apply, so the chain moves on.
public protocol CredentialSource: Sendable {
    var name: String { get }
    func lookup() async throws -> CredentialLookup
}

/// What the transport asks for credentials on every attempt.
public protocol CredentialProvider: Sendable {
    func credentials() async throws -> SigV4Credentials
}

/// Fixed credentials (tests, the emulator).
public struct StaticCredentialProvider: CredentialProvider, CredentialSource {
    public let value: SigV4Credentials
    public var name: String { "static" }
    public init(_ value: SigV4Credentials) { self.value = value }
    public func credentials() async throws -> SigV4Credentials { value }
    public func lookup() async throws -> CredentialLookup { .found(AWSCredentials(credentials: value, source: "static")) }
}

/// Everything credential sources read, injected so tests use temporary files and
/// local stand-in servers.
public struct CredentialContext: Sendable {
    public var environment: [String: String]
    /// The profile name: `--profile`, else `AWS_PROFILE`, else `default`.
    public var profileName: String
    /// True when the profile came from `--profile` (then, as in botocore, environment
    /// keys are not used).
    public var profileExplicit: Bool
    /// Region for STS (the resolved client region, when known).
    public var region: String?
    public var files: SharedConfigFiles
    public var clock: AWSClock
    /// When set, the EC2 instance metadata source is skipped with this reason (set when
    /// the endpoint is a loopback emulator, so no link-local address is ever contacted).
    public var skipInstanceMetadata: String?

    public init(environment: [String: String], profileName: String? = nil, region: String? = nil,
                files: SharedConfigFiles? = nil, clock: AWSClock = SystemClock()) throws {
        self.environment = environment
        self.profileExplicit = profileName != nil
        self.profileName = profileName ?? environment["AWS_PROFILE"].flatMap { $0.isEmpty ? nil : $0 } ?? "default"
        self.region = region
        self.files = try files ?? SharedConfigFiles.load(environment: environment)
        self.clock = clock
    }
}
