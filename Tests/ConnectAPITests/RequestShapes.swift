import Foundation
import ConnectAPI

// Request and response bodies of the write operations, as botocore models them. Patchbay
// itself writes with JSON call values (Reconciler `CallValue`); these typed bodies exist so the
// wire tests can compare what the client sends with what botocore builds.

/// Body of `CreateContactFlow`.
struct CreateContactFlowRequest: Codable, Sendable, Equatable {
    var Name: String
    var `Type`: ContactFlowType
    var Description: String?
    var Content: String
    var Status: ContactFlowStatus?
    var Tags: TagMap?
}

struct CreateContactFlowResponse: Codable, Sendable, Equatable {
    var ContactFlowId: String?
    var ContactFlowArn: String?
    var FlowContentSha256: String?
}

/// Body of `CreateContactFlowModule`. `ClientToken` is the idempotency token: the client
/// fills in a fresh UUID when it is nil, as the SDKs do.
struct CreateContactFlowModuleRequest: Codable, Sendable, Equatable {
    var Name: String
    var Description: String?
    var Content: String
    var Tags: TagMap?
    var ClientToken: String?
    var Settings: String?
    var ExternalInvocationConfiguration: ExternalInvocationConfiguration?
}

struct CreateContactFlowModuleResponse: Codable, Sendable, Equatable {
    var Id: String?
    var Arn: String?
}

/// Body of `CreateHoursOfOperation` (the instance id goes in the path).
struct CreateHoursOfOperationRequest: Codable, Sendable, Equatable {
    var Name: String
    var Description: String?
    var TimeZone: String
    var Config: [HoursOfOperationConfig]
    var ParentHoursOfOperationConfigs: [ParentHoursOfOperationConfig]?
    var Tags: TagMap?
}

struct CreateHoursOfOperationResponse: Codable, Sendable, Equatable {
    var HoursOfOperationId: String?
    var HoursOfOperationArn: String?
}

/// Body of `UpdateHoursOfOperation`: every member optional; nil members are left unchanged.
struct UpdateHoursOfOperationRequest: Codable, Sendable, Equatable {
    var Name: String?
    var Description: String?
    var TimeZone: String?
    var Config: [HoursOfOperationConfig]?
}

/// Body of `CreateQueue`.
struct CreateQueueRequest: Codable, Sendable, Equatable {
    var Name: String
    var Description: String?
    var OutboundCallerConfig: OutboundCallerConfig?
    var OutboundEmailConfig: OutboundEmailConfig?
    var HoursOfOperationId: String
    var MaxContacts: Int?
    var QuickConnectIds: [String]?
    var EmailAddressesConfig: [EmailAddressConfig]?
    var Tags: TagMap?
}

struct CreateQueueResponse: Codable, Sendable, Equatable {
    var QueueArn: String?
    var QueueId: String?
}

/// Body of `CreateQuickConnect`.
struct CreateQuickConnectRequest: Codable, Sendable, Equatable {
    var Name: String
    var Description: String?
    var QuickConnectConfig: QuickConnectConfig
    var Tags: TagMap?
}

struct CreateQuickConnectResponse: Codable, Sendable, Equatable {
    var QuickConnectARN: String?
    var QuickConnectId: String?
}

/// Body of `CreateRoutingProfile`. `Description` is required by the model.
struct CreateRoutingProfileRequest: Codable, Sendable, Equatable {
    var Name: String
    var Description: String
    var DefaultOutboundQueueId: String
    var QueueConfigs: [RoutingProfileQueueConfig]?
    var ManualAssignmentQueueConfigs: [RoutingProfileManualAssignmentQueueConfig]?
    var MediaConcurrencies: [MediaConcurrency]
    var Tags: TagMap?
    var AgentAvailabilityTimer: AgentAvailabilityTimer?
}

struct CreateRoutingProfileResponse: Codable, Sendable, Equatable {
    var RoutingProfileArn: String?
    var RoutingProfileId: String?
}

/// Body of `CreateSecurityProfile`.
struct CreateSecurityProfileRequest: Codable, Sendable, Equatable {
    var SecurityProfileName: String
    var Description: String?
    var Permissions: [String]?
    var Tags: TagMap?
    var AllowedAccessControlTags: [String: String]?
    var TagRestrictedResources: [String]?
    var Applications: [Application]?
    var HierarchyRestrictedResources: [String]?
    var AllowedAccessControlHierarchyGroupId: String?
    var AllowedFlowModules: [FlowModule]?
    var GranularAccessControlConfiguration: GranularAccessControlConfiguration?
}

struct CreateSecurityProfileResponse: Codable, Sendable, Equatable {
    var SecurityProfileId: String?
    var SecurityProfileArn: String?
}

/// Body of `UpdateSecurityProfile`: nil members are left unchanged; `Permissions`
/// replaces the whole permission set.
struct UpdateSecurityProfileRequest: Codable, Sendable, Equatable {
    var Description: String?
    var Permissions: [String]?
    var AllowedAccessControlTags: [String: String]?
    var TagRestrictedResources: [String]?
    var Applications: [Application]?
    var HierarchyRestrictedResources: [String]?
    var AllowedAccessControlHierarchyGroupId: String?
    var AllowedFlowModules: [FlowModule]?
    var GranularAccessControlConfiguration: GranularAccessControlConfiguration?
}

/// Body of `CreateUser`.
struct CreateUserRequest: Codable, Sendable, Equatable {
    var Username: String
    var Password: String?
    var IdentityInfo: UserIdentityInfo?
    var PhoneConfig: UserPhoneConfig?
    var DirectoryUserId: String?
    var SecurityProfileIds: [String]
    var RoutingProfileId: String
    var HierarchyGroupId: String?
    var AutoAcceptConfigs: [AutoAcceptConfig]?
    var AfterContactWorkConfigs: [AfterContactWorkConfigPerChannel]?
    var PhoneNumberConfigs: [PhoneNumberConfig]?
    var PersistentConnectionConfigs: [PersistentConnectionConfig]?
    var VoiceEnhancementConfigs: [VoiceEnhancementConfig]?
    var Tags: TagMap?
}

struct CreateUserResponse: Codable, Sendable, Equatable {
    var UserId: String?
    var UserArn: String?
}

struct HierarchyLevelUpdate: Codable, Sendable, Hashable {
    var Name: String

    public init(Name: String) { self.Name = Name }
}

/// `UpdateUserHierarchyStructure` input: the complete structure (omitted levels are removed).
struct HierarchyStructureUpdate: Codable, Sendable, Hashable {
    var LevelOne: HierarchyLevelUpdate?
    var LevelTwo: HierarchyLevelUpdate?
    var LevelThree: HierarchyLevelUpdate?
    var LevelFour: HierarchyLevelUpdate?
    var LevelFive: HierarchyLevelUpdate?
}

/// Body of `CreateUserHierarchyGroup`.
struct CreateUserHierarchyGroupRequest: Codable, Sendable, Equatable {
    var Name: String
    var ParentGroupId: String?
    var Tags: TagMap?
}

struct CreateUserHierarchyGroupResponse: Codable, Sendable, Equatable {
    var HierarchyGroupId: String?
    var HierarchyGroupArn: String?
}
