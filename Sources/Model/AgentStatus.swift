/// An agent status (Lunch, Training…), by name (design.md §3b). Connect has no API to delete
/// one ("Agent status ARNs cannot be deleted but can be renamed or disabled"): prune disables it.
public struct AgentStatus: Sendable, Hashable {
    public enum State: String, Sendable, Hashable, CaseIterable {
        case enabled = "ENABLED", disabled = "DISABLED"
    }

    public var name: String
    public var description: String?
    public var state: State = .enabled
    /// Position in the agents' status list, 1–50; absent: Connect's choice, not managed.
    public var displayOrder: Int?
    public var tags: [String: String] = [:]
    public var renamedFrom: [String] = []

    public init(name: String, _ configure: (inout Self) -> Void = { _ in }) {
        self.name = name
        configure(&self)
    }

    public var address: ResourceAddress { ResourceAddress(.agentStatus, name) }
}

extension AgentStatus: DeclaredResource {
    public var ownTags: [String: String] { tags }
    public var references: [Reference] { [] }
}
