/// A security profile and its permissions.
public struct SecurityProfile: Sendable, Hashable {
    public var name: String
    public var description: String?
    /// Permission names as Connect spells them (`BasicAgentAccess`), sorted and unique.
    public var permissions: [String] = []
    /// The tags (at most 4) a profile restricts access by; nil: not managed.
    public var allowedAccessControlTags: [String: String]?
    /// Resource names the tag restriction applies to (`User`, `Queue` …), sorted; nil: not managed.
    public var tagRestrictedResources: [String]?
    /// Resource names the hierarchy restriction applies to (`User`), sorted; nil: not managed.
    public var hierarchyRestrictedResources: [String]?
    /// The hierarchy group (by path, `Americas/New York`) access is restricted to; nil: not managed.
    public var allowedAccessControlHierarchyGroup: String?
    /// Third-party applications and MCP servers, sorted by namespace; nil: not managed.
    public var applications: [SecurityProfileApplication]?
    public var tags: [String: String] = [:]

    /// The required fields; the others default as declared and are set in `configure`.
    public init(name: String, _ configure: (inout SecurityProfile) -> Void = { _ in }) {
        self.name = name
        configure(&self)
    }

    public var address: ResourceAddress { ResourceAddress(.securityProfile, name) }
}

/// A third-party application (or MCP server) a security profile gives access to.
public struct SecurityProfileApplication: Sendable, Hashable {
    public var namespace: String
    /// Sorted, unique, 1–50 (`ACCESS` for a third-party application, tool identifiers for an MCP server).
    public var permissions: [String]
    public var type: ApplicationType

    public init(namespace: String, permissions: [String], type: ApplicationType = .thirdPartyApplication) {
        self.namespace = namespace
        self.permissions = permissions
        self.type = type
    }

    /// Application.Type's values.
    public enum ApplicationType: String, Sendable, Hashable, CaseIterable {
        case thirdPartyApplication = "THIRD_PARTY_APPLICATION", mcp = "MCP"
    }
}
