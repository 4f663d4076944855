import Foundation

public struct QuickConnectType: ConnectStringEnum {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public static let USER: Self = "USER"
    public static let QUEUE: Self = "QUEUE"
    public static let PHONE_NUMBER: Self = "PHONE_NUMBER"
    public static let FLOW: Self = "FLOW"
}

public struct UserQuickConnectConfig: Codable, Sendable, Hashable {
    public var UserId: String
    /// An AGENT_TRANSFER flow.
    public var ContactFlowId: String

    public init(UserId: String, ContactFlowId: String) {
        self.UserId = UserId
        self.ContactFlowId = ContactFlowId
    }
}

public struct QueueQuickConnectConfig: Codable, Sendable, Hashable {
    public var QueueId: String
    /// A QUEUE_TRANSFER flow.
    public var ContactFlowId: String

    public init(QueueId: String, ContactFlowId: String) {
        self.QueueId = QueueId
        self.ContactFlowId = ContactFlowId
    }
}

public struct PhoneNumberQuickConnectConfig: Codable, Sendable, Hashable {
    /// E.164.
    public var PhoneNumber: String

    public init(PhoneNumber: String) { self.PhoneNumber = PhoneNumber }
}

public struct FlowQuickConnectConfig: Codable, Sendable, Hashable {
    public var ContactFlowId: String

    public init(ContactFlowId: String) { self.ContactFlowId = ContactFlowId }
}

public struct QuickConnectConfig: Codable, Sendable, Hashable {
    public var QuickConnectType: QuickConnectType
    public var UserConfig: UserQuickConnectConfig?
    public var QueueConfig: QueueQuickConnectConfig?
    public var PhoneConfig: PhoneNumberQuickConnectConfig?
    public var FlowConfig: FlowQuickConnectConfig?

    public init(QuickConnectType: QuickConnectType, UserConfig: UserQuickConnectConfig? = nil,
                QueueConfig: QueueQuickConnectConfig? = nil, PhoneConfig: PhoneNumberQuickConnectConfig? = nil,
                FlowConfig: FlowQuickConnectConfig? = nil) {
        self.QuickConnectType = QuickConnectType
        self.UserConfig = UserConfig
        self.QueueConfig = QueueConfig
        self.PhoneConfig = PhoneConfig
        self.FlowConfig = FlowConfig
    }
}

public struct QuickConnect: Codable, Sendable, Equatable {
    public var QuickConnectARN: String?
    public var QuickConnectId: String?
    public var Name: String?
    public var Description: String?
    public var QuickConnectConfig: QuickConnectConfig?
    public var Tags: TagMap?
    public var LastModifiedTime: Date?
    public var LastModifiedRegion: String?

    public init(
        QuickConnectARN: String? = nil,
        QuickConnectId: String? = nil,
        Name: String? = nil,
        Description: String? = nil,
        QuickConnectConfig: QuickConnectConfig? = nil,
        Tags: TagMap? = nil,
        LastModifiedTime: Date? = nil,
        LastModifiedRegion: String? = nil
    ) {
        self.QuickConnectARN = QuickConnectARN
        self.QuickConnectId = QuickConnectId
        self.Name = Name
        self.Description = Description
        self.QuickConnectConfig = QuickConnectConfig
        self.Tags = Tags
        self.LastModifiedTime = LastModifiedTime
        self.LastModifiedRegion = LastModifiedRegion
    }
}

public struct QuickConnectSummary: Codable, Sendable, Equatable {
    public var Id: String?
    public var Arn: String?
    public var Name: String?
    public var QuickConnectType: QuickConnectType?
    public var LastModifiedTime: Date?
    public var LastModifiedRegion: String?

    public init(
        Id: String? = nil,
        Arn: String? = nil,
        Name: String? = nil,
        QuickConnectType: QuickConnectType? = nil,
        LastModifiedTime: Date? = nil,
        LastModifiedRegion: String? = nil
    ) {
        self.Id = Id
        self.Arn = Arn
        self.Name = Name
        self.QuickConnectType = QuickConnectType
        self.LastModifiedTime = LastModifiedTime
        self.LastModifiedRegion = LastModifiedRegion
    }
}

/// Body of `CreateQuickConnect`.
public struct CreateQuickConnectRequest: Codable, Sendable, Equatable {
    public var Name: String
    public var Description: String?
    public var QuickConnectConfig: QuickConnectConfig
    public var Tags: TagMap?

    public init(Name: String, Description: String? = nil, QuickConnectConfig: QuickConnectConfig, Tags: TagMap? = nil) {
        self.Name = Name
        self.Description = Description
        self.QuickConnectConfig = QuickConnectConfig
        self.Tags = Tags
    }
}

public struct CreateQuickConnectResponse: Codable, Sendable, Equatable {
    public var QuickConnectARN: String?
    public var QuickConnectId: String?

    public init(QuickConnectARN: String? = nil, QuickConnectId: String? = nil) {
        self.QuickConnectARN = QuickConnectARN
        self.QuickConnectId = QuickConnectId
    }
}
