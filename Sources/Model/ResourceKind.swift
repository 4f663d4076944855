/// A kind of Amazon Connect resource a manifest can declare or reference.
///
/// A kind is a value, not a case of a shared switch: each kind's facts (its address prefix,
/// words for messages, manifest key, flow-content reference prefix, creation rank) are
/// written once, where the kind is declared below, and everything else looks them up.
/// `ResourceKind.all` lists the kinds in creation order (connect-api.md §5).
public struct ResourceKind: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The prefix of a `ResourceAddress` (`queue.Support`).
    public let rawValue: String
    /// Human words for messages: "hours of operation", "routing profile".
    public let displayName: String
    /// The top-level manifest key that declares resources of this kind.
    public let manifestSection: String
    /// The prefix used by `${prefix:NAME}` references inside flow content (design.md §3);
    /// `nil` when flow content cannot refer to this kind.
    public let referencePrefix: String?
    /// Creation order in Connect: a kind is created before the kinds ranked after it.
    public let rank: Int

    public init(_ rawValue: String, displayName: String, manifestSection: String,
                referencePrefix: String? = nil, rank: Int) {
        self.rawValue = rawValue
        self.displayName = displayName
        self.manifestSection = manifestSection
        self.referencePrefix = referencePrefix
        self.rank = rank
    }

    public init?(rawValue: String) {
        guard let kind = Self.all.first(where: { $0.rawValue == rawValue }) else { return nil }
        self = kind
    }

    public static func == (a: ResourceKind, b: ResourceKind) -> Bool { a.rawValue == b.rawValue }
    public func hash(into hasher: inout Hasher) { hasher.combine(rawValue) }
    public static func < (lhs: ResourceKind, rhs: ResourceKind) -> Bool { lhs.rank < rhs.rank }

    public var description: String { rawValue }

    /// The prefix of `${prefix:NAME}` references (the address prefix when the kind has none of its own).
    public var contentReferencePrefix: String { referencePrefix ?? rawValue }

    /// Resolves a flow-content reference prefix (`queue`, `module`, `hours` …).
    public init?(contentReferencePrefix prefix: String) {
        guard let kind = Self.all.first(where: { $0.referencePrefix == prefix }) else { return nil }
        self = kind
    }

    // The kinds, in creation order. Adding a kind: one line here.
    public static let userHierarchy = ResourceKind("userHierarchy", displayName: "user hierarchy",
                                                   manifestSection: "userHierarchy", rank: 0)
    public static let hoursOfOperation = ResourceKind("hours", displayName: "hours of operation",
                                                      manifestSection: "hoursOfOperation", referencePrefix: "hours", rank: 10)
    public static let queue = ResourceKind("queue", displayName: "queue", manifestSection: "queues",
                                           referencePrefix: "queue", rank: 20)
    public static let quickConnect = ResourceKind("quickConnect", displayName: "quick connect",
                                                  manifestSection: "quickConnects", referencePrefix: "quickConnect", rank: 30)
    public static let prompt = ResourceKind("prompt", displayName: "prompt", manifestSection: "prompts",
                                            referencePrefix: "prompt", rank: 40)
    /// Instance-level integrations (`integrations:`), addressed by ARN; flows invoke them, so they come first.
    public static let lambdaFunction = ResourceKind("lambdaFunction", displayName: "Lambda function", manifestSection: "integrations",
                                                    rank: 44)
    public static let lexBot = ResourceKind("lexBot", displayName: "Lex bot alias", manifestSection: "integrations", rank: 45)
    public static let flowModule = ResourceKind("flowModule", displayName: "flow module", manifestSection: "flowModules",
                                                referencePrefix: "module", rank: 50)
    public static let flow = ResourceKind("flow", displayName: "flow", manifestSection: "flows",
                                          referencePrefix: "flow", rank: 60)
    /// Claimed numbers (`phoneNumbers:`), addressed by E.164; each rings a flow, so they come after flows.
    public static let phoneNumber = ResourceKind("phoneNumber", displayName: "phone number", manifestSection: "phoneNumbers",
                                                 referencePrefix: "phoneNumber", rank: 65)
    public static let routingProfile = ResourceKind("routingProfile", displayName: "routing profile",
                                                    manifestSection: "routingProfiles", referencePrefix: "routingProfile", rank: 70)
    public static let securityProfile = ResourceKind("securityProfile", displayName: "security profile",
                                                     manifestSection: "securityProfiles", referencePrefix: "securityProfile", rank: 80)
    public static let hierarchyGroup = ResourceKind("hierarchyGroup", displayName: "hierarchy group",
                                                    manifestSection: "userHierarchy", referencePrefix: "hierarchyGroup", rank: 90)
    public static let user = ResourceKind("user", displayName: "user", manifestSection: "users",
                                          referencePrefix: "user", rank: 100)
    public static let agentStatus = ResourceKind("agentStatus", displayName: "agent status", manifestSection: "agentStatuses",
                                                 rank: 110)
    /// Predefined attributes (`predefinedAttributes:`), by name; users' proficiencies name them, so they come before users.
    public static let predefinedAttribute = ResourceKind("predefinedAttribute", displayName: "predefined attribute",
                                                         manifestSection: "predefinedAttributes", rank: 95)
    /// Task templates (`taskTemplates:`), by name; each names the flow its tasks start, so they come after flows.
    public static let taskTemplate = ResourceKind("taskTemplate", displayName: "task template",
                                                  manifestSection: "taskTemplates", rank: 120)

    /// Every kind, in creation order.
    public static let all: [ResourceKind] = [
        .userHierarchy, .hoursOfOperation, .queue, .quickConnect, .prompt, .lambdaFunction, .lexBot, .flowModule, .flow,
        .phoneNumber, .routingProfile, .securityProfile, .hierarchyGroup, .user, .agentStatus,
        .predefinedAttribute, .taskTemplate,
    ]
    /// Kinds with resources declared by name (everything but the hierarchy structure).
    public static var allCases: [ResourceKind] { all.filter { $0 != .userHierarchy } }
}
