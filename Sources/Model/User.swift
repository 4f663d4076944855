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
    public var phone: PhoneConfig
    public var tags: [String: String]
    /// Former usernames. Connect cannot rename a user: a user found under one of these names
    /// is replaced (deleted and created again), which the plan flags loudly.
    public var renamedFrom: [String]

    public init(username: String, firstName: String? = nil, lastName: String? = nil, email: String? = nil,
                secondaryEmail: String? = nil, mobile: String? = nil, password: SensitiveValue? = nil,
                routingProfile: String, securityProfiles: [String], hierarchyGroup: String? = nil,
                phone: PhoneConfig = PhoneConfig(), tags: [String: String] = [:], renamedFrom: [String] = []) {
        self.username = username
        self.firstName = firstName
        self.lastName = lastName
        self.email = email
        self.secondaryEmail = secondaryEmail
        self.mobile = mobile
        self.password = password
        self.routingProfile = routingProfile
        self.securityProfiles = securityProfiles
        self.hierarchyGroup = hierarchyGroup
        self.phone = phone
        self.tags = tags
        self.renamedFrom = renamedFrom
    }

    public var name: String { username }
    public var address: ResourceAddress { ResourceAddress(.user, username) }
}
