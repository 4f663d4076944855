import Foundation

public struct HierarchyLevel: Codable, Sendable, Equatable {
    public var Id: String?
    public var Arn: String?
    public var Name: String?
    public var LastModifiedTime: Date?
    public var LastModifiedRegion: String?

    public init(
        Id: String? = nil,
        Arn: String? = nil,
        Name: String? = nil,
        LastModifiedTime: Date? = nil,
        LastModifiedRegion: String? = nil
    ) {
        self.Id = Id
        self.Arn = Arn
        self.Name = Name
        self.LastModifiedTime = LastModifiedTime
        self.LastModifiedRegion = LastModifiedRegion
    }
}

/// `DescribeUserHierarchyStructure` result: up to five named levels.
public struct HierarchyStructure: Codable, Sendable, Equatable {
    public var LevelOne: HierarchyLevel?
    public var LevelTwo: HierarchyLevel?
    public var LevelThree: HierarchyLevel?
    public var LevelFour: HierarchyLevel?
    public var LevelFive: HierarchyLevel?

    public init(
        LevelOne: HierarchyLevel? = nil,
        LevelTwo: HierarchyLevel? = nil,
        LevelThree: HierarchyLevel? = nil,
        LevelFour: HierarchyLevel? = nil,
        LevelFive: HierarchyLevel? = nil
    ) {
        self.LevelOne = LevelOne
        self.LevelTwo = LevelTwo
        self.LevelThree = LevelThree
        self.LevelFour = LevelFour
        self.LevelFive = LevelFive
    }
}

public struct HierarchyLevelUpdate: Codable, Sendable, Hashable {
    public var Name: String

    public init(Name: String) { self.Name = Name }
}

/// `UpdateUserHierarchyStructure` input: the complete structure (omitted levels are removed).
public struct HierarchyStructureUpdate: Codable, Sendable, Hashable {
    public var LevelOne: HierarchyLevelUpdate?
    public var LevelTwo: HierarchyLevelUpdate?
    public var LevelThree: HierarchyLevelUpdate?
    public var LevelFour: HierarchyLevelUpdate?
    public var LevelFive: HierarchyLevelUpdate?

    public init(LevelOne: HierarchyLevelUpdate? = nil, LevelTwo: HierarchyLevelUpdate? = nil,
                LevelThree: HierarchyLevelUpdate? = nil, LevelFour: HierarchyLevelUpdate? = nil,
                LevelFive: HierarchyLevelUpdate? = nil) {
        self.LevelOne = LevelOne
        self.LevelTwo = LevelTwo
        self.LevelThree = LevelThree
        self.LevelFour = LevelFour
        self.LevelFive = LevelFive
    }
}

public struct HierarchyGroupSummary: Codable, Sendable, Equatable {
    public var Id: String?
    public var Arn: String?
    public var Name: String?
    public var LastModifiedTime: Date?
    public var LastModifiedRegion: String?

    public init(
        Id: String? = nil,
        Arn: String? = nil,
        Name: String? = nil,
        LastModifiedTime: Date? = nil,
        LastModifiedRegion: String? = nil
    ) {
        self.Id = Id
        self.Arn = Arn
        self.Name = Name
        self.LastModifiedTime = LastModifiedTime
        self.LastModifiedRegion = LastModifiedRegion
    }
}

public struct HierarchyPath: Codable, Sendable, Equatable {
    public var LevelOne: HierarchyGroupSummary?
    public var LevelTwo: HierarchyGroupSummary?
    public var LevelThree: HierarchyGroupSummary?
    public var LevelFour: HierarchyGroupSummary?
    public var LevelFive: HierarchyGroupSummary?

    public init(
        LevelOne: HierarchyGroupSummary? = nil,
        LevelTwo: HierarchyGroupSummary? = nil,
        LevelThree: HierarchyGroupSummary? = nil,
        LevelFour: HierarchyGroupSummary? = nil,
        LevelFive: HierarchyGroupSummary? = nil
    ) {
        self.LevelOne = LevelOne
        self.LevelTwo = LevelTwo
        self.LevelThree = LevelThree
        self.LevelFour = LevelFour
        self.LevelFive = LevelFive
    }
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

    public init(
        Id: String? = nil,
        Arn: String? = nil,
        Name: String? = nil,
        LevelId: String? = nil,
        HierarchyPath: HierarchyPath? = nil,
        Tags: TagMap? = nil,
        LastModifiedTime: Date? = nil,
        LastModifiedRegion: String? = nil
    ) {
        self.Id = Id
        self.Arn = Arn
        self.Name = Name
        self.LevelId = LevelId
        self.HierarchyPath = HierarchyPath
        self.Tags = Tags
        self.LastModifiedTime = LastModifiedTime
        self.LastModifiedRegion = LastModifiedRegion
    }
}

/// Body of `CreateUserHierarchyGroup`.
public struct CreateUserHierarchyGroupRequest: Codable, Sendable, Equatable {
    public var Name: String
    public var ParentGroupId: String?
    public var Tags: TagMap?

    public init(Name: String, ParentGroupId: String? = nil, Tags: TagMap? = nil) {
        self.Name = Name
        self.ParentGroupId = ParentGroupId
        self.Tags = Tags
    }
}

public struct CreateUserHierarchyGroupResponse: Codable, Sendable, Equatable {
    public var HierarchyGroupId: String?
    public var HierarchyGroupArn: String?

    public init(HierarchyGroupId: String? = nil, HierarchyGroupArn: String? = nil) {
        self.HierarchyGroupId = HierarchyGroupId
        self.HierarchyGroupArn = HierarchyGroupArn
    }
}
