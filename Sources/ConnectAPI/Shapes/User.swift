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

    public init(FirstName: String? = nil, LastName: String? = nil) {
        self.FirstName = FirstName
        self.LastName = LastName
    }
}

public struct UserPhoneConfig: Codable, Sendable, Hashable {
    public var PhoneType: PhoneType?
    public var AutoAccept: Bool?
    public var AfterContactWorkTimeLimit: Int?
    public var DeskPhoneNumber: String?
    public var PersistentConnection: Bool?

    public init(PhoneType: PhoneType? = nil, AutoAccept: Bool? = nil, AfterContactWorkTimeLimit: Int? = nil,
                DeskPhoneNumber: String? = nil, PersistentConnection: Bool? = nil) {
        self.PhoneType = PhoneType
        self.AutoAccept = AutoAccept
        self.AfterContactWorkTimeLimit = AfterContactWorkTimeLimit
        self.DeskPhoneNumber = DeskPhoneNumber
        self.PersistentConnection = PersistentConnection
    }
}

public struct AutoAcceptConfig: Codable, Sendable, Hashable {
    public var Channel: Channel
    public var AutoAccept: Bool
    public var AgentFirstCallbackAutoAccept: Bool?

    public init(Channel: Channel, AutoAccept: Bool, AgentFirstCallbackAutoAccept: Bool? = nil) {
        self.Channel = Channel
        self.AutoAccept = AutoAccept
        self.AgentFirstCallbackAutoAccept = AgentFirstCallbackAutoAccept
    }
}

public struct AfterContactWorkConfig: Codable, Sendable, Hashable {
    public var AfterContactWorkTimeLimit: Int?

    public init(AfterContactWorkTimeLimit: Int? = nil) { self.AfterContactWorkTimeLimit = AfterContactWorkTimeLimit }
}

public struct AfterContactWorkConfigPerChannel: Codable, Sendable, Hashable {
    public var Channel: Channel
    public var AfterContactWorkConfig: AfterContactWorkConfig
    public var AgentFirstCallbackAfterContactWorkConfig: AfterContactWorkConfig?

    public init(Channel: Channel, AfterContactWorkConfig: AfterContactWorkConfig,
                AgentFirstCallbackAfterContactWorkConfig: AfterContactWorkConfig? = nil) {
        self.Channel = Channel
        self.AfterContactWorkConfig = AfterContactWorkConfig
        self.AgentFirstCallbackAfterContactWorkConfig = AgentFirstCallbackAfterContactWorkConfig
    }
}

public struct PhoneNumberConfig: Codable, Sendable, Hashable {
    public var Channel: Channel
    public var PhoneType: PhoneType
    public var PhoneNumber: String?

    public init(Channel: Channel, PhoneType: PhoneType, PhoneNumber: String? = nil) {
        self.Channel = Channel
        self.PhoneType = PhoneType
        self.PhoneNumber = PhoneNumber
    }
}

public struct PersistentConnectionConfig: Codable, Sendable, Hashable {
    public var Channel: Channel
    public var PersistentConnection: Bool

    public init(Channel: Channel, PersistentConnection: Bool) {
        self.Channel = Channel
        self.PersistentConnection = PersistentConnection
    }
}

public struct VoiceEnhancementConfig: Codable, Sendable, Hashable {
    public var Channel: Channel
    /// `VOICE_ISOLATION` | `NOISE_SUPPRESSION` | `NONE`.
    public var VoiceEnhancementMode: String

    public init(Channel: Channel, VoiceEnhancementMode: String) {
        self.Channel = Channel
        self.VoiceEnhancementMode = VoiceEnhancementMode
    }
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

    public init(
        Id: String? = nil,
        Arn: String? = nil,
        Username: String? = nil,
        IdentityInfo: UserIdentityInfo? = nil,
        PhoneConfig: UserPhoneConfig? = nil,
        DirectoryUserId: String? = nil,
        SecurityProfileIds: [String]? = nil,
        RoutingProfileId: String? = nil,
        HierarchyGroupId: String? = nil,
        Tags: TagMap? = nil,
        AutoAcceptConfigs: [AutoAcceptConfig]? = nil,
        AfterContactWorkConfigs: [AfterContactWorkConfigPerChannel]? = nil,
        PhoneNumberConfigs: [PhoneNumberConfig]? = nil,
        PersistentConnectionConfigs: [PersistentConnectionConfig]? = nil,
        VoiceEnhancementConfigs: [VoiceEnhancementConfig]? = nil,
        LastModifiedTime: Date? = nil,
        LastModifiedRegion: String? = nil
    ) {
        self.Id = Id
        self.Arn = Arn
        self.Username = Username
        self.IdentityInfo = IdentityInfo
        self.PhoneConfig = PhoneConfig
        self.DirectoryUserId = DirectoryUserId
        self.SecurityProfileIds = SecurityProfileIds
        self.RoutingProfileId = RoutingProfileId
        self.HierarchyGroupId = HierarchyGroupId
        self.Tags = Tags
        self.AutoAcceptConfigs = AutoAcceptConfigs
        self.AfterContactWorkConfigs = AfterContactWorkConfigs
        self.PhoneNumberConfigs = PhoneNumberConfigs
        self.PersistentConnectionConfigs = PersistentConnectionConfigs
        self.VoiceEnhancementConfigs = VoiceEnhancementConfigs
        self.LastModifiedTime = LastModifiedTime
        self.LastModifiedRegion = LastModifiedRegion
    }
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

    public init(
        Arn: String? = nil,
        DirectoryUserId: String? = nil,
        HierarchyGroupId: String? = nil,
        Id: String? = nil,
        IdentityInfo: UserIdentityInfoLite? = nil,
        PhoneConfig: UserPhoneConfig? = nil,
        RoutingProfileId: String? = nil,
        SecurityProfileIds: [String]? = nil,
        Tags: TagMap? = nil,
        Username: String? = nil,
        AutoAcceptConfigs: [AutoAcceptConfig]? = nil,
        AfterContactWorkConfigs: [AfterContactWorkConfigPerChannel]? = nil,
        PhoneNumberConfigs: [PhoneNumberConfig]? = nil,
        PersistentConnectionConfigs: [PersistentConnectionConfig]? = nil,
        VoiceEnhancementConfigs: [VoiceEnhancementConfig]? = nil
    ) {
        self.Arn = Arn
        self.DirectoryUserId = DirectoryUserId
        self.HierarchyGroupId = HierarchyGroupId
        self.Id = Id
        self.IdentityInfo = IdentityInfo
        self.PhoneConfig = PhoneConfig
        self.RoutingProfileId = RoutingProfileId
        self.SecurityProfileIds = SecurityProfileIds
        self.Tags = Tags
        self.Username = Username
        self.AutoAcceptConfigs = AutoAcceptConfigs
        self.AfterContactWorkConfigs = AfterContactWorkConfigs
        self.PhoneNumberConfigs = PhoneNumberConfigs
        self.PersistentConnectionConfigs = PersistentConnectionConfigs
        self.VoiceEnhancementConfigs = VoiceEnhancementConfigs
    }
}

public struct UserSummary: Codable, Sendable, Equatable {
    public var Id: String?
    public var Arn: String?
    public var Username: String?
    public var LastModifiedTime: Date?
    public var LastModifiedRegion: String?

    public init(
        Id: String? = nil,
        Arn: String? = nil,
        Username: String? = nil,
        LastModifiedTime: Date? = nil,
        LastModifiedRegion: String? = nil
    ) {
        self.Id = Id
        self.Arn = Arn
        self.Username = Username
        self.LastModifiedTime = LastModifiedTime
        self.LastModifiedRegion = LastModifiedRegion
    }
}

/// Body of `CreateUser`.
public struct CreateUserRequest: Codable, Sendable, Equatable {
    public var Username: String
    public var Password: String?
    public var IdentityInfo: UserIdentityInfo?
    public var PhoneConfig: UserPhoneConfig?
    public var DirectoryUserId: String?
    public var SecurityProfileIds: [String]
    public var RoutingProfileId: String
    public var HierarchyGroupId: String?
    public var AutoAcceptConfigs: [AutoAcceptConfig]?
    public var AfterContactWorkConfigs: [AfterContactWorkConfigPerChannel]?
    public var PhoneNumberConfigs: [PhoneNumberConfig]?
    public var PersistentConnectionConfigs: [PersistentConnectionConfig]?
    public var VoiceEnhancementConfigs: [VoiceEnhancementConfig]?
    public var Tags: TagMap?

    public init(Username: String, Password: String? = nil, IdentityInfo: UserIdentityInfo? = nil,
                PhoneConfig: UserPhoneConfig? = nil, DirectoryUserId: String? = nil,
                SecurityProfileIds: [String], RoutingProfileId: String, HierarchyGroupId: String? = nil,
                AutoAcceptConfigs: [AutoAcceptConfig]? = nil,
                AfterContactWorkConfigs: [AfterContactWorkConfigPerChannel]? = nil,
                PhoneNumberConfigs: [PhoneNumberConfig]? = nil,
                PersistentConnectionConfigs: [PersistentConnectionConfig]? = nil,
                VoiceEnhancementConfigs: [VoiceEnhancementConfig]? = nil, Tags: TagMap? = nil) {
        self.Username = Username
        self.Password = Password
        self.IdentityInfo = IdentityInfo
        self.PhoneConfig = PhoneConfig
        self.DirectoryUserId = DirectoryUserId
        self.SecurityProfileIds = SecurityProfileIds
        self.RoutingProfileId = RoutingProfileId
        self.HierarchyGroupId = HierarchyGroupId
        self.AutoAcceptConfigs = AutoAcceptConfigs
        self.AfterContactWorkConfigs = AfterContactWorkConfigs
        self.PhoneNumberConfigs = PhoneNumberConfigs
        self.PersistentConnectionConfigs = PersistentConnectionConfigs
        self.VoiceEnhancementConfigs = VoiceEnhancementConfigs
        self.Tags = Tags
    }
}

public struct CreateUserResponse: Codable, Sendable, Equatable {
    public var UserId: String?
    public var UserArn: String?

    public init(UserId: String? = nil, UserArn: String? = nil) {
        self.UserId = UserId
        self.UserArn = UserArn
    }
}
