import Foundation
import Logging
import SigV4

/// The default credential chain (connect-api.md §6): environment variables → web
/// identity (environment) → shared config profile → container → IMDSv2. The first
/// source that has credentials is used, and from then on refreshed by itself: cached
/// temporary credentials are refreshed once less than `advisoryRefresh` (15 min) is
/// left (a failure is tolerated and the old credentials kept) and must be refreshed
/// once less than `mandatoryRefresh` (10 min) is left. When no source has
/// credentials, the error lists every source and why it was skipped.
public actor CredentialChain: CredentialProvider {
    public let sources: [CredentialSource]
    public let advisoryRefresh: Double
    public let mandatoryRefresh: Double
    private let clock: AWSClock
    private let logger: Logger
    private var current: AWSCredentials?
    private var chosen: CredentialSource?
    private var inflight: Task<AWSCredentials, Error>?

    public init(sources: [CredentialSource], clock: AWSClock = SystemClock(), logger: Logger = Logger(label: "patchbay.aws.credentials"),
                advisoryRefresh: Double = 15 * 60, mandatoryRefresh: Double = 10 * 60) {
        self.sources = sources
        self.clock = clock
        self.logger = logger
        self.advisoryRefresh = advisoryRefresh
        self.mandatoryRefresh = mandatoryRefresh
    }

    /// The standard chain over an injected context.
    static func standard(context: CredentialContext, http: SimpleHTTP, logger: Logger) -> CredentialChain {
        CredentialChain(sources: [
            EnvironmentCredentialSource(context: context),
            WebIdentityCredentialSource(context: context, http: http),
            ProfileCredentialSource(context: context, http: http),
            ContainerCredentialSource(context: context, http: http),
            IMDSCredentialSource(context: context, http: http),
        ], clock: context.clock, logger: logger)
    }

    public func credentials() async throws -> SigV4Credentials {
        try await resolved().credentials
    }

    /// The credentials with their source and expiry.
    public func resolved() async throws -> AWSCredentials {
        if let c = current {
            guard let expiration = c.expiration else { return c }
            let left = expiration.timeIntervalSince(clock.now)
            if left > advisoryRefresh { return c }
            if left > mandatoryRefresh {
                do {
                    return try await refresh()
                } catch {
                    logger.warning("credential refresh failed; using current credentials until the mandatory refresh window",
                                   metadata: ["source": "\(c.source)", "error": "\(error)"])
                    return c
                }
            }
        }
        return try await refresh()
    }

    private func refresh() async throws -> AWSCredentials {
        if let inflight { return try await inflight.value }
        let task = Task { [chosen, sources, weak self] () async throws -> AWSCredentials in
            if let chosen {
                switch try await chosen.lookup() {
                case .found(let c): return c
                case .notConfigured(let why):
                    throw AWSTransportError(.credentials, "\(chosen.name) no longer has credentials: \(why)")
                }
            }
            let (found, index) = try await Self.walk(sources)
            await self?.choose(index)
            return found
        }
        inflight = task
        defer { inflight = nil }
        let result = try await task.value
        current = result
        logger.debug("credentials loaded", metadata: [
            "source": "\(result.source)",
            "expires": "\(result.expiration.map { SigV4Signer.amzDate($0) } ?? "never")",
        ])
        return result
    }

    private func choose(_ index: Int) {
        chosen = sources[index]
    }

    private static func walk(_ sources: [CredentialSource]) async throws -> (AWSCredentials, Int) {
        var skipped: [String] = []
        for (index, source) in sources.enumerated() {
            switch try await source.lookup() {
            case .found(let c):
                return (c, index)
            case .notConfigured(let why):
                skipped.append("  - \(source.name): \(why)")
            }
        }
        throw AWSTransportError(.credentials, "no AWS credentials found. Tried, in order:\n" + skipped.joined(separator: "\n"))
    }
}
