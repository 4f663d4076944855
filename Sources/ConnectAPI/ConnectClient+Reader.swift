import AWSClient
import Foundation

extension ConnectClient {
    // MARK: Instances

    public func describeInstance(instanceId: String) async throws -> DescribeInstanceResponse {
        try await call("DescribeInstance", "GET", "/instance/\(instanceId)")
    }

    public func listInstancesPage(nextToken: String?, maxResults: Int?) async throws -> ListInstancesResponse {
        try await call("ListInstances", "GET", "/instance", query: pageQuery(nextToken, maxResults))
    }

    // MARK: Hours of operation

    public func describeHoursOfOperation(instanceId: String, hoursOfOperationId: String) async throws
        -> HoursOfOperation {
        let r: DescribeHoursOfOperationResponse = try await call(
            "DescribeHoursOfOperation", "GET", "/hours-of-operations/\(instanceId)/\(hoursOfOperationId)")
        return try required(r.HoursOfOperation, "HoursOfOperation", "DescribeHoursOfOperation")
    }

    public func listHoursOfOperationsPage(instanceId: String, nextToken: String?, maxResults: Int?) async throws
        -> ListHoursOfOperationsResponse {
        try await call("ListHoursOfOperations", "GET", "/hours-of-operations-summary/\(instanceId)",
                       query: pageQuery(nextToken, maxResults))
    }

    public func searchHoursOfOperationsPage(instanceId: String, criteria: HoursOfOperationSearchCriteria?,
                                            filter: HoursOfOperationSearchFilter?, nextToken: String?,
                                            maxResults: Int?) async throws -> SearchHoursOfOperationsResponse {
        try await call("SearchHoursOfOperations", "POST", "/search-hours-of-operations",
                       body: SearchRequestBody(InstanceId: instanceId, NextToken: nextToken, MaxResults: maxResults,
                                               SearchFilter: filter, SearchCriteria: criteria))
    }

    // MARK: Queues

    public func describeQueue(instanceId: String, queueId: String) async throws -> Queue {
        let r: DescribeQueueResponse = try await call("DescribeQueue", "GET", "/queues/\(instanceId)/\(queueId)")
        return try required(r.Queue, "Queue", "DescribeQueue")
    }

    public func listQueuesPage(instanceId: String, queueTypes: [QueueType]?, nextToken: String?,
                               maxResults: Int?) async throws -> ListQueuesResponse {
        let query = (queueTypes ?? []).map { (name: "queueTypes", value: $0.rawValue) }
            + pageQuery(nextToken, maxResults)
        return try await call("ListQueues", "GET", "/queues-summary/\(instanceId)", query: query)
    }

    public func searchQueuesPage(instanceId: String, criteria: QueueSearchCriteria?, filter: QueueSearchFilter?,
                                 nextToken: String?, maxResults: Int?) async throws -> SearchQueuesResponse {
        try await call("SearchQueues", "POST", "/search-queues",
                       body: SearchRequestBody(InstanceId: instanceId, NextToken: nextToken, MaxResults: maxResults,
                                               SearchFilter: filter, SearchCriteria: criteria))
    }

    public func listQueueQuickConnectsPage(instanceId: String, queueId: String, nextToken: String?,
                                           maxResults: Int?) async throws -> ListQueueQuickConnectsResponse {
        try await call("ListQueueQuickConnects", "GET", "/queues/\(instanceId)/\(queueId)/quick-connects",
                       query: pageQuery(nextToken, maxResults))
    }

    // MARK: Routing profiles

    public func describeRoutingProfile(instanceId: String, routingProfileId: String) async throws -> RoutingProfile {
        let r: DescribeRoutingProfileResponse = try await call(
            "DescribeRoutingProfile", "GET", "/routing-profiles/\(instanceId)/\(routingProfileId)")
        return try required(r.RoutingProfile, "RoutingProfile", "DescribeRoutingProfile")
    }

    public func listRoutingProfilesPage(instanceId: String, nextToken: String?, maxResults: Int?) async throws
        -> ListRoutingProfilesResponse {
        try await call("ListRoutingProfiles", "GET", "/routing-profiles-summary/\(instanceId)",
                       query: pageQuery(nextToken, maxResults))
    }

    public func listRoutingProfileQueuesPage(instanceId: String, routingProfileId: String, nextToken: String?,
                                             maxResults: Int?) async throws -> ListRoutingProfileQueuesResponse {
        try await call("ListRoutingProfileQueues", "GET", "/routing-profiles/\(instanceId)/\(routingProfileId)/queues",
                       query: pageQuery(nextToken, maxResults))
    }

    public func searchRoutingProfilesPage(instanceId: String, criteria: RoutingProfileSearchCriteria?,
                                          filter: RoutingProfileSearchFilter?, nextToken: String?,
                                          maxResults: Int?) async throws -> SearchRoutingProfilesResponse {
        try await call("SearchRoutingProfiles", "POST", "/search-routing-profiles",
                       body: SearchRequestBody(InstanceId: instanceId, NextToken: nextToken, MaxResults: maxResults,
                                               SearchFilter: filter, SearchCriteria: criteria))
    }

    // MARK: Flows

    public func describeContactFlow(instanceId: String, contactFlowId: String) async throws -> ContactFlow {
        let r: DescribeContactFlowResponse = try await call(
            "DescribeContactFlow", "GET", "/contact-flows/\(instanceId)/\(contactFlowId)")
        return try required(r.ContactFlow, "ContactFlow", "DescribeContactFlow")
    }

    public func listContactFlowsPage(instanceId: String, contactFlowTypes: [ContactFlowType]?, nextToken: String?,
                                     maxResults: Int?) async throws -> ListContactFlowsResponse {
        let query = (contactFlowTypes ?? []).map { (name: "contactFlowTypes", value: $0.rawValue) }
            + pageQuery(nextToken, maxResults)
        return try await call("ListContactFlows", "GET", "/contact-flows-summary/\(instanceId)", query: query)
    }

    public func searchContactFlowsPage(instanceId: String, criteria: ContactFlowSearchCriteria?,
                                       filter: ContactFlowSearchFilter?, nextToken: String?,
                                       maxResults: Int?) async throws -> SearchContactFlowsResponse {
        try await call("SearchContactFlows", "POST", "/search-contact-flows",
                       body: SearchRequestBody(InstanceId: instanceId, NextToken: nextToken, MaxResults: maxResults,
                                               SearchFilter: filter, SearchCriteria: criteria))
    }

    // MARK: Flow modules

    public func describeContactFlowModule(instanceId: String, contactFlowModuleId: String) async throws
        -> ContactFlowModule {
        let r: DescribeContactFlowModuleResponse = try await call(
            "DescribeContactFlowModule", "GET", "/contact-flow-modules/\(instanceId)/\(contactFlowModuleId)")
        return try required(r.ContactFlowModule, "ContactFlowModule", "DescribeContactFlowModule")
    }

    public func listContactFlowModulesPage(instanceId: String, state: ContactFlowModuleState?, nextToken: String?,
                                           maxResults: Int?) async throws -> ListContactFlowModulesResponse {
        var query = pageQuery(nextToken, maxResults)
        if let state { query.append((name: "state", value: state.rawValue)) }
        return try await call("ListContactFlowModules", "GET", "/contact-flow-modules-summary/\(instanceId)",
                              query: query)
    }

    public func searchContactFlowModulesPage(instanceId: String, criteria: ContactFlowModuleSearchCriteria?,
                                             filter: ContactFlowModuleSearchFilter?, nextToken: String?,
                                             maxResults: Int?) async throws -> SearchContactFlowModulesResponse {
        try await call("SearchContactFlowModules", "POST", "/search-contact-flow-modules",
                       body: SearchRequestBody(InstanceId: instanceId, NextToken: nextToken, MaxResults: maxResults,
                                               SearchFilter: filter, SearchCriteria: criteria))
    }

    // MARK: Security profiles

    public func describeSecurityProfile(instanceId: String, securityProfileId: String) async throws
        -> SecurityProfile {
        let r: DescribeSecurityProfileResponse = try await call(
            "DescribeSecurityProfile", "GET", "/security-profiles/\(instanceId)/\(securityProfileId)")
        return try required(r.SecurityProfile, "SecurityProfile", "DescribeSecurityProfile")
    }

    public func listSecurityProfilesPage(instanceId: String, nextToken: String?, maxResults: Int?) async throws
        -> ListSecurityProfilesResponse {
        try await call("ListSecurityProfiles", "GET", "/security-profiles-summary/\(instanceId)",
                       query: pageQuery(nextToken, maxResults))
    }

    public func listSecurityProfilePermissionsPage(instanceId: String, securityProfileId: String,
                                                   nextToken: String?, maxResults: Int?) async throws
        -> ListSecurityProfilePermissionsResponse {
        try await call("ListSecurityProfilePermissions", "GET",
                       "/security-profiles-permissions/\(instanceId)/\(securityProfileId)",
                       query: pageQuery(nextToken, maxResults))
    }

    public func searchSecurityProfilesPage(instanceId: String, criteria: SecurityProfileSearchCriteria?,
                                           filter: SecurityProfilesSearchFilter?, nextToken: String?,
                                           maxResults: Int?) async throws -> SearchSecurityProfilesResponse {
        try await call("SearchSecurityProfiles", "POST", "/search-security-profiles",
                       body: SearchRequestBody(InstanceId: instanceId, NextToken: nextToken, MaxResults: maxResults,
                                               SearchFilter: filter, SearchCriteria: criteria))
    }

    // MARK: User hierarchy

    public func describeUserHierarchyStructure(instanceId: String) async throws -> HierarchyStructure {
        let r: DescribeUserHierarchyStructureResponse = try await call(
            "DescribeUserHierarchyStructure", "GET", "/user-hierarchy-structure/\(instanceId)")
        // An instance without levels answers with an empty structure.
        return r.HierarchyStructure ?? HierarchyStructure()
    }

    public func describeUserHierarchyGroup(instanceId: String, hierarchyGroupId: String) async throws
        -> HierarchyGroup {
        let r: DescribeUserHierarchyGroupResponse = try await call(
            "DescribeUserHierarchyGroup", "GET", "/user-hierarchy-groups/\(instanceId)/\(hierarchyGroupId)")
        return try required(r.HierarchyGroup, "HierarchyGroup", "DescribeUserHierarchyGroup")
    }

    public func listUserHierarchyGroupsPage(instanceId: String, nextToken: String?, maxResults: Int?) async throws
        -> ListUserHierarchyGroupsResponse {
        try await call("ListUserHierarchyGroups", "GET", "/user-hierarchy-groups-summary/\(instanceId)",
                       query: pageQuery(nextToken, maxResults))
    }

    public func searchUserHierarchyGroupsPage(instanceId: String, criteria: UserHierarchyGroupSearchCriteria?,
                                              filter: UserHierarchyGroupSearchFilter?, nextToken: String?,
                                              maxResults: Int?) async throws -> SearchUserHierarchyGroupsResponse {
        try await call("SearchUserHierarchyGroups", "POST", "/search-user-hierarchy-groups",
                       body: SearchRequestBody(InstanceId: instanceId, NextToken: nextToken, MaxResults: maxResults,
                                               SearchFilter: filter, SearchCriteria: criteria))
    }

    // MARK: Users

    public func describeUser(instanceId: String, userId: String) async throws -> User {
        let r: DescribeUserResponse = try await call("DescribeUser", "GET", "/users/\(instanceId)/\(userId)")
        return try required(r.User, "User", "DescribeUser")
    }

    public func listUsersPage(instanceId: String, nextToken: String?, maxResults: Int?) async throws
        -> ListUsersResponse {
        try await call("ListUsers", "GET", "/users-summary/\(instanceId)", query: pageQuery(nextToken, maxResults))
    }

    public func searchUsersPage(instanceId: String, criteria: UserSearchCriteria?, filter: UserSearchFilter?,
                                nextToken: String?, maxResults: Int?) async throws -> SearchUsersResponse {
        try await call("SearchUsers", "POST", "/search-users",
                       body: SearchRequestBody(InstanceId: instanceId, NextToken: nextToken, MaxResults: maxResults,
                                               SearchFilter: filter, SearchCriteria: criteria))
    }

    // MARK: Quick connects

    public func describeQuickConnect(instanceId: String, quickConnectId: String) async throws -> QuickConnect {
        let r: DescribeQuickConnectResponse = try await call(
            "DescribeQuickConnect", "GET", "/quick-connects/\(instanceId)/\(quickConnectId)")
        return try required(r.QuickConnect, "QuickConnect", "DescribeQuickConnect")
    }

    public func listQuickConnectsPage(instanceId: String, quickConnectTypes: [QuickConnectType]?,
                                      nextToken: String?, maxResults: Int?) async throws
        -> ListQuickConnectsResponse {
        // The model names this query member `QuickConnectTypes` (PascalCase), unlike the others.
        let query = pageQuery(nextToken, maxResults)
            + (quickConnectTypes ?? []).map { (name: "QuickConnectTypes", value: $0.rawValue) }
        return try await call("ListQuickConnects", "GET", "/quick-connects/\(instanceId)", query: query)
    }

    public func searchQuickConnectsPage(instanceId: String, criteria: QuickConnectSearchCriteria?,
                                        filter: QuickConnectSearchFilter?, nextToken: String?,
                                        maxResults: Int?) async throws -> SearchQuickConnectsResponse {
        try await call("SearchQuickConnects", "POST", "/search-quick-connects",
                       body: SearchRequestBody(InstanceId: instanceId, NextToken: nextToken, MaxResults: maxResults,
                                               SearchFilter: filter, SearchCriteria: criteria))
    }

    // MARK: Tags

    public func listTagsForResource(resourceArn: String) async throws -> TagMap {
        let r: ListTagsForResourceResponse = try await call("ListTagsForResource", "GET", "/tags/\(resourceArn)")
        return r.tags ?? [:]
    }
}
