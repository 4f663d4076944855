import Foundation

/// A prompt as Search / Describe return it (botocore shape `Prompt`).
public struct Prompt: Codable, Sendable, Equatable {
    public var PromptARN: String?
    public var PromptId: String?
    public var Name: String?
    public var Description: String?
    public var Tags: TagMap?
    public var LastModifiedTime: Date?
    public var LastModifiedRegion: String?
}

extension Prompt: ConnectSearchable {
    public typealias SearchCriteria = StringSearchCriteria
    public typealias SearchFilter = TagSearchFilter
    public static let searchOperation = ConnectOperation.searchPrompts, searchKey = "Prompts"
}
