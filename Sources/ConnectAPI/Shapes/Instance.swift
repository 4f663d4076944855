import Foundation

public struct InstanceStatusReason: Codable, Sendable, Equatable {
    public var Message: String?
}

public struct Instance: Codable, Sendable, Equatable {
    public var Id: String?
    public var Arn: String?
    /// `SAML` | `CONNECT_MANAGED` | `EXISTING_DIRECTORY`.
    public var IdentityManagementType: String?
    public var InstanceAlias: String?
    public var CreatedTime: Date?
    public var ServiceRole: String?
    /// `CREATION_IN_PROGRESS` | `ACTIVE` | `CREATION_FAILED`.
    public var InstanceStatus: String?
    public var StatusReason: InstanceStatusReason?
    public var InboundCallsEnabled: Bool?
    public var OutboundCallsEnabled: Bool?
    public var InstanceAccessUrl: String?
    public var Tags: TagMap?
}

public struct InstanceSummary: Codable, Sendable, Equatable {
    public var Id: String?
    public var Arn: String?
    public var IdentityManagementType: String?
    public var InstanceAlias: String?
    public var CreatedTime: Date?
    public var ServiceRole: String?
    public var InstanceStatus: String?
    public var InboundCallsEnabled: Bool?
    public var OutboundCallsEnabled: Bool?
    public var InstanceAccessUrl: String?
}

public struct ReplicationStatusSummary: Codable, Sendable, Equatable {
    public var Region: String?
    public var ReplicationStatus: String?
    public var ReplicationStatusReason: String?
}

public struct ReplicationConfiguration: Codable, Sendable, Equatable {
    public var ReplicationStatusSummaryList: [ReplicationStatusSummary]?
    public var SourceRegion: String?
    public var GlobalSignInEndpoint: String?
}

public struct DescribeInstanceResponse: Codable, Sendable, Equatable {
    public var Instance: Instance?
    public var ReplicationConfiguration: ReplicationConfiguration?
}
