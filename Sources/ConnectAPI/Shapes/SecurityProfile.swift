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
