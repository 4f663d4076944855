import Foundation

public struct InstanceStatusReason: Codable, Sendable, Equatable {
    public var Message: String?

    public init(Message: String? = nil) {
        self.Message = Message
    }
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

    public init(
        Id: String? = nil,
        Arn: String? = nil,
        IdentityManagementType: String? = nil,
        InstanceAlias: String? = nil,
        CreatedTime: Date? = nil,
        ServiceRole: String? = nil,
        InstanceStatus: String? = nil,
        StatusReason: InstanceStatusReason? = nil,
        InboundCallsEnabled: Bool? = nil,
        OutboundCallsEnabled: Bool? = nil,
        InstanceAccessUrl: String? = nil,
        Tags: TagMap? = nil
    ) {
        self.Id = Id
        self.Arn = Arn
        self.IdentityManagementType = IdentityManagementType
        self.InstanceAlias = InstanceAlias
        self.CreatedTime = CreatedTime
        self.ServiceRole = ServiceRole
        self.InstanceStatus = InstanceStatus
        self.StatusReason = StatusReason
        self.InboundCallsEnabled = InboundCallsEnabled
        self.OutboundCallsEnabled = OutboundCallsEnabled
        self.InstanceAccessUrl = InstanceAccessUrl
        self.Tags = Tags
    }
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

    public init(
        Id: String? = nil,
        Arn: String? = nil,
        IdentityManagementType: String? = nil,
        InstanceAlias: String? = nil,
        CreatedTime: Date? = nil,
        ServiceRole: String? = nil,
        InstanceStatus: String? = nil,
        InboundCallsEnabled: Bool? = nil,
        OutboundCallsEnabled: Bool? = nil,
        InstanceAccessUrl: String? = nil
    ) {
        self.Id = Id
        self.Arn = Arn
        self.IdentityManagementType = IdentityManagementType
        self.InstanceAlias = InstanceAlias
        self.CreatedTime = CreatedTime
        self.ServiceRole = ServiceRole
        self.InstanceStatus = InstanceStatus
        self.InboundCallsEnabled = InboundCallsEnabled
        self.OutboundCallsEnabled = OutboundCallsEnabled
        self.InstanceAccessUrl = InstanceAccessUrl
    }
}

public struct ReplicationStatusSummary: Codable, Sendable, Equatable {
    public var Region: String?
    public var ReplicationStatus: String?
    public var ReplicationStatusReason: String?

    public init(Region: String? = nil, ReplicationStatus: String? = nil, ReplicationStatusReason: String? = nil) {
        self.Region = Region
        self.ReplicationStatus = ReplicationStatus
        self.ReplicationStatusReason = ReplicationStatusReason
    }
}

public struct ReplicationConfiguration: Codable, Sendable, Equatable {
    public var ReplicationStatusSummaryList: [ReplicationStatusSummary]?
    public var SourceRegion: String?
    public var GlobalSignInEndpoint: String?

    public init(
        ReplicationStatusSummaryList: [ReplicationStatusSummary]? = nil,
        SourceRegion: String? = nil,
        GlobalSignInEndpoint: String? = nil
    ) {
        self.ReplicationStatusSummaryList = ReplicationStatusSummaryList
        self.SourceRegion = SourceRegion
        self.GlobalSignInEndpoint = GlobalSignInEndpoint
    }
}

public struct DescribeInstanceResponse: Codable, Sendable, Equatable {
    public var Instance: Instance?
    public var ReplicationConfiguration: ReplicationConfiguration?

    public init(Instance: Instance? = nil, ReplicationConfiguration: ReplicationConfiguration? = nil) {
        self.Instance = Instance
        self.ReplicationConfiguration = ReplicationConfiguration
    }
}
