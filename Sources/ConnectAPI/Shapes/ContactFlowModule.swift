import Foundation

public struct ContactFlowModuleState: ConnectStringEnum {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public static let ACTIVE: Self = "ACTIVE"
    public static let ARCHIVED: Self = "ARCHIVED"
}

public struct ContactFlowModuleStatus: ConnectStringEnum {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public static let PUBLISHED: Self = "PUBLISHED"
    public static let SAVED: Self = "SAVED"
}

public struct ExternalInvocationConfiguration: Codable, Sendable, Hashable {
    public var Enabled: Bool?

    public init(Enabled: Bool? = nil) { self.Enabled = Enabled }
}

public struct ContactFlowModule: Codable, Sendable, Equatable {
    public var Arn: String?
    public var Id: String?
    public var Name: String?
    public var Content: String?
    public var Description: String?
    public var State: ContactFlowModuleState?
    public var Status: ContactFlowModuleStatus?
    public var Tags: TagMap?
    public var FlowModuleContentSha256: String?
    public var Version: Int64?
    public var VersionDescription: String?
    public var Settings: String?
    public var ExternalInvocationConfiguration: ExternalInvocationConfiguration?
}

public struct ContactFlowModuleSummary: Codable, Sendable, Equatable {
    public var Id: String?
    public var Arn: String?
    public var Name: String?
    public var State: ContactFlowModuleState?
}
