/// A security profile and its permissions.
public struct SecurityProfile: Sendable, Hashable {
    public var name: String
    public var description: String?
    /// Permission names as Connect spells them (`BasicAgentAccess`), sorted and unique.
    public var permissions: [String]
    public var tags: [String: String]

    public init(name: String, description: String? = nil, permissions: [String] = [], tags: [String: String] = [:]) {
        self.name = name
        self.description = description
        self.permissions = permissions
        self.tags = tags
    }

    public var address: ResourceAddress { ResourceAddress(.securityProfile, name) }
}
