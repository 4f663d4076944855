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
}

public struct QueueQuickConnectConfig: Codable, Sendable, Hashable {
    public var QueueId: String
    /// A QUEUE_TRANSFER flow.
    public var ContactFlowId: String
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
}

public struct QuickConnectSummary: Codable, Sendable, Equatable {
    public var Id: String?
    public var Arn: String?
    public var Name: String?
    public var QuickConnectType: QuickConnectType?
    public var LastModifiedTime: Date?
    public var LastModifiedRegion: String?
}
