import Foundation

public struct ContactFlowType: ConnectStringEnum {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public static let CONTACT_FLOW: Self = "CONTACT_FLOW"
    public static let CUSTOMER_QUEUE: Self = "CUSTOMER_QUEUE"
    public static let CUSTOMER_HOLD: Self = "CUSTOMER_HOLD"
    public static let CUSTOMER_WHISPER: Self = "CUSTOMER_WHISPER"
    public static let AGENT_HOLD: Self = "AGENT_HOLD"
    public static let AGENT_WHISPER: Self = "AGENT_WHISPER"
    public static let OUTBOUND_WHISPER: Self = "OUTBOUND_WHISPER"
    public static let AGENT_TRANSFER: Self = "AGENT_TRANSFER"
    public static let QUEUE_TRANSFER: Self = "QUEUE_TRANSFER"
    public static let CAMPAIGN: Self = "CAMPAIGN"
}

/// `ACTIVE` | `ARCHIVED`.
public struct ContactFlowState: ConnectStringEnum {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public static let ACTIVE: Self = "ACTIVE"
    public static let ARCHIVED: Self = "ARCHIVED"
}

/// `PUBLISHED` (validates the content) | `SAVED`.
public struct ContactFlowStatus: ConnectStringEnum {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public static let PUBLISHED: Self = "PUBLISHED"
    public static let SAVED: Self = "SAVED"
}

public struct ContactFlow: Codable, Sendable, Equatable {
    public var Arn: String?
    public var Id: String?
    public var Name: String?
    public var `Type`: ContactFlowType?
    public var State: ContactFlowState?
    public var Status: ContactFlowStatus?
    public var Description: String?
    /// Flow language JSON, as a string.
    public var Content: String?
    public var Tags: TagMap?
    public var FlowContentSha256: String?
    public var Version: Int64?
    public var VersionDescription: String?
    public var LastModifiedTime: Date?
    public var LastModifiedRegion: String?
}

public struct ContactFlowSummary: Codable, Sendable, Equatable {
    public var Id: String?
    public var Arn: String?
    public var Name: String?
    public var ContactFlowType: ContactFlowType?
    public var ContactFlowState: ContactFlowState?
    public var ContactFlowStatus: ContactFlowStatus?
}
