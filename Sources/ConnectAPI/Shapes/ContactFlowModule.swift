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

/// Body of `CreateContactFlowModule`. `ClientToken` is the idempotency token: the client
/// fills in a fresh UUID when it is nil, as the SDKs do.
public struct CreateContactFlowModuleRequest: Codable, Sendable, Equatable {
    public var Name: String
    public var Description: String?
    public var Content: String
    public var Tags: TagMap?
    public var ClientToken: String?
    public var Settings: String?
    public var ExternalInvocationConfiguration: ExternalInvocationConfiguration?
    public init(Name: String, Description: String? = nil, Content: String, Tags: TagMap? = nil,
                ClientToken: String? = nil, Settings: String? = nil,
                ExternalInvocationConfiguration: ExternalInvocationConfiguration? = nil) {
        self.Name = Name
        self.Description = Description
        self.Content = Content
        self.Tags = Tags
        self.ClientToken = ClientToken
        self.Settings = Settings
        self.ExternalInvocationConfiguration = ExternalInvocationConfiguration
    }
}

public struct CreateContactFlowModuleResponse: Codable, Sendable, Equatable {
    public var Id: String?
    public var Arn: String?
}

struct DescribeContactFlowModuleResponse: Codable, Sendable {
    var ContactFlowModule: ContactFlowModule?
}

public struct ListContactFlowModulesResponse: Codable, Sendable, ConnectPage {
    public var ContactFlowModulesSummaryList: [ContactFlowModuleSummary]?
    public var NextToken: String?
    public var items: [ContactFlowModuleSummary] { ContactFlowModulesSummaryList ?? [] }
    public var nextToken: String? { NextToken }
}

public struct SearchContactFlowModulesResponse: Codable, Sendable, ConnectPage {
    public var ContactFlowModules: [ContactFlowModule]?
    public var NextToken: String?
    public var ApproximateTotalCount: Int64?
    public var items: [ContactFlowModule] { ContactFlowModules ?? [] }
    public var nextToken: String? { NextToken }
}
