import Foundation

public struct BehaviorType: ConnectStringEnum {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public static let ROUTE_CURRENT_CHANNEL_ONLY: Self = "ROUTE_CURRENT_CHANNEL_ONLY"
    public static let ROUTE_ANY_CHANNEL: Self = "ROUTE_ANY_CHANNEL"
}

public struct AgentAvailabilityTimer: ConnectStringEnum {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public static let TIME_SINCE_LAST_ACTIVITY: Self = "TIME_SINCE_LAST_ACTIVITY"
    public static let TIME_SINCE_LAST_INBOUND: Self = "TIME_SINCE_LAST_INBOUND"
}

public struct CrossChannelBehavior: Codable, Sendable, Hashable {
    public var BehaviorType: BehaviorType

    public init(BehaviorType: BehaviorType) { self.BehaviorType = BehaviorType }
}

public struct MediaConcurrency: Codable, Sendable, Hashable {
    public var Channel: Channel
    public var Concurrency: Int
    public var CrossChannelBehavior: CrossChannelBehavior?

    public init(Channel: Channel, Concurrency: Int, CrossChannelBehavior: CrossChannelBehavior? = nil) {
        self.Channel = Channel
        self.Concurrency = Concurrency
        self.CrossChannelBehavior = CrossChannelBehavior
    }
}

public struct RoutingProfileQueueReference: Codable, Sendable, Hashable {
    public var QueueId: String
    public var Channel: Channel

    public init(QueueId: String, Channel: Channel) {
        self.QueueId = QueueId
        self.Channel = Channel
    }
}

public struct RoutingProfileQueueConfig: Codable, Sendable, Hashable {
    public var QueueReference: RoutingProfileQueueReference
    /// 1–99; lower is served first.
    public var Priority: Int
    /// 0–9999 seconds.
    public var Delay: Int

    public init(QueueReference: RoutingProfileQueueReference, Priority: Int, Delay: Int) {
        self.QueueReference = QueueReference
        self.Priority = Priority
        self.Delay = Delay
    }
}

public struct RoutingProfileManualAssignmentQueueConfig: Codable, Sendable, Hashable {
    public var QueueReference: RoutingProfileQueueReference

    public init(QueueReference: RoutingProfileQueueReference) { self.QueueReference = QueueReference }
}

public struct RoutingProfileQueueConfigSummary: Codable, Sendable, Hashable {
    public var QueueId: String
    public var QueueArn: String
    public var QueueName: String
    public var Priority: Int
    public var Delay: Int
    public var Channel: Channel

    public init(QueueId: String, QueueArn: String, QueueName: String, Priority: Int, Delay: Int, Channel: Channel) {
        self.QueueId = QueueId
        self.QueueArn = QueueArn
        self.QueueName = QueueName
        self.Priority = Priority
        self.Delay = Delay
        self.Channel = Channel
    }
}

public struct RoutingProfile: Codable, Sendable, Equatable {
    public var InstanceId: String?
    public var Name: String?
    public var RoutingProfileArn: String?
    public var RoutingProfileId: String?
    public var Description: String?
    public var MediaConcurrencies: [MediaConcurrency]?
    public var DefaultOutboundQueueId: String?
    public var Tags: TagMap?
    public var NumberOfAssociatedQueues: Int64?
    public var NumberOfAssociatedManualAssignmentQueues: Int64?
    public var NumberOfAssociatedUsers: Int64?
    public var AgentAvailabilityTimer: AgentAvailabilityTimer?
    public var LastModifiedTime: Date?
    public var LastModifiedRegion: String?
    public var IsDefault: Bool?
    public var AssociatedQueueIds: [String]?
    public var AssociatedManualAssignmentQueueIds: [String]?

    public init(
        InstanceId: String? = nil,
        Name: String? = nil,
        RoutingProfileArn: String? = nil,
        RoutingProfileId: String? = nil,
        Description: String? = nil,
        MediaConcurrencies: [MediaConcurrency]? = nil,
        DefaultOutboundQueueId: String? = nil,
        Tags: TagMap? = nil,
        NumberOfAssociatedQueues: Int64? = nil,
        NumberOfAssociatedManualAssignmentQueues: Int64? = nil,
        NumberOfAssociatedUsers: Int64? = nil,
        AgentAvailabilityTimer: AgentAvailabilityTimer? = nil,
        LastModifiedTime: Date? = nil,
        LastModifiedRegion: String? = nil,
        IsDefault: Bool? = nil,
        AssociatedQueueIds: [String]? = nil,
        AssociatedManualAssignmentQueueIds: [String]? = nil
    ) {
        self.InstanceId = InstanceId
        self.Name = Name
        self.RoutingProfileArn = RoutingProfileArn
        self.RoutingProfileId = RoutingProfileId
        self.Description = Description
        self.MediaConcurrencies = MediaConcurrencies
        self.DefaultOutboundQueueId = DefaultOutboundQueueId
        self.Tags = Tags
        self.NumberOfAssociatedQueues = NumberOfAssociatedQueues
        self.NumberOfAssociatedManualAssignmentQueues = NumberOfAssociatedManualAssignmentQueues
        self.NumberOfAssociatedUsers = NumberOfAssociatedUsers
        self.AgentAvailabilityTimer = AgentAvailabilityTimer
        self.LastModifiedTime = LastModifiedTime
        self.LastModifiedRegion = LastModifiedRegion
        self.IsDefault = IsDefault
        self.AssociatedQueueIds = AssociatedQueueIds
        self.AssociatedManualAssignmentQueueIds = AssociatedManualAssignmentQueueIds
    }
}

public struct RoutingProfileSummary: Codable, Sendable, Equatable {
    public var Id: String?
    public var Arn: String?
    public var Name: String?
    public var LastModifiedTime: Date?
    public var LastModifiedRegion: String?

    public init(
        Id: String? = nil,
        Arn: String? = nil,
        Name: String? = nil,
        LastModifiedTime: Date? = nil,
        LastModifiedRegion: String? = nil
    ) {
        self.Id = Id
        self.Arn = Arn
        self.Name = Name
        self.LastModifiedTime = LastModifiedTime
        self.LastModifiedRegion = LastModifiedRegion
    }
}

/// Body of `CreateRoutingProfile`. `Description` is required by the model.
public struct CreateRoutingProfileRequest: Codable, Sendable, Equatable {
    public var Name: String
    public var Description: String
    public var DefaultOutboundQueueId: String
    public var QueueConfigs: [RoutingProfileQueueConfig]?
    public var ManualAssignmentQueueConfigs: [RoutingProfileManualAssignmentQueueConfig]?
    public var MediaConcurrencies: [MediaConcurrency]
    public var Tags: TagMap?
    public var AgentAvailabilityTimer: AgentAvailabilityTimer?

    public init(Name: String, Description: String, DefaultOutboundQueueId: String,
                QueueConfigs: [RoutingProfileQueueConfig]? = nil,
                ManualAssignmentQueueConfigs: [RoutingProfileManualAssignmentQueueConfig]? = nil,
                MediaConcurrencies: [MediaConcurrency], Tags: TagMap? = nil,
                AgentAvailabilityTimer: AgentAvailabilityTimer? = nil) {
        self.Name = Name
        self.Description = Description
        self.DefaultOutboundQueueId = DefaultOutboundQueueId
        self.QueueConfigs = QueueConfigs
        self.ManualAssignmentQueueConfigs = ManualAssignmentQueueConfigs
        self.MediaConcurrencies = MediaConcurrencies
        self.Tags = Tags
        self.AgentAvailabilityTimer = AgentAvailabilityTimer
    }
}

public struct CreateRoutingProfileResponse: Codable, Sendable, Equatable {
    public var RoutingProfileArn: String?
    public var RoutingProfileId: String?

    public init(RoutingProfileArn: String? = nil, RoutingProfileId: String? = nil) {
        self.RoutingProfileArn = RoutingProfileArn
        self.RoutingProfileId = RoutingProfileId
    }
}
