import Foundation

public struct HierarchyLevel: Codable, Sendable, Equatable {
    public var Id: String?
    public var Arn: String?
    public var Name: String?
    public var LastModifiedTime: Date?
    public var LastModifiedRegion: String?
}

/// `DescribeUserHierarchyStructure` result: up to five named levels.
public struct HierarchyStructure: Codable, Sendable, Equatable {
    public var LevelOne: HierarchyLevel?
    public var LevelTwo: HierarchyLevel?
    public var LevelThree: HierarchyLevel?
    public var LevelFour: HierarchyLevel?
    public var LevelFive: HierarchyLevel?
}

public struct HierarchyGroupSummary: Codable, Sendable, Equatable {
    public var Id: String?
    public var Arn: String?
    public var Name: String?
    public var LastModifiedTime: Date?
    public var LastModifiedRegion: String?
}

public struct HierarchyPath: Codable, Sendable, Equatable {
    public var LevelOne: HierarchyGroupSummary?
    public var LevelTwo: HierarchyGroupSummary?
    public var LevelThree: HierarchyGroupSummary?
    public var LevelFour: HierarchyGroupSummary?
    public var LevelFive: HierarchyGroupSummary?
}

public struct HierarchyGroup: Codable, Sendable, Equatable {
    public var Id: String?
    public var Arn: String?
    public var Name: String?
    /// `"1"`…`"5"`; `"0"` is the hidden root returned by search.
    public var LevelId: String?
    public var HierarchyPath: HierarchyPath?
    public var Tags: TagMap?
    public var LastModifiedTime: Date?
    public var LastModifiedRegion: String?
}
