/// Everything Patchbay reads from Amazon Connect. `plan` receives only a reader, so a
/// dry run cannot write.
///
/// Requirements fetch one page (List*/Search*) or one resource (Describe*); the
/// extension below turns every paged operation into a `ConnectPages` async sequence
/// that follows `NextToken` until the service stops returning one.
public protocol ConnectReader: Sendable {
    // Instances
    func describeInstance(instanceId: String) async throws -> DescribeInstanceResponse
    func listInstancesPage(nextToken: String?, maxResults: Int?) async throws -> ListInstancesResponse

    // Hours of operation
    func describeHoursOfOperation(instanceId: String, hoursOfOperationId: String) async throws -> HoursOfOperation
    func listHoursOfOperationsPage(instanceId: String, nextToken: String?, maxResults: Int?) async throws
        -> ListHoursOfOperationsResponse
    func searchHoursOfOperationsPage(instanceId: String, criteria: HoursOfOperationSearchCriteria?,
                                     filter: HoursOfOperationSearchFilter?, nextToken: String?,
                                     maxResults: Int?) async throws -> SearchHoursOfOperationsResponse

    // Queues
    func describeQueue(instanceId: String, queueId: String) async throws -> Queue
    func listQueuesPage(instanceId: String, queueTypes: [QueueType]?, nextToken: String?, maxResults: Int?)
        async throws -> ListQueuesResponse
    func searchQueuesPage(instanceId: String, criteria: QueueSearchCriteria?, filter: QueueSearchFilter?,
                          nextToken: String?, maxResults: Int?) async throws -> SearchQueuesResponse
    func listQueueQuickConnectsPage(instanceId: String, queueId: String, nextToken: String?, maxResults: Int?)
        async throws -> ListQueueQuickConnectsResponse

    // Routing profiles
    func describeRoutingProfile(instanceId: String, routingProfileId: String) async throws -> RoutingProfile
    func listRoutingProfilesPage(instanceId: String, nextToken: String?, maxResults: Int?) async throws
        -> ListRoutingProfilesResponse
    func listRoutingProfileQueuesPage(instanceId: String, routingProfileId: String, nextToken: String?,
                                      maxResults: Int?) async throws -> ListRoutingProfileQueuesResponse
    func searchRoutingProfilesPage(instanceId: String, criteria: RoutingProfileSearchCriteria?,
                                   filter: RoutingProfileSearchFilter?, nextToken: String?,
                                   maxResults: Int?) async throws -> SearchRoutingProfilesResponse

    // Flows
    /// `contactFlowId` may carry a qualifier: `id:$SAVED` for saved content, `id:<version>`.
    func describeContactFlow(instanceId: String, contactFlowId: String) async throws -> ContactFlow
    func listContactFlowsPage(instanceId: String, contactFlowTypes: [ContactFlowType]?, nextToken: String?,
                              maxResults: Int?) async throws -> ListContactFlowsResponse
    func searchContactFlowsPage(instanceId: String, criteria: ContactFlowSearchCriteria?,
                                filter: ContactFlowSearchFilter?, nextToken: String?,
                                maxResults: Int?) async throws -> SearchContactFlowsResponse

    // Flow modules
    func describeContactFlowModule(instanceId: String, contactFlowModuleId: String) async throws -> ContactFlowModule
    func listContactFlowModulesPage(instanceId: String, state: ContactFlowModuleState?, nextToken: String?,
                                    maxResults: Int?) async throws -> ListContactFlowModulesResponse
    func searchContactFlowModulesPage(instanceId: String, criteria: ContactFlowModuleSearchCriteria?,
                                      filter: ContactFlowModuleSearchFilter?, nextToken: String?,
                                      maxResults: Int?) async throws -> SearchContactFlowModulesResponse

    // Security profiles
    func describeSecurityProfile(instanceId: String, securityProfileId: String) async throws -> SecurityProfile
    func listSecurityProfilesPage(instanceId: String, nextToken: String?, maxResults: Int?) async throws
        -> ListSecurityProfilesResponse
    func listSecurityProfilePermissionsPage(instanceId: String, securityProfileId: String, nextToken: String?,
                                            maxResults: Int?) async throws -> ListSecurityProfilePermissionsResponse
    func searchSecurityProfilesPage(instanceId: String, criteria: SecurityProfileSearchCriteria?,
                                    filter: SecurityProfilesSearchFilter?, nextToken: String?,
                                    maxResults: Int?) async throws -> SearchSecurityProfilesResponse

    // User hierarchy
    func describeUserHierarchyStructure(instanceId: String) async throws -> HierarchyStructure
    func describeUserHierarchyGroup(instanceId: String, hierarchyGroupId: String) async throws -> HierarchyGroup
    func listUserHierarchyGroupsPage(instanceId: String, nextToken: String?, maxResults: Int?) async throws
        -> ListUserHierarchyGroupsResponse
    func searchUserHierarchyGroupsPage(instanceId: String, criteria: UserHierarchyGroupSearchCriteria?,
                                       filter: UserHierarchyGroupSearchFilter?, nextToken: String?,
                                       maxResults: Int?) async throws -> SearchUserHierarchyGroupsResponse

    // Users
    func describeUser(instanceId: String, userId: String) async throws -> User
    func listUsersPage(instanceId: String, nextToken: String?, maxResults: Int?) async throws -> ListUsersResponse
    func searchUsersPage(instanceId: String, criteria: UserSearchCriteria?, filter: UserSearchFilter?,
                         nextToken: String?, maxResults: Int?) async throws -> SearchUsersResponse

    // Quick connects
    func describeQuickConnect(instanceId: String, quickConnectId: String) async throws -> QuickConnect
    func listQuickConnectsPage(instanceId: String, quickConnectTypes: [QuickConnectType]?, nextToken: String?,
                               maxResults: Int?) async throws -> ListQuickConnectsResponse
    func searchQuickConnectsPage(instanceId: String, criteria: QuickConnectSearchCriteria?,
                                 filter: QuickConnectSearchFilter?, nextToken: String?,
                                 maxResults: Int?) async throws -> SearchQuickConnectsResponse

    // Tags
    func listTagsForResource(resourceArn: String) async throws -> TagMap
}

// MARK: - Pagination

extension ConnectReader {
    public func listInstances(pageSize: Int = ConnectPageSize.listInstances) -> ConnectPages<ListInstancesResponse> {
        ConnectPages(operation: "ListInstances", pageSize: pageSize) { token, size in
            try await self.listInstancesPage(nextToken: token, maxResults: size)
        }
    }

    public func listHoursOfOperations(instanceId: String, pageSize: Int = ConnectPageSize.list)
        -> ConnectPages<ListHoursOfOperationsResponse> {
        ConnectPages(operation: "ListHoursOfOperations", pageSize: pageSize) { token, size in
            try await self.listHoursOfOperationsPage(instanceId: instanceId, nextToken: token, maxResults: size)
        }
    }

    public func searchHoursOfOperations(instanceId: String, criteria: HoursOfOperationSearchCriteria? = nil,
                                        filter: HoursOfOperationSearchFilter? = nil,
                                        pageSize: Int = ConnectPageSize.search)
        -> ConnectPages<SearchHoursOfOperationsResponse> {
        ConnectPages(operation: "SearchHoursOfOperations", pageSize: pageSize) { token, size in
            try await self.searchHoursOfOperationsPage(instanceId: instanceId, criteria: criteria, filter: filter,
                                                       nextToken: token, maxResults: size)
        }
    }

    public func listQueues(instanceId: String, queueTypes: [QueueType]? = nil, pageSize: Int = ConnectPageSize.list)
        -> ConnectPages<ListQueuesResponse> {
        ConnectPages(operation: "ListQueues", pageSize: pageSize) { token, size in
            try await self.listQueuesPage(instanceId: instanceId, queueTypes: queueTypes, nextToken: token,
                                          maxResults: size)
        }
    }

    public func searchQueues(instanceId: String, criteria: QueueSearchCriteria? = nil,
                             filter: QueueSearchFilter? = nil, pageSize: Int = ConnectPageSize.searchLarge)
        -> ConnectPages<SearchQueuesResponse> {
        ConnectPages(operation: "SearchQueues", pageSize: pageSize) { token, size in
            try await self.searchQueuesPage(instanceId: instanceId, criteria: criteria, filter: filter,
                                            nextToken: token, maxResults: size)
        }
    }

    public func listQueueQuickConnects(instanceId: String, queueId: String,
                                       pageSize: Int = ConnectPageSize.listSmall)
        -> ConnectPages<ListQueueQuickConnectsResponse> {
        ConnectPages(operation: "ListQueueQuickConnects", pageSize: pageSize) { token, size in
            try await self.listQueueQuickConnectsPage(instanceId: instanceId, queueId: queueId, nextToken: token,
                                                      maxResults: size)
        }
    }

    public func listRoutingProfiles(instanceId: String, pageSize: Int = ConnectPageSize.list)
        -> ConnectPages<ListRoutingProfilesResponse> {
        ConnectPages(operation: "ListRoutingProfiles", pageSize: pageSize) { token, size in
            try await self.listRoutingProfilesPage(instanceId: instanceId, nextToken: token, maxResults: size)
        }
    }

    public func listRoutingProfileQueues(instanceId: String, routingProfileId: String,
                                         pageSize: Int = ConnectPageSize.listSmall)
        -> ConnectPages<ListRoutingProfileQueuesResponse> {
        ConnectPages(operation: "ListRoutingProfileQueues", pageSize: pageSize) { token, size in
            try await self.listRoutingProfileQueuesPage(instanceId: instanceId, routingProfileId: routingProfileId,
                                                        nextToken: token, maxResults: size)
        }
    }

    public func searchRoutingProfiles(instanceId: String, criteria: RoutingProfileSearchCriteria? = nil,
                                      filter: RoutingProfileSearchFilter? = nil,
                                      pageSize: Int = ConnectPageSize.searchLarge)
        -> ConnectPages<SearchRoutingProfilesResponse> {
        ConnectPages(operation: "SearchRoutingProfiles", pageSize: pageSize) { token, size in
            try await self.searchRoutingProfilesPage(instanceId: instanceId, criteria: criteria, filter: filter,
                                                     nextToken: token, maxResults: size)
        }
    }

    public func listContactFlows(instanceId: String, contactFlowTypes: [ContactFlowType]? = nil,
                                 pageSize: Int = ConnectPageSize.list) -> ConnectPages<ListContactFlowsResponse> {
        ConnectPages(operation: "ListContactFlows", pageSize: pageSize) { token, size in
            try await self.listContactFlowsPage(instanceId: instanceId, contactFlowTypes: contactFlowTypes,
                                                nextToken: token, maxResults: size)
        }
    }

    public func searchContactFlows(instanceId: String, criteria: ContactFlowSearchCriteria? = nil,
                                   filter: ContactFlowSearchFilter? = nil, pageSize: Int = ConnectPageSize.search)
        -> ConnectPages<SearchContactFlowsResponse> {
        ConnectPages(operation: "SearchContactFlows", pageSize: pageSize) { token, size in
            try await self.searchContactFlowsPage(instanceId: instanceId, criteria: criteria, filter: filter,
                                                  nextToken: token, maxResults: size)
        }
    }

    public func listContactFlowModules(instanceId: String, state: ContactFlowModuleState? = nil,
                                       pageSize: Int = ConnectPageSize.list)
        -> ConnectPages<ListContactFlowModulesResponse> {
        ConnectPages(operation: "ListContactFlowModules", pageSize: pageSize) { token, size in
            try await self.listContactFlowModulesPage(instanceId: instanceId, state: state, nextToken: token,
                                                      maxResults: size)
        }
    }

    public func searchContactFlowModules(instanceId: String, criteria: ContactFlowModuleSearchCriteria? = nil,
                                         filter: ContactFlowModuleSearchFilter? = nil,
                                         pageSize: Int = ConnectPageSize.search)
        -> ConnectPages<SearchContactFlowModulesResponse> {
        ConnectPages(operation: "SearchContactFlowModules", pageSize: pageSize) { token, size in
            try await self.searchContactFlowModulesPage(instanceId: instanceId, criteria: criteria, filter: filter,
                                                        nextToken: token, maxResults: size)
        }
    }

    public func listSecurityProfiles(instanceId: String, pageSize: Int = ConnectPageSize.list)
        -> ConnectPages<ListSecurityProfilesResponse> {
        ConnectPages(operation: "ListSecurityProfiles", pageSize: pageSize) { token, size in
            try await self.listSecurityProfilesPage(instanceId: instanceId, nextToken: token, maxResults: size)
        }
    }

    public func listSecurityProfilePermissions(instanceId: String, securityProfileId: String,
                                               pageSize: Int = ConnectPageSize.list)
        -> ConnectPages<ListSecurityProfilePermissionsResponse> {
        ConnectPages(operation: "ListSecurityProfilePermissions", pageSize: pageSize) { token, size in
            try await self.listSecurityProfilePermissionsPage(instanceId: instanceId,
                                                              securityProfileId: securityProfileId,
                                                              nextToken: token, maxResults: size)
        }
    }

    public func searchSecurityProfiles(instanceId: String, criteria: SecurityProfileSearchCriteria? = nil,
                                       filter: SecurityProfilesSearchFilter? = nil,
                                       pageSize: Int = ConnectPageSize.search)
        -> ConnectPages<SearchSecurityProfilesResponse> {
        ConnectPages(operation: "SearchSecurityProfiles", pageSize: pageSize) { token, size in
            try await self.searchSecurityProfilesPage(instanceId: instanceId, criteria: criteria, filter: filter,
                                                      nextToken: token, maxResults: size)
        }
    }

    public func listUserHierarchyGroups(instanceId: String, pageSize: Int = ConnectPageSize.list)
        -> ConnectPages<ListUserHierarchyGroupsResponse> {
        ConnectPages(operation: "ListUserHierarchyGroups", pageSize: pageSize) { token, size in
            try await self.listUserHierarchyGroupsPage(instanceId: instanceId, nextToken: token, maxResults: size)
        }
    }

    public func searchUserHierarchyGroups(instanceId: String, criteria: UserHierarchyGroupSearchCriteria? = nil,
                                          filter: UserHierarchyGroupSearchFilter? = nil,
                                          pageSize: Int = ConnectPageSize.search)
        -> ConnectPages<SearchUserHierarchyGroupsResponse> {
        ConnectPages(operation: "SearchUserHierarchyGroups", pageSize: pageSize) { token, size in
            try await self.searchUserHierarchyGroupsPage(instanceId: instanceId, criteria: criteria, filter: filter,
                                                         nextToken: token, maxResults: size)
        }
    }

    public func listUsers(instanceId: String, pageSize: Int = ConnectPageSize.list) -> ConnectPages<ListUsersResponse> {
        ConnectPages(operation: "ListUsers", pageSize: pageSize) { token, size in
            try await self.listUsersPage(instanceId: instanceId, nextToken: token, maxResults: size)
        }
    }

    public func searchUsers(instanceId: String, criteria: UserSearchCriteria? = nil, filter: UserSearchFilter? = nil,
                            pageSize: Int = ConnectPageSize.searchLarge) -> ConnectPages<SearchUsersResponse> {
        ConnectPages(operation: "SearchUsers", pageSize: pageSize) { token, size in
            try await self.searchUsersPage(instanceId: instanceId, criteria: criteria, filter: filter,
                                           nextToken: token, maxResults: size)
        }
    }

    public func listQuickConnects(instanceId: String, quickConnectTypes: [QuickConnectType]? = nil,
                                  pageSize: Int = ConnectPageSize.list) -> ConnectPages<ListQuickConnectsResponse> {
        ConnectPages(operation: "ListQuickConnects", pageSize: pageSize) { token, size in
            try await self.listQuickConnectsPage(instanceId: instanceId, quickConnectTypes: quickConnectTypes,
                                                 nextToken: token, maxResults: size)
        }
    }

    public func searchQuickConnects(instanceId: String, criteria: QuickConnectSearchCriteria? = nil,
                                    filter: QuickConnectSearchFilter? = nil, pageSize: Int = ConnectPageSize.search)
        -> ConnectPages<SearchQuickConnectsResponse> {
        ConnectPages(operation: "SearchQuickConnects", pageSize: pageSize) { token, size in
            try await self.searchQuickConnectsPage(instanceId: instanceId, criteria: criteria, filter: filter,
                                                   nextToken: token, maxResults: size)
        }
    }
}
