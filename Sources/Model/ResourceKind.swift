/// The kinds of Amazon Connect resources a manifest can declare or reference.
///
/// The raw value is the prefix of a `ResourceAddress` (`queue.Support`) and, with the
/// exception of `flowModule` (`module`), the prefix of a `${kind:NAME}` reference in
/// flow content.
public enum ResourceKind: String, Sendable, Hashable, CaseIterable, Comparable, CustomStringConvertible {
    case hoursOfOperation = "hours"
    case queue
    case quickConnect
    case prompt
    case flowModule
    case flow
    case routingProfile
    case securityProfile
    case hierarchyGroup
    case user

    /// Creation order in Connect (connect-api.md §5), used to sort kinds.
    public var rank: Int { Self.allCases.firstIndex(of: self)! }

    public static func < (lhs: ResourceKind, rhs: ResourceKind) -> Bool { lhs.rank < rhs.rank }

    public var description: String { rawValue }

    /// Human words for messages: "hours of operation", "routing profile".
    public var displayName: String {
        switch self {
        case .hoursOfOperation: "hours of operation"
        case .queue: "queue"
        case .quickConnect: "quick connect"
        case .prompt: "prompt"
        case .flowModule: "flow module"
        case .flow: "flow"
        case .routingProfile: "routing profile"
        case .securityProfile: "security profile"
        case .hierarchyGroup: "hierarchy group"
        case .user: "user"
        }
    }

    /// The top-level manifest key that declares resources of this kind.
    public var manifestSection: String {
        switch self {
        case .hoursOfOperation: "hoursOfOperation"
        case .queue: "queues"
        case .quickConnect: "quickConnects"
        case .prompt: "prompts"
        case .flowModule: "flowModules"
        case .flow: "flows"
        case .routingProfile: "routingProfiles"
        case .securityProfile: "securityProfiles"
        case .hierarchyGroup: "userHierarchy"
        case .user: "users"
        }
    }

    /// The prefix used by `${prefix:NAME}` references inside flow content (design.md §3).
    public var contentReferencePrefix: String {
        self == .flowModule ? "module" : rawValue
    }

    /// Resolves a flow-content reference prefix (`queue`, `module`, `hours` …).
    public init?(contentReferencePrefix prefix: String) {
        if prefix == "module" { self = .flowModule; return }
        guard let kind = ResourceKind(rawValue: prefix), kind != .flowModule else { return nil }
        self = kind
    }
}
