import Foundation

public struct Application: Codable, Sendable, Hashable {
    public var Namespace: String?
    public var ApplicationPermissions: [String]?
    /// `MCP` | `THIRD_PARTY_APPLICATION`.
    public var `Type`: String?

    public init(Namespace: String? = nil, ApplicationPermissions: [String]? = nil, Type: String? = nil) {
        self.Namespace = Namespace
        self.ApplicationPermissions = ApplicationPermissions
        self.Type = Type
    }
}

public struct FlowModule: Codable, Sendable, Hashable {
    /// `MCP`.
    public var `Type`: String?
    public var FlowModuleId: String?

    public init(Type: String? = nil, FlowModuleId: String? = nil) {
        self.Type = Type
        self.FlowModuleId = FlowModuleId
    }
}

public struct PrimaryAttributeValue: Codable, Sendable, Hashable {
    /// `ALLOW`.
    public var AccessType: String?
    public var AttributeName: String?
    public var Values: [String]?
}

public struct PrimaryAttributeAccessControlConfigurationItem: Codable, Sendable, Hashable {
    public var PrimaryAttributeValues: [PrimaryAttributeValue]?

    public init(PrimaryAttributeValues: [PrimaryAttributeValue]? = nil) { self.PrimaryAttributeValues = PrimaryAttributeValues }
}

public struct DataTableAccessControlConfiguration: Codable, Sendable, Hashable {
    public var PrimaryAttributeAccessControlConfiguration: PrimaryAttributeAccessControlConfigurationItem?
}

public struct GranularAccessControlConfiguration: Codable, Sendable, Hashable {
    public var DataTableAccessControlConfiguration: DataTableAccessControlConfiguration?
}

/// `DescribeSecurityProfile` result. Permissions are not part of it: use
/// `listSecurityProfilePermissions`.
public struct SecurityProfile: Codable, Sendable, Equatable {
    public var Id: String?
    public var OrganizationResourceId: String?
    public var Arn: String?
    public var SecurityProfileName: String?
    public var Description: String?
    public var Tags: TagMap?
    public var AllowedAccessControlTags: [String: String]?
    public var TagRestrictedResources: [String]?
    public var LastModifiedTime: Date?
    public var LastModifiedRegion: String?
    public var HierarchyRestrictedResources: [String]?
    public var AllowedAccessControlHierarchyGroupId: String?
    public var GranularAccessControlConfiguration: GranularAccessControlConfiguration?
}

public struct SecurityProfileSearchSummary: Codable, Sendable, Equatable {
    public var Id: String?
    public var OrganizationResourceId: String?
    public var Arn: String?
    public var SecurityProfileName: String?
    public var Description: String?
    public var Tags: TagMap?
}

public struct SecurityProfileSummary: Codable, Sendable, Equatable {
    public var Id: String?
    public var Arn: String?
    public var Name: String?
    public var LastModifiedTime: Date?
    public var LastModifiedRegion: String?
}

/// Body of `CreateSecurityProfile`.
public struct CreateSecurityProfileRequest: Codable, Sendable, Equatable {
    public var SecurityProfileName: String
    public var Description: String?
    public var Permissions: [String]?
    public var Tags: TagMap?
    public var AllowedAccessControlTags: [String: String]?
    public var TagRestrictedResources: [String]?
    public var Applications: [Application]?
    public var HierarchyRestrictedResources: [String]?
    public var AllowedAccessControlHierarchyGroupId: String?
    public var AllowedFlowModules: [FlowModule]?
    public var GranularAccessControlConfiguration: GranularAccessControlConfiguration?

    public init(SecurityProfileName: String, Description: String? = nil, Permissions: [String]? = nil,
                Tags: TagMap? = nil, AllowedAccessControlTags: [String: String]? = nil,
                TagRestrictedResources: [String]? = nil, Applications: [Application]? = nil,
                HierarchyRestrictedResources: [String]? = nil, AllowedAccessControlHierarchyGroupId: String? = nil,
                AllowedFlowModules: [FlowModule]? = nil,
                GranularAccessControlConfiguration: GranularAccessControlConfiguration? = nil) {
        self.SecurityProfileName = SecurityProfileName
        self.Description = Description
        self.Permissions = Permissions
        self.Tags = Tags
        self.AllowedAccessControlTags = AllowedAccessControlTags
        self.TagRestrictedResources = TagRestrictedResources
        self.Applications = Applications
        self.HierarchyRestrictedResources = HierarchyRestrictedResources
        self.AllowedAccessControlHierarchyGroupId = AllowedAccessControlHierarchyGroupId
        self.AllowedFlowModules = AllowedFlowModules
        self.GranularAccessControlConfiguration = GranularAccessControlConfiguration
    }
}

public struct CreateSecurityProfileResponse: Codable, Sendable, Equatable {
    public var SecurityProfileId: String?
    public var SecurityProfileArn: String?
}

/// Body of `UpdateSecurityProfile`: nil members are left unchanged; `Permissions`
/// replaces the whole permission set.
public struct UpdateSecurityProfileRequest: Codable, Sendable, Equatable {
    public var Description: String?
    public var Permissions: [String]?
    public var AllowedAccessControlTags: [String: String]?
    public var TagRestrictedResources: [String]?
    public var Applications: [Application]?
    public var HierarchyRestrictedResources: [String]?
    public var AllowedAccessControlHierarchyGroupId: String?
    public var AllowedFlowModules: [FlowModule]?
    public var GranularAccessControlConfiguration: GranularAccessControlConfiguration?
}
