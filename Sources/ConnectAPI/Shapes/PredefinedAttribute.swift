import Foundation

/// A predefined attribute as Search / Describe return it (botocore shape `PredefinedAttribute`):
/// no id, no ARN and no tags; the name is its identity.
public struct PredefinedAttribute: Codable, Sendable, Equatable {
    public var Name: String?
    public var Values: PredefinedAttributeValues?
    public var LastModifiedTime: Date?
    public var LastModifiedRegion: String?
}

/// `PredefinedAttributeValues`, a union: only `StringList` (0–500 strings of 1–100 characters).
public struct PredefinedAttributeValues: Codable, Sendable, Equatable {
    public var StringList: [String]?
}

/// SearchPredefinedAttributes takes no SearchFilter: this one is never sent.
public struct NoSearchFilter: Codable, Sendable, Hashable {}

extension PredefinedAttribute: ConnectSearchable {
    /// `PredefinedAttributeSearchCriteria`: Or/And/StringCondition, the same shape as the string criteria.
    public typealias SearchCriteria = StringSearchCriteria
    public typealias SearchFilter = NoSearchFilter
    public static let searchOperation = ConnectOperation.searchPredefinedAttributes, searchKey = "PredefinedAttributes"
}
