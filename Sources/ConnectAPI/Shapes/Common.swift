import Foundation

// Shapes shared by several resource kinds. Stored properties carry the model's member
// names verbatim (PascalCase, or lower-case where the model says so), so the JSON is
// exactly the synthesized Codable form: nil members are omitted, unknown response
// members are ignored, timestamps are epoch seconds (see `WireJSON`).

/// Tags as the model's `TagMap`.
public typealias TagMap = [String: String]

public struct Channel: ConnectStringEnum {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public static let VOICE: Channel = "VOICE"
    public static let CHAT: Channel = "CHAT"
    public static let TASK: Channel = "TASK"
    public static let EMAIL: Channel = "EMAIL"
}

/// `ListTagsForResource` response.
public struct ListTagsForResourceResponse: Codable, Sendable, Equatable {
    public var tags: TagMap?
}
