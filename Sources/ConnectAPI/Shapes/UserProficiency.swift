import Foundation

/// One of a user's proficiencies (botocore shape `UserProficiency`): a predefined attribute's
/// name and value and a level, "The valid values are 1, 2, 3, 4 and 5" (a Float on the wire).
public struct UserProficiency: Codable, Sendable, Equatable {
    public var AttributeName: String
    public var AttributeValue: String
    public var Level: Double

    public init(AttributeName: String, AttributeValue: String, Level: Double) {
        self.AttributeName = AttributeName
        self.AttributeValue = AttributeValue
        self.Level = Level
    }
}

extension Listings {
    /// ListUserProficiencies (MaxResults 1–100): a user's proficiencies.
    public enum UserProficiencies: ConnectListing {
        public typealias Item = UserProficiency
        public typealias Filter = Never
        public static let operation = ConnectOperation.listUserProficiencies, listKey = "UserProficiencyList",
                          parentMember: String? = "UserId", maxPageSize = ConnectPageSize.listSmall
    }
}
