import Foundation

/// An agent status as Search / Describe return it (botocore shape `AgentStatus`).
public struct AgentStatus: Codable, Sendable, Equatable {
    public var AgentStatusARN: String?
    public var AgentStatusId: String?
    public var Name: String?
    public var Description: String?
    /// `ROUTABLE` (Available), `OFFLINE` (Offline) or `CUSTOM`.
    public var `Type`: String?
    /// 1–50.
    public var DisplayOrder: Int?
    /// `ENABLED` or `DISABLED`.
    public var State: String?
    public var Tags: TagMap?
    public var LastModifiedTime: Date?
    public var LastModifiedRegion: String?
}

public struct CreateAgentStatusResponse: Codable, Sendable, Equatable {
    public var AgentStatusARN: String?
    public var AgentStatusId: String?
}

/// `AgentStatusSearchFilter`: an `AttributeFilter`, the same shape as the hierarchy groups' filter.
public typealias AgentStatusSearchFilter = UserHierarchyGroupSearchFilter

extension AgentStatus: ConnectSearchable {
    public typealias SearchCriteria = StringSearchCriteria
    public typealias SearchFilter = AgentStatusSearchFilter
    public static let searchOperation = ConnectOperation.searchAgentStatuses, searchKey = "AgentStatuses"
}
