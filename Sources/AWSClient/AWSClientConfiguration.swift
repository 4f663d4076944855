import Foundation
import SigV4

/// Everything the transport needs, resolved from CLI options, the manifest, the
/// environment and the shared config files (connect-api.md §6):
///
/// - endpoint: `--endpoint-url` > `AWS_ENDPOINT_URL_CONNECT` > `AWS_ENDPOINT_URL` >
///   config `[services x]` section `connect = endpoint_url` > profile `endpoint_url`
///   (all but the flag disabled by `AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true` or the
///   profile's `ignore_configured_endpoint_urls`), else `https://connect.{region}.amazonaws.com`
///   (FIPS / dual-stack variants with `AWS_USE_FIPS_ENDPOINT` / `AWS_USE_DUALSTACK_ENDPOINT`);
/// - region: `--region` > manifest > `AWS_REGION` > `AWS_DEFAULT_REGION` > profile `region`;
/// - retries: `AWS_MAX_ATTEMPTS` > profile `max_attempts` > 3; `AWS_RETRY_MODE` > profile
///   `retry_mode` > adaptive (`standard` turns the rate limiter's adaptation to throttling off).
public struct AWSClientConfiguration: Sendable {
    public var region: String
    /// Where the region came from (`--region`, `manifest`, `AWS_REGION`, …).
    public var regionSource: String
    public var endpoint: AWSEndpoint
    /// Where the endpoint came from (`--endpoint-url`, `AWS_ENDPOINT_URL_CONNECT`, `default`, …).
    public var endpointSource: String
    /// Signing name.
    public var service: String = "connect"
    public var profileName: String
    public var retryPolicy: RetryPolicy
    public var rateLimits: RateLimitConfiguration = RateLimitConfiguration()
    /// Per-attempt request timeout in seconds.
    public var requestTimeout: Double = 30
    /// Connection establishment timeout in seconds (AsyncHTTPClient keeps retrying a
    /// refused connection until then).
    public var connectTimeout: Double = 10
    /// The process environment (injected).
    public var environment: [String: String]
    /// The credential context (environment, profile, files) the default chain reads.
    public var credentialContext: CredentialContext
    /// Set to bypass the default chain (tests, the emulator).
    public var credentialProvider: (any CredentialProvider)?

    public struct RateLimitConfiguration: Sendable {
        public var enabled: Bool = true
        public var defaultLimit: RateLimit = .connectDefault
        public var perOperation: [String: RateLimit] = [:]
        public var global: RateLimit?
        public var adaptive: RateLimiter.Adaptive = RateLimiter.Adaptive()
        /// Connect's quotas are per account and Region: transports with the same key (in one
        /// process) share one limiter, so two plans of one account together keep to the quota.
        /// nil: a limiter of its own.
        public var sharingKey: String?
        public init() {}

        /// The limiter these settings describe (nil when disabled); the shared one for `sharingKey`.
        public func makeLimiter(clock: AWSClock) -> RateLimiter? {
            guard enabled else { return nil }
            let make = { RateLimiter(defaultLimit: defaultLimit, perOperation: perOperation, global: global, adaptive: adaptive, clock: clock) }
            guard let sharingKey else { return make() }
            return RateLimiter.shared(sharingKey, make)
        }
    }

    /// A configuration with explicit region and endpoint. Without `credentialProvider`,
    /// the default chain reads `environment` and the shared files it names.
    public init(region: String, endpoint: AWSEndpoint, profileName: String? = nil,
                retryPolicy: RetryPolicy = RetryPolicy(), environment: [String: String] = [:],
                credentialProvider: (any CredentialProvider)? = nil, credentialContext: CredentialContext? = nil) throws {
        self.region = region
        self.regionSource = "explicit"
        self.endpoint = endpoint
        self.endpointSource = "explicit"
        self.retryPolicy = retryPolicy
        self.environment = environment
        self.credentialProvider = credentialProvider
        var context = try credentialContext
            ?? CredentialContext(environment: environment, profileName: profileName, region: region,
                                 files: credentialProvider == nil ? nil : SharedConfigFiles())
        if context.skipInstanceMetadata == nil, AWSEndpoint.isLoopback(endpoint.host),
           (environment["AWS_EC2_METADATA_SERVICE_ENDPOINT"] ?? "").isEmpty {
            context.skipInstanceMetadata = "skipped because the Connect endpoint \(endpoint) is a loopback address (a local emulator)"
        }
        self.credentialContext = context
        self.profileName = context.profileName
    }

    /// Resolves the configuration for the CLI.
    ///
    /// - Parameters:
    ///   - endpointURL: `--endpoint-url`.
    ///   - region: `--region`.
    ///   - manifestRegion: the manifest's region, if any.
    ///   - profile: `--profile` (nil: `AWS_PROFILE`, else `default`).
    ///   - environment: the process environment (`ProcessInfo.processInfo.environment`).
    ///   - clock: for credential expiry.
    public static func resolve(endpointURL: String? = nil, region: String? = nil, manifestRegion: String? = nil,
                               profile: String? = nil, environment: [String: String],
                               clock: AWSClock = SystemClock()) throws -> AWSClientConfiguration {
        let files = try SharedConfigFiles.load(environment: environment)
        let profileName = profile ?? environment["AWS_PROFILE"].flatMap { $0.isEmpty ? nil : $0 } ?? "default"
        if profile != nil, files.profiles[profileName] == nil {
            let where_ = files.filesRead.isEmpty ? "no config or credentials file found" : "not in " + files.filesRead.joined(separator: " or ")
            throw AWSTransportError(.configuration, "profile '\(profileName)' not found (\(where_))")
        }
        let profileKeys = files.profiles[profileName] ?? [:]

        func nonEmpty(_ s: String?) -> String? { s.flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0.trimmingCharacters(in: .whitespaces) } }

        // Region.
        let regionChoices: [(String, String?)] = [
            ("--region", nonEmpty(region)), ("manifest", nonEmpty(manifestRegion)),
            ("AWS_REGION", nonEmpty(environment["AWS_REGION"])), ("AWS_DEFAULT_REGION", nonEmpty(environment["AWS_DEFAULT_REGION"])),
            ("profile '\(profileName)' region", nonEmpty(profileKeys["region"])),
        ]
        guard let (regionSource, resolvedRegion) = regionChoices.first(where: { $0.1 != nil }).map({ ($0.0, $0.1!) }) else {
            throw AWSTransportError(.configuration, "no AWS region: pass --region, set region in the manifest, set AWS_REGION (or AWS_DEFAULT_REGION), or add region to profile '\(profileName)'")
        }
        guard resolvedRegion.range(of: #"^[a-z0-9-]+$"#, options: .regularExpression) != nil else {
            throw AWSTransportError(.configuration, "invalid region '\(resolvedRegion)' (from \(regionSource))")
        }

        // Endpoint.
        let ignoreConfigured = environment["AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"]?.lowercased() == "true"
            || profileKeys["ignore_configured_endpoint_urls"]?.lowercased() == "true"
        var endpointChoices: [(String, String?)] = [("--endpoint-url", nonEmpty(endpointURL))]
        if !ignoreConfigured {
            let servicesSection = profileKeys["services"].flatMap { files.services[$0] }
            endpointChoices += [
                ("AWS_ENDPOINT_URL_CONNECT", nonEmpty(environment["AWS_ENDPOINT_URL_CONNECT"])),
                ("AWS_ENDPOINT_URL", nonEmpty(environment["AWS_ENDPOINT_URL"])),
                ("config services '\(profileKeys["services"] ?? "")' connect endpoint_url", nonEmpty(servicesSection?["connect"]?["endpoint_url"])),
                ("profile '\(profileName)' endpoint_url", nonEmpty(profileKeys["endpoint_url"])),
            ]
        }
        func flag(_ env: String, _ key: String) -> Bool {
            (environment[env] ?? profileKeys[key])?.lowercased() == "true"
        }
        let fips = flag("AWS_USE_FIPS_ENDPOINT", "use_fips_endpoint")
        let dualStack = flag("AWS_USE_DUALSTACK_ENDPOINT", "use_dualstack_endpoint")
        let endpoint: AWSEndpoint
        let endpointSource: String
        if let (source, url) = endpointChoices.first(where: { $0.1 != nil }).map({ ($0.0, $0.1!) }) {
            if fips || dualStack {
                throw AWSTransportError(.configuration, "a custom endpoint (\(source)) cannot be combined with FIPS or dual-stack endpoints (AWS_USE_FIPS_ENDPOINT / AWS_USE_DUALSTACK_ENDPOINT)")
            }
            do {
                endpoint = try AWSEndpoint(url)
            } catch let error as AWSTransportError {
                throw AWSTransportError(.configuration, "\(error.message) (from \(source))")
            }
            endpointSource = source
        } else {
            endpoint = try AWSEndpoint.connect(region: resolvedRegion, fips: fips, dualStack: dualStack)
            endpointSource = fips || dualStack ? "default (\([fips ? "FIPS" : nil, dualStack ? "dual-stack" : nil].compactMap { $0 }.joined(separator: ", ")))" : "default"
        }

        var config = try AWSClientConfiguration(
            region: resolvedRegion, endpoint: endpoint, profileName: profile,
            retryPolicy: RetryPolicy.fromEnvironment(environment, profile: profileKeys), environment: environment,
            credentialContext: CredentialContext(environment: environment, profileName: profile, region: resolvedRegion,
                                                 files: files, clock: clock))
        config.regionSource = regionSource
        config.endpointSource = endpointSource
        config.rateLimits.adaptive.enabled = config.retryPolicy.mode == .adaptive
        return config
    }
}
