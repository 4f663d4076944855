import Foundation

// Search* request building blocks (connect-api.md §3).

public struct StringComparisonType: ConnectStringEnum {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public static let STARTS_WITH: Self = "STARTS_WITH"
    public static let CONTAINS: Self = "CONTAINS"
    public static let EXACT: Self = "EXACT"
}

/// `StringCondition`: `FieldName` is e.g. `name`, `description`, `resourceID`
/// (users: `Username`, `FirstName`, `RoutingProfileId`, …).
public struct StringCondition: Codable, Sendable, Hashable {
    public var FieldName: String?
    public var Value: String?
    public var ComparisonType: StringComparisonType?

    public init(FieldName: String? = nil, Value: String? = nil, ComparisonType: StringComparisonType? = nil) {
        self.FieldName = FieldName
        self.Value = Value
        self.ComparisonType = ComparisonType
    }

    public static func exact(_ field: String, _ value: String) -> StringCondition {
        StringCondition(FieldName: field, Value: value, ComparisonType: .EXACT)
    }
}

public struct TagCondition: Codable, Sendable, Hashable {
    public var TagKey: String?
    public var TagValue: String?
}

/// `ControlPlaneTagFilter`: `OrConditions` is a list of AND-lists.
public struct ControlPlaneTagFilter: Codable, Sendable, Hashable {
    public var OrConditions: [[TagCondition]]?
    public var AndConditions: [TagCondition]?
    public var TagCondition: TagCondition?
}

public struct CommonAttributeAndCondition: Codable, Sendable, Hashable {
    public var TagConditions: [TagCondition]?

    public init(TagConditions: [TagCondition]? = nil) { self.TagConditions = TagConditions }
}

/// `ControlPlaneAttributeFilter` (user hierarchy groups, agent statuses).
public struct ControlPlaneAttributeFilter: Codable, Sendable, Hashable {
    public var OrConditions: [CommonAttributeAndCondition]?
    public var AndCondition: CommonAttributeAndCondition?
    public var TagCondition: TagCondition?
}

/// The search filter of every Search* operation whose filter holds only `TagFilter`
/// (`HoursOfOperationSearchFilter`, `QueueSearchFilter`, `RoutingProfileSearchFilter`,
/// `ContactFlowModuleSearchFilter`, `SecurityProfilesSearchFilter`, `QuickConnectSearchFilter`).
public struct TagSearchFilter: Codable, Sendable, Hashable {
    public var TagFilter: ControlPlaneTagFilter?

    public init(TagFilter: ControlPlaneTagFilter? = nil) { self.TagFilter = TagFilter }
}

public typealias HoursOfOperationSearchFilter = TagSearchFilter
public typealias QueueSearchFilter = TagSearchFilter
public typealias RoutingProfileSearchFilter = TagSearchFilter
public typealias ContactFlowModuleSearchFilter = TagSearchFilter
public typealias SecurityProfilesSearchFilter = TagSearchFilter
public typealias QuickConnectSearchFilter = TagSearchFilter

/// Search criteria made of string conditions only (`HoursOfOperationSearchCriteria`,
/// `RoutingProfileSearchCriteria`, `SecurityProfileSearchCriteria`,
/// `UserHierarchyGroupSearchCriteria`, `QuickConnectSearchCriteria`).
public struct StringSearchCriteria: Codable, Sendable, Hashable {
    public var OrConditions: [StringSearchCriteria]?
    public var AndConditions: [StringSearchCriteria]?
    public var StringCondition: StringCondition?

    public init(OrConditions: [StringSearchCriteria]? = nil, AndConditions: [StringSearchCriteria]? = nil,
                StringCondition: StringCondition? = nil) {
        self.OrConditions = OrConditions
        self.AndConditions = AndConditions
        self.StringCondition = StringCondition
    }
}

public typealias HoursOfOperationSearchCriteria = StringSearchCriteria
public typealias RoutingProfileSearchCriteria = StringSearchCriteria
public typealias SecurityProfileSearchCriteria = StringSearchCriteria
public typealias UserHierarchyGroupSearchCriteria = StringSearchCriteria
public typealias QuickConnectSearchCriteria = StringSearchCriteria

public struct QueueSearchCriteria: Codable, Sendable, Hashable {
    public var OrConditions: [QueueSearchCriteria]?
    public var AndConditions: [QueueSearchCriteria]?
    public var StringCondition: StringCondition?
    /// Only `STANDARD` is accepted.
    public var QueueTypeCondition: String?

    public init(OrConditions: [QueueSearchCriteria]? = nil, AndConditions: [QueueSearchCriteria]? = nil,
                StringCondition: StringCondition? = nil, QueueTypeCondition: String? = nil) {
        self.OrConditions = OrConditions
        self.AndConditions = AndConditions
        self.StringCondition = StringCondition
        self.QueueTypeCondition = QueueTypeCondition
    }
}

public struct ContactFlowSearchCriteria: Codable, Sendable, Hashable {
    public var OrConditions: [ContactFlowSearchCriteria]?
    public var AndConditions: [ContactFlowSearchCriteria]?
    public var StringCondition: StringCondition?
    public var TypeCondition: ContactFlowType?
    public var StateCondition: ContactFlowState?
    public var StatusCondition: ContactFlowStatus?

    public init(OrConditions: [ContactFlowSearchCriteria]? = nil, AndConditions: [ContactFlowSearchCriteria]? = nil,
                StringCondition: StringCondition? = nil, TypeCondition: ContactFlowType? = nil,
                StateCondition: ContactFlowState? = nil, StatusCondition: ContactFlowStatus? = nil) {
        self.OrConditions = OrConditions
        self.AndConditions = AndConditions
        self.StringCondition = StringCondition
        self.TypeCondition = TypeCondition
        self.StateCondition = StateCondition
        self.StatusCondition = StatusCondition
    }
}

public struct ContactFlowTypeCondition: Codable, Sendable, Hashable {
    public var ContactFlowType: ContactFlowType?

    public init(ContactFlowType: ContactFlowType? = nil) { self.ContactFlowType = ContactFlowType }
}

public struct ContactFlowAttributeAndCondition: Codable, Sendable, Hashable {
    public var TagConditions: [TagCondition]?
    public var ContactFlowTypeCondition: ContactFlowTypeCondition?
}

public struct ContactFlowAttributeFilter: Codable, Sendable, Hashable {
    public var OrConditions: [ContactFlowAttributeAndCondition]?
    public var AndCondition: ContactFlowAttributeAndCondition?
    public var TagCondition: TagCondition?
    public var ContactFlowTypeCondition: ContactFlowTypeCondition?
}

public struct ContactFlowSearchFilter: Codable, Sendable, Hashable {
    public var TagFilter: ControlPlaneTagFilter?
    public var FlowAttributeFilter: ContactFlowAttributeFilter?
}

public struct ContactFlowModuleSearchCriteria: Codable, Sendable, Hashable {
    public var OrConditions: [ContactFlowModuleSearchCriteria]?
    public var AndConditions: [ContactFlowModuleSearchCriteria]?
    public var StringCondition: StringCondition?
    public var StateCondition: ContactFlowModuleState?
    public var StatusCondition: ContactFlowModuleStatus?

    public init(OrConditions: [ContactFlowModuleSearchCriteria]? = nil, AndConditions: [ContactFlowModuleSearchCriteria]? = nil,
                StringCondition: StringCondition? = nil, StateCondition: ContactFlowModuleState? = nil,
                StatusCondition: ContactFlowModuleStatus? = nil) {
        self.OrConditions = OrConditions
        self.AndConditions = AndConditions
        self.StringCondition = StringCondition
        self.StateCondition = StateCondition
        self.StatusCondition = StatusCondition
    }
}

public struct UserHierarchyGroupSearchFilter: Codable, Sendable, Hashable {
    public var AttributeFilter: ControlPlaneAttributeFilter?

    public init(AttributeFilter: ControlPlaneAttributeFilter? = nil) { self.AttributeFilter = AttributeFilter }
}

public struct HierarchyGroupMatchType: ConnectStringEnum {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public static let EXACT: Self = "EXACT"
    public static let WITH_CHILD_GROUPS: Self = "WITH_CHILD_GROUPS"
}

public struct HierarchyGroupCondition: Codable, Sendable, Hashable {
    public var Value: String?
    public var HierarchyGroupMatchType: HierarchyGroupMatchType?
}

public struct NumberCondition: Codable, Sendable, Hashable {
    public var FieldName: String?
    public var MinValue: Int?
    public var MaxValue: Int?
    /// `GREATER_OR_EQUAL`, `GREATER`, `LESSER_OR_EQUAL`, `LESSER`, `EQUAL`, `NOT_EQUAL`, `RANGE`.
    public var ComparisonType: String?
}

public struct Condition: Codable, Sendable, Hashable {
    public var StringCondition: StringCondition?
    public var NumberCondition: NumberCondition?
}

public struct ListCondition: Codable, Sendable, Hashable {
    /// Only `PROFICIENCIES`.
    public var TargetListType: String?
    public var Conditions: [Condition]?
}

public struct UserSearchCriteria: Codable, Sendable, Hashable {
    public var OrConditions: [UserSearchCriteria]?
    public var AndConditions: [UserSearchCriteria]?
    public var StringCondition: StringCondition?
    public var ListCondition: ListCondition?
    public var HierarchyGroupCondition: HierarchyGroupCondition?

    public init(OrConditions: [UserSearchCriteria]? = nil, AndConditions: [UserSearchCriteria]? = nil,
                StringCondition: StringCondition? = nil, ListCondition: ListCondition? = nil,
                HierarchyGroupCondition: HierarchyGroupCondition? = nil) {
        self.OrConditions = OrConditions
        self.AndConditions = AndConditions
        self.StringCondition = StringCondition
        self.ListCondition = ListCondition
        self.HierarchyGroupCondition = HierarchyGroupCondition
    }
}

public struct AttributeAndCondition: Codable, Sendable, Hashable {
    public var TagConditions: [TagCondition]?
    public var HierarchyGroupCondition: HierarchyGroupCondition?
}

public struct ControlPlaneUserAttributeFilter: Codable, Sendable, Hashable {
    public var OrConditions: [AttributeAndCondition]?
    public var AndCondition: AttributeAndCondition?
    public var TagCondition: TagCondition?
    public var HierarchyGroupCondition: HierarchyGroupCondition?
}

public struct UserSearchFilter: Codable, Sendable, Hashable {
    public var TagFilter: ControlPlaneTagFilter?
    public var UserAttributeFilter: ControlPlaneUserAttributeFilter?
}
