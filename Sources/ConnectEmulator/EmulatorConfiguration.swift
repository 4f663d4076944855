import Foundation

/// A token bucket setting: `rate` requests per second refill, `burst` capacity.
public struct ThrottleSetting: Sendable, Equatable {
    public var rate: Double
    public var burst: Int
    public init(rate: Double, burst: Int) {
        self.rate = rate
        self.burst = burst
    }

    /// Parses `off` (nil) or `RATE:BURST` (e.g. `2:5`).
    public static func parse(_ text: String) throws -> ThrottleSetting? {
        if text.lowercased() == "off" { return nil }
        let parts = text.split(separator: ":")
        guard parts.count == 2, let rate = Double(parts[0]), let burst = Int(parts[1]), rate > 0, burst >= 1 else {
            throw EmulatorSetupError("invalid throttle '\(text)': expected off or RATE:BURST, e.g. 2:5")
        }
        return ThrottleSetting(rate: rate, burst: burst)
    }
}

/// Resource quotas per instance (defaults: Amazon Connect's defaults for new accounts,
/// connect-api.md §4). Exceeding one gives `LimitExceededException` (HTTP 429).
public struct EmulatorQuotas: Sendable, Equatable {
    public var usersPerInstance = 500
    public var queuesPerInstance = 50
    public var queuesPerRoutingProfile = 50
    public var routingProfilesPerInstance = 100
    public var hoursOfOperationPerInstance = 100
    /// "You can create up to 50 overrides per hours of operation. This quota is not adjustable."
    public var overridesPerHoursOfOperation = 50
    public var contactFlowsPerInstance = 100
    public var flowModulesPerInstance = 200
    public var quickConnectsPerInstance = 100
    public var quickConnectsPerQueue = 700
    public var promptsPerInstance = 500
    public var securityProfilesPerInstance = 100
    public var userHierarchyGroupsPerInstance = 500
    public var agentStatusesPerInstance = 50
    public init() {}
}

/// Everything that configures one emulator. `patchbay emulator` maps its flags onto this.
public struct EmulatorConfiguration: Sendable {
    public var host: String = "127.0.0.1"
    public var port: Int = 0
    /// Persist the instance here (atomically, after each change); loaded on start.
    public var stateFile: String?
    /// The instance id for a new instance (random UUID when nil).
    public var instanceId: String?
    public var region: String = "us-east-1"
    public var accountId: String = "123456789012"
    public var accessKeyId: String = "test"
    public var secretAccessKey: String = "test"
    /// Per-operation token bucket; nil = no throttling.
    public var throttle: ThrottleSetting?
    /// Added to every response.
    public var latencyMs: Int = 0
    /// Fraction (0…1) of requests that fail with 500, 429 or a dropped connection.
    public var faultRate: Double = 0.0
    /// JSON lines, one per request (no Authorization header, no bodies).
    public var requestLogFile: String?
    public var quotas = EmulatorQuotas()
    /// Seeds ids and fault injection so runs are repeatable.
    public var randomSeed: UInt64?
    /// SearchUsers returns `PhoneConfig.AfterContactWorkTimeLimit` in milliseconds, as
    /// Connect does ("When returned by a SearchUsers call, AfterContactWorkTimeLimit is
    /// returned in milliseconds.", UserPhoneConfig in the API reference); DescribeUser
    /// always returns seconds. `false` answers SearchUsers in seconds too (the emulator's
    /// behaviour before this was fixed), for clients that have not caught up.
    public var searchUsersAfterContactWorkInMilliseconds: Bool = true
    /// Publishing a flow that invokes a Lambda function or a Lex V2 bot alias not associated with
    /// the instance (AssociateLambdaFunction / AssociateBot) fails with InvalidContactFlowException,
    /// as Connect's publish-time validation does. `false` accepts any well-formed ARN.
    public var requireIntegrationAssociations: Bool = true
    /// Test hook: when false, requests need no SigV4 signature. Only the emulator's own
    /// store tests turn it off; `patchbay emulator` always verifies.
    public var verifySignatures: Bool = true

    public init(host: String = "127.0.0.1", port: Int = 0, stateFile: String? = nil, instanceId: String? = nil,
                region: String = "us-east-1", accountId: String = "123456789012",
                accessKeyId: String = "test", secretAccessKey: String = "test",
                throttle: ThrottleSetting? = nil, latencyMs: Int = 0, faultRate: Double = 0.0,
                requestLogFile: String? = nil, quotas: EmulatorQuotas = EmulatorQuotas(), randomSeed: UInt64? = nil) {
        self.host = host
        self.port = port
        self.stateFile = stateFile
        self.instanceId = instanceId
        self.region = region
        self.accountId = accountId
        self.accessKeyId = accessKeyId
        self.secretAccessKey = secretAccessKey
        self.throttle = throttle
        self.latencyMs = latencyMs
        self.faultRate = faultRate
        self.requestLogFile = requestLogFile
        self.quotas = quotas
        self.randomSeed = randomSeed
    }
}

/// A problem starting the emulator (bad option, refused state file, bind failure).
public struct EmulatorSetupError: Error, CustomStringConvertible, Sendable {
    public var description: String
    public init(_ description: String) { self.description = description }
}
