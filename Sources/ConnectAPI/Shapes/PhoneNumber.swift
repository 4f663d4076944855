import Foundation

/// A number claimed to an instance, as ListPhoneNumbersV2 lists it (botocore shape
/// `ListPhoneNumbersSummary`). No phone-number API returns the associated flow: that is
/// `FlowAssociationSummary` (ListFlowAssociations, ResourceType VOICE_PHONE_NUMBER).
public struct PhoneNumberSummary: Codable, Sendable, Equatable {
    public var PhoneNumberId: String?
    public var PhoneNumberArn: String?
    public var PhoneNumber: String?
    public var PhoneNumberCountryCode: String?
    public var PhoneNumberType: String?
    public var TargetArn: String?
    public var InstanceId: String?
    public var PhoneNumberDescription: String?
    public var SourcePhoneNumberArn: String?
}

/// One flow association (botocore shape `FlowAssociationSummary`): `ResourceId` and `FlowId` are ARNs.
public struct FlowAssociationSummary: Codable, Sendable, Equatable {
    public var ResourceId: String?
    public var FlowId: String?
    public var ResourceType: String?
}

/// One Lex bot of ListBots (botocore shape `LexBotConfig`); Patchbay reads the V2 aliases only.
public struct LexBotConfig: Codable, Sendable, Equatable {
    public struct LexV2Bot: Codable, Sendable, Equatable {
        public var AliasArn: String?
    }
    public var LexV2Bot: LexV2Bot?
}

extension Listings {
    /// ListPhoneNumbersV2 with `InstanceId`: the numbers claimed to the instance.
    public enum PhoneNumbers: ConnectListing {
        public typealias Item = PhoneNumberSummary
        public typealias Filter = Never
        public static let operation = ConnectOperation.listPhoneNumbersV2, listKey = "ListPhoneNumbersSummaryList"
    }
    /// ListFlowAssociations, filtered by `ResourceType` (`VOICE_PHONE_NUMBER`).
    public enum FlowAssociations: ConnectListing {
        public typealias Item = FlowAssociationSummary
        public typealias Filter = String
        public static let operation = ConnectOperation.listFlowAssociations, listKey = "FlowAssociationSummaryList",
                          filterMember: String? = "ResourceType"
    }
    /// ListLambdaFunctions: the function ARNs associated with the instance (`maxResults` 1–25).
    public enum LambdaFunctions: ConnectListing {
        public typealias Item = String
        public typealias Filter = Never
        public static let operation = ConnectOperation.listLambdaFunctions, listKey = "LambdaFunctions", maxPageSize = 25
    }
    /// ListBots, filtered by `LexVersion` (`V2`; `maxResults` 1–25).
    public enum LexBots: ConnectListing {
        public typealias Item = LexBotConfig
        public typealias Filter = String
        public static let operation = ConnectOperation.listBots, listKey = "LexBots", filterMember: String? = "LexVersion",
                          maxPageSize = 25
    }
}
