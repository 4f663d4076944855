import Foundation

public struct QueueStatus: ConnectStringEnum {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public static let ENABLED: Self = "ENABLED"
    public static let DISABLED: Self = "DISABLED"
}

public struct QueueType: ConnectStringEnum {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public static let STANDARD: Self = "STANDARD"
    public static let AGENT: Self = "AGENT"
}

public struct OutboundCallerConfig: Codable, Sendable, Hashable {
    public var OutboundCallerIdName: String?
    public var OutboundCallerIdNumberId: String?
    public var OutboundFlowId: String?
}

public struct OutboundEmailConfig: Codable, Sendable, Hashable {
    public var OutboundEmailAddressId: String?

    public init(OutboundEmailAddressId: String? = nil) { self.OutboundEmailAddressId = OutboundEmailAddressId }
}

public struct EmailAddressConfig: Codable, Sendable, Hashable {
    public var EmailAddressId: String

    public init(EmailAddressId: String) { self.EmailAddressId = EmailAddressId }
}

public struct Queue: Codable, Sendable, Equatable {
    public var Name: String?
    public var QueueArn: String?
    public var QueueId: String?
    public var Description: String?
    public var OutboundCallerConfig: OutboundCallerConfig?
    public var OutboundEmailConfig: OutboundEmailConfig?
    public var HoursOfOperationId: String?
    public var MaxContacts: Int?
    public var Status: QueueStatus?
    public var Tags: TagMap?
    public var LastModifiedTime: Date?
    public var LastModifiedRegion: String?
}

public struct QueueSummary: Codable, Sendable, Equatable {
    public var Id: String?
    public var Arn: String?
    public var Name: String?
    public var QueueType: QueueType?
    public var LastModifiedTime: Date?
    public var LastModifiedRegion: String?
}
