import Foundation

/// A token bucket setting: `rate` requests per second refill, `burst` capacity.
public struct ThrottleSetting: Sendable, Equatable {
    public var rate: Double
    public var burst: Int
    public init(rate: Double, burst: Int) {
        self.rate = rate
        self.burst = burst
    }

    /// Connect's default API rate quotas, per operation, per account and Region: Service Quotas,
    /// service code `connect`, "Rate of <Operation> API requests" (the adjustable quotas with their
    /// defaults as listed in gruntwork-io/terraform-aws-utilities `docs/quotas.md`; Admin Guide,
    /// "Amazon Connect service quotas → API throttling quotas"). The operations served here at
    /// 10 requests per second; every other one is listed at 2. Service Quotas gives no bursts: 5
    /// for 2/s is the documented pair ("a RateLimit of 2 per second, and a BurstLimit of 5"), 15
    /// for 10/s is our assumption (docs/emulator.md).
    public static let connectTenPerSecond: Set<String> = [
        "DescribeUser", "ListUsers", "DescribeQueue", "ListQueues", "ListQueueQuickConnects",
        "DescribeRoutingProfile", "ListRoutingProfiles", "ListRoutingProfileQueues",
        "DescribeHoursOfOperation", "ListHoursOfOperations", "DescribeUserHierarchyGroup", "ListUserHierarchyGroups",
        "DescribeUserHierarchyStructure", "DescribeQuickConnect", "ListQuickConnects",
        "DescribeAgentStatus", "ListAgentStatuses", "DescribePrompt", "ListPrompts",
    ]

    /// Connect's per-operation table, every rate and burst × `scale`: the bucket of operations
    /// not in `overrides` (2:5), and the overrides (10:15).
    public static func connect(scale: Double = 1) -> (base: ThrottleSetting, overrides: [String: ThrottleSetting]) {
        func setting(_ rate: Double, _ burst: Double) -> ThrottleSetting {
            ThrottleSetting(rate: rate * scale, burst: max(1, Int((burst * scale).rounded())))
        }
        return (setting(2, 5), Dictionary(uniqueKeysWithValues: connectTenPerSecond.map { ($0, setting(10, 15)) }))
    }

    /// Parses `--throttle`: `off`, `RATE:BURST` (every operation), `connect` (Connect's
    /// per-operation table) or `connect*N` (that table N times faster, for benchmarks).
    public static func parseTable(_ text: String) throws -> (base: ThrottleSetting?, overrides: [String: ThrottleSetting]) {
        let lower = text.lowercased()
        if lower == "connect" { let t = connect(); return (t.base, t.overrides) }
        if lower.hasPrefix("connect*") {
            guard let scale = Double(lower.dropFirst("connect*".count)), scale > 0 else {
                throw EmulatorSetupError("invalid throttle '\(text)': expected connect*N with N > 0, e.g. connect*10")
            }
            let t = connect(scale: scale)
            return (t.base, t.overrides)
        }
        return (try parse(text), [:])
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
    /// Predefined attributes per instance: the stored AWS pages point at the quotas page without the
    /// number ("For the predefined attributes per instance quota, see Amazon Connect quotas"); 128 here.
    public var predefinedAttributesPerInstance = 128
    /// Task templates per instance: not found in the stored AWS pages (the quotas page as stored
    /// lists none for task templates); 50 here, settable with `--quota taskTemplates=N`.
    public var taskTemplatesPerInstance = 50
    public init() {}

    /// `patchbay emulator --quota KEY=N` (issue 14 item 3): every quota above, by the key `plan
    /// --quota` uses for the same quota (the manifest's top-level key of the kind), so users can
    /// emulate their account's raised quotas.
    public static let settable: [(key: String, set: @Sendable (inout EmulatorQuotas, Int) -> Void)] = [
        ("users", { $0.usersPerInstance = $1 }),
        ("queues", { $0.queuesPerInstance = $1 }),
        ("queuesPerRoutingProfile", { $0.queuesPerRoutingProfile = $1 }),
        ("routingProfiles", { $0.routingProfilesPerInstance = $1 }),
        ("hoursOfOperation", { $0.hoursOfOperationPerInstance = $1 }),
        ("overridesPerHoursOfOperation", { $0.overridesPerHoursOfOperation = $1 }),
        ("flows", { $0.contactFlowsPerInstance = $1 }),
        ("flowModules", { $0.flowModulesPerInstance = $1 }),
        ("quickConnects", { $0.quickConnectsPerInstance = $1 }),
        ("quickConnectsPerQueue", { $0.quickConnectsPerQueue = $1 }),
        ("prompts", { $0.promptsPerInstance = $1 }),
        ("securityProfiles", { $0.securityProfilesPerInstance = $1 }),
        ("hierarchyGroups", { $0.userHierarchyGroupsPerInstance = $1 }),
        ("agentStatuses", { $0.agentStatusesPerInstance = $1 }),
        ("taskTemplates", { $0.taskTemplatesPerInstance = $1 }),
    ]

    /// Applies `KEY=N` settings; an unknown key or a malformed value is an error naming it.
    public mutating func apply(_ settings: [String]) throws(EmulatorQuotaError) {
        for setting in settings {
            let parts = setting.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, let n = Int(parts[1]), n >= 0 else {
                throw EmulatorQuotaError(message: "--quota takes KEY=N such as users=6000, not '\(setting)'")
            }
            guard let entry = Self.settable.first(where: { $0.key == parts[0] }) else {
                throw EmulatorQuotaError(message: "--quota: unknown quota '\(parts[0])'; known: \(Self.settable.map(\.key).joined(separator: ", "))")
            }
            entry.set(&self, n)
        }
    }
}

public struct EmulatorQuotaError: Error, CustomStringConvertible, Sendable {
    public let message: String
    public var description: String { message }
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
    /// Buckets of particular operations, by name, instead of `throttle` (`--throttle connect`).
    public var throttleOverrides: [String: ThrottleSetting] = [:]
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
    /// Whether TagResource and UntagResource bump the resource's LastModifiedTime. Every other
    /// write does (the model: "The timestamp when this resource was last modified"); for the tag
    /// operations the API reference and the model say nothing, so both are served: Patchbay's
    /// verified read must be right either way (docs/emulator.md). Default: they do not.
    public var tagsBumpLastModified: Bool = false
    /// Whether CreatePrompt / UpdatePrompt need an `s3://` S3Uri to name an object the emulator's
    /// S3 holds (PUT it first, as to S3 before Connect). `.any` accepts any well-formed URI, for
    /// state that names buckets outside the emulator. The API reference does not document the
    /// error for a missing object (docs/emulator.md).
    public var promptObjects: PromptObjects = .required
    public enum PromptObjects: String, Sendable, CaseIterable { case required, any }
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
