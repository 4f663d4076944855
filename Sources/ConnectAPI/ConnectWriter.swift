import Foundation

/// Everything Patchbay changes in Amazon Connect. Only `apply` gets a writer.
/// Update methods leave nil optional arguments out of the request (unchanged on the service).
public protocol ConnectWriter: Sendable {
    /// The one generic call: sends `operation` with `input`, the JSON object of all its input
    /// members (URI, query and body alike, by their model names), and returns the response body.
    /// Apply runs planned calls through this, so what a plan lists is exactly what is sent.
    func perform(_ operation: ConnectOperation, input: Data) async throws -> Data

    // Hours of operation
    func createHoursOfOperation(instanceId: String, _ request: CreateHoursOfOperationRequest) async throws
        -> CreateHoursOfOperationResponse
    func updateHoursOfOperation(instanceId: String, hoursOfOperationId: String,
                                _ request: UpdateHoursOfOperationRequest) async throws
    func deleteHoursOfOperation(instanceId: String, hoursOfOperationId: String) async throws

    // Queues
    func createQueue(instanceId: String, _ request: CreateQueueRequest) async throws -> CreateQueueResponse
    func updateQueueName(instanceId: String, queueId: String, name: String?, description: String?) async throws
    func updateQueueHoursOfOperation(instanceId: String, queueId: String, hoursOfOperationId: String) async throws
    /// nil removes the limit.
    func updateQueueMaxContacts(instanceId: String, queueId: String, maxContacts: Int?) async throws
    func updateQueueOutboundCallerConfig(instanceId: String, queueId: String,
                                         outboundCallerConfig: OutboundCallerConfig) async throws
    func updateQueueStatus(instanceId: String, queueId: String, status: QueueStatus) async throws
    func associateQueueQuickConnects(instanceId: String, queueId: String, quickConnectIds: [String]) async throws
    func disassociateQueueQuickConnects(instanceId: String, queueId: String, quickConnectIds: [String]) async throws
    func deleteQueue(instanceId: String, queueId: String) async throws

    // Routing profiles
    func createRoutingProfile(instanceId: String, _ request: CreateRoutingProfileRequest) async throws
        -> CreateRoutingProfileResponse
    func updateRoutingProfileName(instanceId: String, routingProfileId: String, name: String?,
                                  description: String?) async throws
    func updateRoutingProfileConcurrency(instanceId: String, routingProfileId: String,
                                         mediaConcurrencies: [MediaConcurrency]) async throws
    func updateRoutingProfileDefaultOutboundQueue(instanceId: String, routingProfileId: String,
                                                  defaultOutboundQueueId: String) async throws
    func updateRoutingProfileAgentAvailabilityTimer(instanceId: String, routingProfileId: String,
                                                    agentAvailabilityTimer: AgentAvailabilityTimer) async throws
    /// Changes priority/delay of queues already associated (1–10 configs per call).
    func updateRoutingProfileQueues(instanceId: String, routingProfileId: String,
                                    queueConfigs: [RoutingProfileQueueConfig]) async throws
    func associateRoutingProfileQueues(instanceId: String, routingProfileId: String,
                                       queueConfigs: [RoutingProfileQueueConfig]?,
                                       manualAssignmentQueueConfigs: [RoutingProfileManualAssignmentQueueConfig]?)
        async throws
    func disassociateRoutingProfileQueues(instanceId: String, routingProfileId: String,
                                          queueReferences: [RoutingProfileQueueReference]?,
                                          manualAssignmentQueueReferences: [RoutingProfileQueueReference]?)
        async throws
    func deleteRoutingProfile(instanceId: String, routingProfileId: String) async throws

    // Flows
    func createContactFlow(instanceId: String, _ request: CreateContactFlowRequest) async throws
        -> CreateContactFlowResponse
    func updateContactFlowContent(instanceId: String, contactFlowId: String, content: String) async throws
    func updateContactFlowMetadata(instanceId: String, contactFlowId: String, name: String?, description: String?,
                                   contactFlowState: ContactFlowState?) async throws
    func updateContactFlowName(instanceId: String, contactFlowId: String, name: String?,
                               description: String?) async throws
    func deleteContactFlow(instanceId: String, contactFlowId: String) async throws

    // Flow modules
    func createContactFlowModule(instanceId: String, _ request: CreateContactFlowModuleRequest) async throws
        -> CreateContactFlowModuleResponse
    func updateContactFlowModuleContent(instanceId: String, contactFlowModuleId: String, content: String?,
                                        settings: String?) async throws
    func updateContactFlowModuleMetadata(instanceId: String, contactFlowModuleId: String, name: String?,
                                         description: String?, state: ContactFlowModuleState?) async throws
    func deleteContactFlowModule(instanceId: String, contactFlowModuleId: String) async throws

    // Security profiles
    func createSecurityProfile(instanceId: String, _ request: CreateSecurityProfileRequest) async throws
        -> CreateSecurityProfileResponse
    func updateSecurityProfile(instanceId: String, securityProfileId: String,
                               _ request: UpdateSecurityProfileRequest) async throws
    func deleteSecurityProfile(instanceId: String, securityProfileId: String) async throws

    // User hierarchy
    func updateUserHierarchyStructure(instanceId: String, hierarchyStructure: HierarchyStructureUpdate) async throws
    func createUserHierarchyGroup(instanceId: String, _ request: CreateUserHierarchyGroupRequest) async throws
        -> CreateUserHierarchyGroupResponse
    func updateUserHierarchyGroupName(instanceId: String, hierarchyGroupId: String, name: String) async throws
    func deleteUserHierarchyGroup(instanceId: String, hierarchyGroupId: String) async throws

    // Users
    func createUser(instanceId: String, _ request: CreateUserRequest) async throws -> CreateUserResponse
    func updateUserIdentityInfo(instanceId: String, userId: String, identityInfo: UserIdentityInfo) async throws
    func updateUserPhoneConfig(instanceId: String, userId: String, phoneConfig: UserPhoneConfig) async throws
    func updateUserRoutingProfile(instanceId: String, userId: String, routingProfileId: String) async throws
    func updateUserSecurityProfiles(instanceId: String, userId: String, securityProfileIds: [String]) async throws
    /// nil removes the user from its hierarchy group.
    func updateUserHierarchy(instanceId: String, userId: String, hierarchyGroupId: String?) async throws
    func deleteUser(instanceId: String, userId: String) async throws

    // Quick connects
    func createQuickConnect(instanceId: String, _ request: CreateQuickConnectRequest) async throws
        -> CreateQuickConnectResponse
    func updateQuickConnectName(instanceId: String, quickConnectId: String, name: String?,
                                description: String?) async throws
    func updateQuickConnectConfig(instanceId: String, quickConnectId: String,
                                  quickConnectConfig: QuickConnectConfig) async throws
    func deleteQuickConnect(instanceId: String, quickConnectId: String) async throws

    // Tags
    func tagResource(resourceArn: String, tags: TagMap) async throws
    func untagResource(resourceArn: String, tagKeys: [String]) async throws
}

/// Both capabilities, for `apply`.
public typealias ConnectReaderWriter = ConnectReader & ConnectWriter
