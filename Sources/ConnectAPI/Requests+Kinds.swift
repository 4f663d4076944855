import Foundation

// What each kind tells the generic requests: operation and member names, from the model.

// MARK: Describe

extension HoursOfOperation: ConnectDescribable {
    public static let describeOperation = ConnectOperation.describeHoursOfOperation, idMember: String? = "HoursOfOperationId", describeKey = "HoursOfOperation"
}
extension Queue: ConnectDescribable {
    public static let describeOperation = ConnectOperation.describeQueue, idMember: String? = "QueueId", describeKey = "Queue"
}
extension RoutingProfile: ConnectDescribable {
    public static let describeOperation = ConnectOperation.describeRoutingProfile, idMember: String? = "RoutingProfileId", describeKey = "RoutingProfile"
}
extension ContactFlow: ConnectDescribable {
    public static let describeOperation = ConnectOperation.describeContactFlow, idMember: String? = "ContactFlowId", describeKey = "ContactFlow"
}
extension ContactFlowModule: ConnectDescribable {
    public static let describeOperation = ConnectOperation.describeContactFlowModule, idMember: String? = "ContactFlowModuleId", describeKey = "ContactFlowModule"
}
extension SecurityProfile: ConnectDescribable {
    public static let describeOperation = ConnectOperation.describeSecurityProfile, idMember: String? = "SecurityProfileId", describeKey = "SecurityProfile"
}
extension HierarchyGroup: ConnectDescribable {
    public static let describeOperation = ConnectOperation.describeUserHierarchyGroup, idMember: String? = "HierarchyGroupId", describeKey = "HierarchyGroup"
}
extension User: ConnectDescribable {
    public static let describeOperation = ConnectOperation.describeUser, idMember: String? = "UserId", describeKey = "User"
}
extension QuickConnect: ConnectDescribable {
    public static let describeOperation = ConnectOperation.describeQuickConnect, idMember: String? = "QuickConnectId", describeKey = "QuickConnect"
}
extension HierarchyStructure: ConnectDescribable {
    public static let describeOperation = ConnectOperation.describeUserHierarchyStructure, idMember: String? = nil, describeKey = "HierarchyStructure"
    /// An instance without levels answers with no structure at all.
    public static var whenAbsent: HierarchyStructure? { HierarchyStructure() }
}

// MARK: Search

extension HoursOfOperation: ConnectSearchable {
    public typealias SearchCriteria = StringSearchCriteria
    public typealias SearchFilter = TagSearchFilter
    public static let searchOperation = ConnectOperation.searchHoursOfOperations, searchKey = "HoursOfOperations"
}
extension Queue: ConnectSearchable {
    public typealias SearchCriteria = QueueSearchCriteria
    public typealias SearchFilter = TagSearchFilter
    public static let searchOperation = ConnectOperation.searchQueues, searchKey = "Queues", searchPageSize = ConnectPageSize.searchLarge
}
extension RoutingProfile: ConnectSearchable {
    public typealias SearchCriteria = StringSearchCriteria
    public typealias SearchFilter = TagSearchFilter
    public static let searchOperation = ConnectOperation.searchRoutingProfiles, searchKey = "RoutingProfiles", searchPageSize = ConnectPageSize.searchLarge
}
extension ContactFlow: ConnectSearchable {
    public typealias SearchCriteria = ContactFlowSearchCriteria
    public typealias SearchFilter = ContactFlowSearchFilter
    public static let searchOperation = ConnectOperation.searchContactFlows, searchKey = "ContactFlows"
}
extension ContactFlowModule: ConnectSearchable {
    public typealias SearchCriteria = ContactFlowModuleSearchCriteria
    public typealias SearchFilter = TagSearchFilter
    public static let searchOperation = ConnectOperation.searchContactFlowModules, searchKey = "ContactFlowModules"
}
extension SecurityProfileSearchSummary: ConnectSearchable {
    public typealias SearchCriteria = StringSearchCriteria
    public typealias SearchFilter = TagSearchFilter
    public static let searchOperation = ConnectOperation.searchSecurityProfiles, searchKey = "SecurityProfiles"
}
extension HierarchyGroup: ConnectSearchable {
    public typealias SearchCriteria = StringSearchCriteria
    public typealias SearchFilter = UserHierarchyGroupSearchFilter
    public static let searchOperation = ConnectOperation.searchUserHierarchyGroups, searchKey = "UserHierarchyGroups"
}
extension UserSearchSummary: ConnectSearchable {
    public typealias SearchCriteria = UserSearchCriteria
    public typealias SearchFilter = UserSearchFilter
    public static let searchOperation = ConnectOperation.searchUsers, searchKey = "Users", searchPageSize = ConnectPageSize.searchLarge
}
extension QuickConnect: ConnectSearchable {
    public typealias SearchCriteria = StringSearchCriteria
    public typealias SearchFilter = TagSearchFilter
    public static let searchOperation = ConnectOperation.searchQuickConnects, searchKey = "QuickConnects"
}

// MARK: List

/// The List* operations, one marker type each: `ListRequest<Listings.Queues>`.
public enum Listings {
    public enum Instances: ConnectListing {
        public typealias Item = InstanceSummary
        public typealias Filter = Never
        public static let operation = ConnectOperation.listInstances, listKey = "InstanceSummaryList", maxPageSize = ConnectPageSize.listInstances
    }
    public enum HoursOfOperations: ConnectListing {
        public typealias Item = HoursOfOperationSummary
        public typealias Filter = Never
        public static let operation = ConnectOperation.listHoursOfOperations, listKey = "HoursOfOperationSummaryList"
    }
    public enum Queues: ConnectListing {
        public typealias Item = QueueSummary
        public typealias Filter = [QueueType]
        public static let operation = ConnectOperation.listQueues, listKey = "QueueSummaryList", filterMember: String? = "QueueTypes"
    }
    public enum QueueQuickConnects: ConnectListing {
        public typealias Item = QuickConnectSummary
        public typealias Filter = Never
        public static let operation = ConnectOperation.listQueueQuickConnects, listKey = "QuickConnectSummaryList", parentMember: String? = "QueueId", maxPageSize = ConnectPageSize.listSmall
    }
    public enum RoutingProfiles: ConnectListing {
        public typealias Item = RoutingProfileSummary
        public typealias Filter = Never
        public static let operation = ConnectOperation.listRoutingProfiles, listKey = "RoutingProfileSummaryList"
    }
    public enum RoutingProfileQueues: ConnectListing {
        public typealias Item = RoutingProfileQueueConfigSummary
        public typealias Filter = Never
        public static let operation = ConnectOperation.listRoutingProfileQueues, listKey = "RoutingProfileQueueConfigSummaryList", parentMember: String? = "RoutingProfileId", maxPageSize = ConnectPageSize.listSmall
    }
    public enum RoutingProfileManualAssignmentQueues: ConnectListing {
        public typealias Item = RoutingProfileManualAssignmentQueueConfigSummary
        public typealias Filter = Never
        public static let operation = ConnectOperation.listRoutingProfileManualAssignmentQueues, listKey = "RoutingProfileManualAssignmentQueueConfigSummaryList", parentMember: String? = "RoutingProfileId", maxPageSize = ConnectPageSize.listSmall
    }
    public enum ContactFlows: ConnectListing {
        public typealias Item = ContactFlowSummary
        public typealias Filter = [ContactFlowType]
        public static let operation = ConnectOperation.listContactFlows, listKey = "ContactFlowSummaryList", filterMember: String? = "ContactFlowTypes"
    }
    public enum ContactFlowModules: ConnectListing {
        public typealias Item = ContactFlowModuleSummary
        public typealias Filter = ContactFlowModuleState
        public static let operation = ConnectOperation.listContactFlowModules, listKey = "ContactFlowModulesSummaryList", filterMember: String? = "ContactFlowModuleState"
    }
    public enum SecurityProfiles: ConnectListing {
        public typealias Item = SecurityProfileSummary
        public typealias Filter = Never
        public static let operation = ConnectOperation.listSecurityProfiles, listKey = "SecurityProfileSummaryList"
    }
    public enum SecurityProfilePermissions: ConnectListing {
        public typealias Item = String
        public typealias Filter = Never
        public static let operation = ConnectOperation.listSecurityProfilePermissions, listKey = "Permissions", parentMember: String? = "SecurityProfileId"
    }
    public enum SecurityProfileApplications: ConnectListing {
        public typealias Item = Application
        public typealias Filter = Never
        public static let operation = ConnectOperation.listSecurityProfileApplications, listKey = "Applications", parentMember: String? = "SecurityProfileId"
    }
    public enum UserHierarchyGroups: ConnectListing {
        public typealias Item = HierarchyGroupSummary
        public typealias Filter = Never
        public static let operation = ConnectOperation.listUserHierarchyGroups, listKey = "UserHierarchyGroupSummaryList"
    }
    public enum Users: ConnectListing {
        public typealias Item = UserSummary
        public typealias Filter = Never
        public static let operation = ConnectOperation.listUsers, listKey = "UserSummaryList"
    }
    public enum QuickConnects: ConnectListing {
        public typealias Item = QuickConnectSummary
        public typealias Filter = [QuickConnectType]
        public static let operation = ConnectOperation.listQuickConnects, listKey = "QuickConnectSummaryList", filterMember: String? = "QuickConnectTypes"
    }
}
