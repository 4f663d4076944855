/// An agent or other Connect user, keyed by username.
public struct User: Sendable, Hashable {
    public var username: String
    public var firstName: String?
    public var lastName: String?
    public var email: String?
    public var secondaryEmail: String?
    public var mobile: String?
    /// Used on create only; never printed.
    public var password: SensitiveValue?
    /// Routing profile by name.
    public var routingProfile: String
    /// Security profiles by name, sorted, 1–10.
    public var securityProfiles: [String]
    /// Hierarchy group path (`Americas/New York`).
    public var hierarchyGroup: String?
    public var phone: PhoneConfig = PhoneConfig()
    /// Routing proficiencies: predefined attribute → value → level (1–5, the levels Connect
    /// accepts). nil: not managed (the user's proficiencies are left as they are).
    public var proficiencies: [String: [String: Int]]?
    public var tags: [String: String] = [:]
    /// Former usernames. Connect cannot rename a user: a user found under one of these names
    /// is replaced (deleted and created again), which the plan flags loudly.
    public var renamedFrom: [String] = []

    /// The required fields; the others default as declared and are set in `configure`.
    public init(username: String, routingProfile: String, securityProfiles: [String], _ configure: (inout User) -> Void = { _ in }) {
        self.username = username
        self.routingProfile = routingProfile
        self.securityProfiles = securityProfiles
        configure(&self)
    }

    public var name: String { username }
    public var address: ResourceAddress { ResourceAddress(.user, username) }
}
