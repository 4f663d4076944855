import Foundation

public struct PhoneType: ConnectStringEnum {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public static let SOFT_PHONE: Self = "SOFT_PHONE"
    public static let DESK_PHONE: Self = "DESK_PHONE"
}

public struct UserIdentityInfo: Codable, Sendable, Hashable {
    public var FirstName: String?
    public var LastName: String?
    public var Email: String?
    public var SecondaryEmail: String?
    public var Mobile: String?

    public init(FirstName: String? = nil, LastName: String? = nil, Email: String? = nil,
                SecondaryEmail: String? = nil, Mobile: String? = nil) {
        self.FirstName = FirstName
        self.LastName = LastName
        self.Email = Email
        self.SecondaryEmail = SecondaryEmail
        self.Mobile = Mobile
    }
}

/// What SearchUsers returns of the identity: names only.
public struct UserIdentityInfoLite: Codable, Sendable, Hashable {
    public var FirstName: String?
    public var LastName: String?
}

public struct UserPhoneConfig: Codable, Sendable, Hashable {
    public var PhoneType: PhoneType?
    public var AutoAccept: Bool?
    public var AfterContactWorkTimeLimit: Int?
    public var DeskPhoneNumber: String?
    public var PersistentConnection: Bool?
}

public struct AutoAcceptConfig: Codable, Sendable, Hashable {
    public var Channel: Channel
    public var AutoAccept: Bool
    public var AgentFirstCallbackAutoAccept: Bool?
}

public struct AfterContactWorkConfig: Codable, Sendable, Hashable {
    public var AfterContactWorkTimeLimit: Int?

    public init(AfterContactWorkTimeLimit: Int? = nil) { self.AfterContactWorkTimeLimit = AfterContactWorkTimeLimit }
}

public struct AfterContactWorkConfigPerChannel: Codable, Sendable, Hashable {
    public var Channel: Channel
    public var AfterContactWorkConfig: AfterContactWorkConfig
    public var AgentFirstCallbackAfterContactWorkConfig: AfterContactWorkConfig?
}

public struct PhoneNumberConfig: Codable, Sendable, Hashable {
    public var Channel: Channel
    public var PhoneType: PhoneType
    public var PhoneNumber: String?
}

public struct PersistentConnectionConfig: Codable, Sendable, Hashable {
    public var Channel: Channel
    public var PersistentConnection: Bool
}

public struct VoiceEnhancementConfig: Codable, Sendable, Hashable {
    public var Channel: Channel
    /// `VOICE_ISOLATION` | `NOISE_SUPPRESSION` | `NONE`.
    public var VoiceEnhancementMode: String
}

public struct User: Codable, Sendable, Equatable {
    public var Id: String?
    public var Arn: String?
    public var Username: String?
    public var IdentityInfo: UserIdentityInfo?
    public var PhoneConfig: UserPhoneConfig?
    public var DirectoryUserId: String?
    public var SecurityProfileIds: [String]?
    public var RoutingProfileId: String?
    public var HierarchyGroupId: String?
    public var Tags: TagMap?
    public var AutoAcceptConfigs: [AutoAcceptConfig]?
    public var AfterContactWorkConfigs: [AfterContactWorkConfigPerChannel]?
    public var PhoneNumberConfigs: [PhoneNumberConfig]?
    public var PersistentConnectionConfigs: [PersistentConnectionConfig]?
    public var VoiceEnhancementConfigs: [VoiceEnhancementConfig]?
    public var LastModifiedTime: Date?
    public var LastModifiedRegion: String?
}

/// SearchUsers item: like `User` but with `UserIdentityInfoLite` and no modification data.
public struct UserSearchSummary: Codable, Sendable, Equatable {
    public var Arn: String?
    public var DirectoryUserId: String?
    public var HierarchyGroupId: String?
    public var Id: String?
    public var IdentityInfo: UserIdentityInfoLite?
    public var PhoneConfig: UserPhoneConfig?
    public var RoutingProfileId: String?
    public var SecurityProfileIds: [String]?
    public var Tags: TagMap?
    public var Username: String?
    public var AutoAcceptConfigs: [AutoAcceptConfig]?
    public var AfterContactWorkConfigs: [AfterContactWorkConfigPerChannel]?
    public var PhoneNumberConfigs: [PhoneNumberConfig]?
    public var PersistentConnectionConfigs: [PersistentConnectionConfig]?
    public var VoiceEnhancementConfigs: [VoiceEnhancementConfig]?
}

public struct UserSummary: Codable, Sendable, Equatable {
    public var Id: String?
    public var Arn: String?
    public var Username: String?
    public var LastModifiedTime: Date?
    public var LastModifiedRegion: String?
}
