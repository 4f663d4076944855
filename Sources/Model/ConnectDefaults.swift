/// The resources every new Amazon Connect instance holds (connect-api.md §5, design.md §5).
/// Manifests may reference them without declaring them; `--prune` never deletes them.
public enum ConnectDefaults {
    public static let hoursOfOperation = ["Basic Hours"]
    public static let queues = ["BasicQueue"]
    public static let routingProfiles = ["Basic Routing Profile"]
    public static let securityProfiles = ["Admin", "Agent", "CallCenterManager", "QualityAnalyst"]
    /// The eight published default flows and their types.
    public static let flows: [(name: String, type: FlowType)] = [
        ("Default agent hold", .agentHold),
        ("Default agent transfer", .agentTransfer),
        ("Default agent whisper", .agentWhisper),
        ("Default customer hold", .customerHold),
        ("Default customer queue", .customerQueue),
        ("Default customer whisper", .customerWhisper),
        ("Default outbound", .outboundWhisper),
        ("Default queue transfer", .queueTransfer),
    ]
    /// Agent statuses present in every instance (Available is ROUTABLE, Offline is OFFLINE).
    public static let agentStatuses = ["Available", "Offline"]

    /// Default resource names of one kind, sorted.
    public static func names(of kind: ResourceKind) -> [String] {
        switch kind {
        case .hoursOfOperation: hoursOfOperation
        case .queue: queues
        case .routingProfile: routingProfiles
        case .securityProfile: securityProfiles
        case .flow: flows.map(\.name)
        case .agentStatus: agentStatuses
        default: []
        }
    }

    /// Whether `address` names one of Connect's default resources.
    public static func contains(_ address: ResourceAddress) -> Bool {
        names(of: address.kind).contains(address.name)
    }

    /// The type of a default flow, if `name` is one.
    public static func flowType(named name: String) -> FlowType? {
        flows.first { $0.name == name }?.type
    }
}
