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
}

/// ListRoutingProfileManualAssignmentQueues' items (Channel: "Valid Values: CHAT | TASK | EMAIL").
public struct RoutingProfileManualAssignmentQueueConfigSummary: Codable, Sendable, Hashable {
    public var QueueId: String
    public var QueueArn: String
    public var QueueName: String
    public var Channel: Channel
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
}

public struct RoutingProfileSummary: Codable, Sendable, Equatable {
    public var Id: String?
    public var Arn: String?
    public var Name: String?
    public var LastModifiedTime: Date?
    public var LastModifiedRegion: String?
}
