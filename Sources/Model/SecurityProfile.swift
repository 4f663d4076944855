/// A security profile and its permissions.
public struct SecurityProfile: Sendable, Hashable {
    public var name: String
    public var description: String?
    /// Permission names as Connect spells them (`BasicAgentAccess`), sorted and unique.
    public var permissions: [String] = []
    public var tags: [String: String] = [:]

    /// The required fields; the others default as declared and are set in `configure`.
    public init(name: String, _ configure: (inout SecurityProfile) -> Void = { _ in }) {
        self.name = name
        configure(&self)
    }

    public var address: ResourceAddress { ResourceAddress(.securityProfile, name) }
}
