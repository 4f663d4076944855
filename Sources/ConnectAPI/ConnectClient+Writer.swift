import AWSClient
import Foundation

// Bodies of the update calls that take a few members; nil members are omitted.
private struct NameDescriptionBody: Encodable { var Name: String?; var Description: String? }
private struct HoursOfOperationIdBody: Encodable { var HoursOfOperationId: String }
private struct MaxContactsBody: Encodable { var MaxContacts: Int? }
private struct OutboundCallerConfigBody: Encodable { var OutboundCallerConfig: OutboundCallerConfig }
private struct QueueStatusBody: Encodable { var Status: QueueStatus }
private struct QuickConnectIdsBody: Encodable { var QuickConnectIds: [String] }
private struct MediaConcurrenciesBody: Encodable { var MediaConcurrencies: [MediaConcurrency] }
private struct DefaultOutboundQueueBody: Encodable { var DefaultOutboundQueueId: String }
private struct AgentAvailabilityTimerBody: Encodable { var AgentAvailabilityTimer: AgentAvailabilityTimer }
private struct QueueConfigsBody: Encodable { var QueueConfigs: [RoutingProfileQueueConfig] }
private struct AssociateQueuesBody: Encodable {
    var QueueConfigs: [RoutingProfileQueueConfig]?
    var ManualAssignmentQueueConfigs: [RoutingProfileManualAssignmentQueueConfig]?
}
private struct DisassociateQueuesBody: Encodable {
    var QueueReferences: [RoutingProfileQueueReference]?
    var ManualAssignmentQueueReferences: [RoutingProfileQueueReference]?
}
private struct ContentBody: Encodable { var Content: String }
private struct FlowMetadataBody: Encodable {
    var Name: String?; var Description: String?; var ContactFlowState: ContactFlowState?
}
private struct ModuleContentBody: Encodable { var Content: String?; var Settings: String? }
private struct ModuleMetadataBody: Encodable {
    var Name: String?; var Description: String?; var State: ContactFlowModuleState?
}
private struct HierarchyStructureBody: Encodable { var HierarchyStructure: HierarchyStructureUpdate }
private struct NameBody: Encodable { var Name: String }
private struct IdentityInfoBody: Encodable { var IdentityInfo: UserIdentityInfo }
private struct PhoneConfigBody: Encodable { var PhoneConfig: UserPhoneConfig }
private struct RoutingProfileIdBody: Encodable { var RoutingProfileId: String }
private struct SecurityProfileIdsBody: Encodable { var SecurityProfileIds: [String] }
private struct HierarchyGroupIdBody: Encodable { var HierarchyGroupId: String? }
private struct QuickConnectConfigBody: Encodable { var QuickConnectConfig: QuickConnectConfig }

extension ConnectClient {
    // MARK: Hours of operation

    public func createHoursOfOperation(instanceId: String, _ request: CreateHoursOfOperationRequest) async throws
        -> CreateHoursOfOperationResponse {
        try await call("CreateHoursOfOperation", "PUT", "/hours-of-operations/\(instanceId)", body: request)
    }

    public func updateHoursOfOperation(instanceId: String, hoursOfOperationId: String,
                                       _ request: UpdateHoursOfOperationRequest) async throws {
        let _: EmptyResponse = try await call("UpdateHoursOfOperation", "POST",
                                              "/hours-of-operations/\(instanceId)/\(hoursOfOperationId)", body: request)
    }

    public func deleteHoursOfOperation(instanceId: String, hoursOfOperationId: String) async throws {
        let _: EmptyResponse = try await call("DeleteHoursOfOperation", "DELETE",
                                              "/hours-of-operations/\(instanceId)/\(hoursOfOperationId)")
    }

    // MARK: Queues

    public func createQueue(instanceId: String, _ request: CreateQueueRequest) async throws -> CreateQueueResponse {
        try await call("CreateQueue", "PUT", "/queues/\(instanceId)", body: request)
    }

    public func updateQueueName(instanceId: String, queueId: String, name: String?, description: String?)
        async throws {
        let _: EmptyResponse = try await call("UpdateQueueName", "POST", "/queues/\(instanceId)/\(queueId)/name",
                                              body: NameDescriptionBody(Name: name, Description: description))
    }

    public func updateQueueHoursOfOperation(instanceId: String, queueId: String, hoursOfOperationId: String)
        async throws {
        let _: EmptyResponse = try await call("UpdateQueueHoursOfOperation", "POST",
                                              "/queues/\(instanceId)/\(queueId)/hours-of-operation",
                                              body: HoursOfOperationIdBody(HoursOfOperationId: hoursOfOperationId))
    }

    public func updateQueueMaxContacts(instanceId: String, queueId: String, maxContacts: Int?) async throws {
        let _: EmptyResponse = try await call("UpdateQueueMaxContacts", "POST",
                                              "/queues/\(instanceId)/\(queueId)/max-contacts",
                                              body: MaxContactsBody(MaxContacts: maxContacts))
    }

    public func updateQueueOutboundCallerConfig(instanceId: String, queueId: String,
                                                outboundCallerConfig: OutboundCallerConfig) async throws {
        let _: EmptyResponse = try await call("UpdateQueueOutboundCallerConfig", "POST",
                                              "/queues/\(instanceId)/\(queueId)/outbound-caller-config",
                                              body: OutboundCallerConfigBody(OutboundCallerConfig: outboundCallerConfig))
    }

    public func updateQueueStatus(instanceId: String, queueId: String, status: QueueStatus) async throws {
        let _: EmptyResponse = try await call("UpdateQueueStatus", "POST", "/queues/\(instanceId)/\(queueId)/status",
                                              body: QueueStatusBody(Status: status))
    }

    public func associateQueueQuickConnects(instanceId: String, queueId: String, quickConnectIds: [String])
        async throws {
        let _: EmptyResponse = try await call("AssociateQueueQuickConnects", "POST",
                                              "/queues/\(instanceId)/\(queueId)/associate-quick-connects",
                                              body: QuickConnectIdsBody(QuickConnectIds: quickConnectIds))
    }

    public func disassociateQueueQuickConnects(instanceId: String, queueId: String, quickConnectIds: [String])
        async throws {
        let _: EmptyResponse = try await call("DisassociateQueueQuickConnects", "POST",
                                              "/queues/\(instanceId)/\(queueId)/disassociate-quick-connects",
                                              body: QuickConnectIdsBody(QuickConnectIds: quickConnectIds))
    }

    public func deleteQueue(instanceId: String, queueId: String) async throws {
        let _: EmptyResponse = try await call("DeleteQueue", "DELETE", "/queues/\(instanceId)/\(queueId)")
    }

    // MARK: Routing profiles

    public func createRoutingProfile(instanceId: String, _ request: CreateRoutingProfileRequest) async throws
        -> CreateRoutingProfileResponse {
        try await call("CreateRoutingProfile", "PUT", "/routing-profiles/\(instanceId)", body: request)
    }

    public func updateRoutingProfileName(instanceId: String, routingProfileId: String, name: String?,
                                         description: String?) async throws {
        let _: EmptyResponse = try await call("UpdateRoutingProfileName", "POST",
                                              "/routing-profiles/\(instanceId)/\(routingProfileId)/name",
                                              body: NameDescriptionBody(Name: name, Description: description))
    }

    public func updateRoutingProfileConcurrency(instanceId: String, routingProfileId: String,
                                                mediaConcurrencies: [MediaConcurrency]) async throws {
        let _: EmptyResponse = try await call("UpdateRoutingProfileConcurrency", "POST",
                                              "/routing-profiles/\(instanceId)/\(routingProfileId)/concurrency",
                                              body: MediaConcurrenciesBody(MediaConcurrencies: mediaConcurrencies))
    }

    public func updateRoutingProfileDefaultOutboundQueue(instanceId: String, routingProfileId: String,
                                                         defaultOutboundQueueId: String) async throws {
        let _: EmptyResponse = try await call(
            "UpdateRoutingProfileDefaultOutboundQueue", "POST",
            "/routing-profiles/\(instanceId)/\(routingProfileId)/default-outbound-queue",
            body: DefaultOutboundQueueBody(DefaultOutboundQueueId: defaultOutboundQueueId))
    }

    public func updateRoutingProfileAgentAvailabilityTimer(instanceId: String, routingProfileId: String,
                                                           agentAvailabilityTimer: AgentAvailabilityTimer) async throws {
        let _: EmptyResponse = try await call(
            "UpdateRoutingProfileAgentAvailabilityTimer", "POST",
            "/routing-profiles/\(instanceId)/\(routingProfileId)/agent-availability-timer",
            body: AgentAvailabilityTimerBody(AgentAvailabilityTimer: agentAvailabilityTimer))
    }

    public func updateRoutingProfileQueues(instanceId: String, routingProfileId: String,
                                           queueConfigs: [RoutingProfileQueueConfig]) async throws {
        let _: EmptyResponse = try await call("UpdateRoutingProfileQueues", "POST",
                                              "/routing-profiles/\(instanceId)/\(routingProfileId)/queues",
                                              body: QueueConfigsBody(QueueConfigs: queueConfigs))
    }

    public func associateRoutingProfileQueues(
        instanceId: String, routingProfileId: String, queueConfigs: [RoutingProfileQueueConfig]?,
        manualAssignmentQueueConfigs: [RoutingProfileManualAssignmentQueueConfig]?
    ) async throws {
        let _: EmptyResponse = try await call(
            "AssociateRoutingProfileQueues", "POST",
            "/routing-profiles/\(instanceId)/\(routingProfileId)/associate-queues",
            body: AssociateQueuesBody(QueueConfigs: queueConfigs,
                                      ManualAssignmentQueueConfigs: manualAssignmentQueueConfigs))
    }

    public func disassociateRoutingProfileQueues(
        instanceId: String, routingProfileId: String, queueReferences: [RoutingProfileQueueReference]?,
        manualAssignmentQueueReferences: [RoutingProfileQueueReference]?
    ) async throws {
        let _: EmptyResponse = try await call(
            "DisassociateRoutingProfileQueues", "POST",
            "/routing-profiles/\(instanceId)/\(routingProfileId)/disassociate-queues",
            body: DisassociateQueuesBody(QueueReferences: queueReferences,
                                         ManualAssignmentQueueReferences: manualAssignmentQueueReferences))
    }

    public func deleteRoutingProfile(instanceId: String, routingProfileId: String) async throws {
        let _: EmptyResponse = try await call("DeleteRoutingProfile", "DELETE",
                                              "/routing-profiles/\(instanceId)/\(routingProfileId)")
    }

    // MARK: Flows

    public func createContactFlow(instanceId: String, _ request: CreateContactFlowRequest) async throws
        -> CreateContactFlowResponse {
        try await call("CreateContactFlow", "PUT", "/contact-flows/\(instanceId)", body: request)
    }

    public func updateContactFlowContent(instanceId: String, contactFlowId: String, content: String) async throws {
        let _: EmptyResponse = try await call("UpdateContactFlowContent", "POST",
                                              "/contact-flows/\(instanceId)/\(contactFlowId)/content",
                                              body: ContentBody(Content: content))
    }

    public func updateContactFlowMetadata(instanceId: String, contactFlowId: String, name: String?,
                                          description: String?, contactFlowState: ContactFlowState?) async throws {
        let _: EmptyResponse = try await call(
            "UpdateContactFlowMetadata", "POST", "/contact-flows/\(instanceId)/\(contactFlowId)/metadata",
            body: FlowMetadataBody(Name: name, Description: description, ContactFlowState: contactFlowState))
    }

    public func updateContactFlowName(instanceId: String, contactFlowId: String, name: String?,
                                      description: String?) async throws {
        let _: EmptyResponse = try await call("UpdateContactFlowName", "POST",
                                              "/contact-flows/\(instanceId)/\(contactFlowId)/name",
                                              body: NameDescriptionBody(Name: name, Description: description))
    }

    public func deleteContactFlow(instanceId: String, contactFlowId: String) async throws {
        let _: EmptyResponse = try await call("DeleteContactFlow", "DELETE",
                                              "/contact-flows/\(instanceId)/\(contactFlowId)")
    }

    // MARK: Flow modules

    public func createContactFlowModule(instanceId: String, _ request: CreateContactFlowModuleRequest) async throws
        -> CreateContactFlowModuleResponse {
        var request = request
        if request.ClientToken == nil { request.ClientToken = makeClientToken() }
        return try await call("CreateContactFlowModule", "PUT", "/contact-flow-modules/\(instanceId)", body: request)
    }

    public func updateContactFlowModuleContent(instanceId: String, contactFlowModuleId: String, content: String?,
                                               settings: String?) async throws {
        let _: EmptyResponse = try await call(
            "UpdateContactFlowModuleContent", "POST",
            "/contact-flow-modules/\(instanceId)/\(contactFlowModuleId)/content",
            body: ModuleContentBody(Content: content, Settings: settings))
    }

    public func updateContactFlowModuleMetadata(instanceId: String, contactFlowModuleId: String, name: String?,
                                                description: String?, state: ContactFlowModuleState?) async throws {
        let _: EmptyResponse = try await call(
            "UpdateContactFlowModuleMetadata", "POST",
            "/contact-flow-modules/\(instanceId)/\(contactFlowModuleId)/metadata",
            body: ModuleMetadataBody(Name: name, Description: description, State: state))
    }

    public func deleteContactFlowModule(instanceId: String, contactFlowModuleId: String) async throws {
        let _: EmptyResponse = try await call("DeleteContactFlowModule", "DELETE",
                                              "/contact-flow-modules/\(instanceId)/\(contactFlowModuleId)")
    }

    // MARK: Security profiles

    public func createSecurityProfile(instanceId: String, _ request: CreateSecurityProfileRequest) async throws
        -> CreateSecurityProfileResponse {
        try await call("CreateSecurityProfile", "PUT", "/security-profiles/\(instanceId)", body: request)
    }

    public func updateSecurityProfile(instanceId: String, securityProfileId: String,
                                      _ request: UpdateSecurityProfileRequest) async throws {
        let _: EmptyResponse = try await call("UpdateSecurityProfile", "POST",
                                              "/security-profiles/\(instanceId)/\(securityProfileId)", body: request)
    }

    public func deleteSecurityProfile(instanceId: String, securityProfileId: String) async throws {
        let _: EmptyResponse = try await call("DeleteSecurityProfile", "DELETE",
                                              "/security-profiles/\(instanceId)/\(securityProfileId)")
    }

    // MARK: User hierarchy

    public func updateUserHierarchyStructure(instanceId: String, hierarchyStructure: HierarchyStructureUpdate)
        async throws {
        let _: EmptyResponse = try await call("UpdateUserHierarchyStructure", "POST",
                                              "/user-hierarchy-structure/\(instanceId)",
                                              body: HierarchyStructureBody(HierarchyStructure: hierarchyStructure))
    }

    public func createUserHierarchyGroup(instanceId: String, _ request: CreateUserHierarchyGroupRequest)
        async throws -> CreateUserHierarchyGroupResponse {
        try await call("CreateUserHierarchyGroup", "PUT", "/user-hierarchy-groups/\(instanceId)", body: request)
    }

    public func updateUserHierarchyGroupName(instanceId: String, hierarchyGroupId: String, name: String)
        async throws {
        let _: EmptyResponse = try await call("UpdateUserHierarchyGroupName", "POST",
                                              "/user-hierarchy-groups/\(instanceId)/\(hierarchyGroupId)/name",
                                              body: NameBody(Name: name))
    }

    public func deleteUserHierarchyGroup(instanceId: String, hierarchyGroupId: String) async throws {
        let _: EmptyResponse = try await call("DeleteUserHierarchyGroup", "DELETE",
                                              "/user-hierarchy-groups/\(instanceId)/\(hierarchyGroupId)")
    }

    // MARK: Users

    public func createUser(instanceId: String, _ request: CreateUserRequest) async throws -> CreateUserResponse {
        try await call("CreateUser", "PUT", "/users/\(instanceId)", body: request)
    }

    public func updateUserIdentityInfo(instanceId: String, userId: String, identityInfo: UserIdentityInfo)
        async throws {
        let _: EmptyResponse = try await call("UpdateUserIdentityInfo", "POST",
                                              "/users/\(instanceId)/\(userId)/identity-info",
                                              body: IdentityInfoBody(IdentityInfo: identityInfo))
    }

    public func updateUserPhoneConfig(instanceId: String, userId: String, phoneConfig: UserPhoneConfig) async throws {
        let _: EmptyResponse = try await call("UpdateUserPhoneConfig", "POST",
                                              "/users/\(instanceId)/\(userId)/phone-config",
                                              body: PhoneConfigBody(PhoneConfig: phoneConfig))
    }

    public func updateUserRoutingProfile(instanceId: String, userId: String, routingProfileId: String) async throws {
        let _: EmptyResponse = try await call("UpdateUserRoutingProfile", "POST",
                                              "/users/\(instanceId)/\(userId)/routing-profile",
                                              body: RoutingProfileIdBody(RoutingProfileId: routingProfileId))
    }

    public func updateUserSecurityProfiles(instanceId: String, userId: String, securityProfileIds: [String])
        async throws {
        let _: EmptyResponse = try await call("UpdateUserSecurityProfiles", "POST",
                                              "/users/\(instanceId)/\(userId)/security-profiles",
                                              body: SecurityProfileIdsBody(SecurityProfileIds: securityProfileIds))
    }

    public func updateUserHierarchy(instanceId: String, userId: String, hierarchyGroupId: String?) async throws {
        let _: EmptyResponse = try await call("UpdateUserHierarchy", "POST",
                                              "/users/\(instanceId)/\(userId)/hierarchy",
                                              body: HierarchyGroupIdBody(HierarchyGroupId: hierarchyGroupId))
    }

    public func deleteUser(instanceId: String, userId: String) async throws {
        let _: EmptyResponse = try await call("DeleteUser", "DELETE", "/users/\(instanceId)/\(userId)")
    }

    // MARK: Quick connects

    public func createQuickConnect(instanceId: String, _ request: CreateQuickConnectRequest) async throws
        -> CreateQuickConnectResponse {
        try await call("CreateQuickConnect", "PUT", "/quick-connects/\(instanceId)", body: request)
    }

    public func updateQuickConnectName(instanceId: String, quickConnectId: String, name: String?,
                                       description: String?) async throws {
        let _: EmptyResponse = try await call("UpdateQuickConnectName", "POST",
                                              "/quick-connects/\(instanceId)/\(quickConnectId)/name",
                                              body: NameDescriptionBody(Name: name, Description: description))
    }

    public func updateQuickConnectConfig(instanceId: String, quickConnectId: String,
                                         quickConnectConfig: QuickConnectConfig) async throws {
        let _: EmptyResponse = try await call("UpdateQuickConnectConfig", "POST",
                                              "/quick-connects/\(instanceId)/\(quickConnectId)/config",
                                              body: QuickConnectConfigBody(QuickConnectConfig: quickConnectConfig))
    }

    public func deleteQuickConnect(instanceId: String, quickConnectId: String) async throws {
        let _: EmptyResponse = try await call("DeleteQuickConnect", "DELETE",
                                              "/quick-connects/\(instanceId)/\(quickConnectId)")
    }

    // MARK: Tags

    public func tagResource(resourceArn: String, tags: TagMap) async throws {
        let _: EmptyResponse = try await call("TagResource", "POST", "/tags/\(resourceArn)",
                                              body: TagResourceBody(tags: tags))
    }

    public func untagResource(resourceArn: String, tagKeys: [String]) async throws {
        let _: EmptyResponse = try await call("UntagResource", "DELETE", "/tags/\(resourceArn)",
                                              query: tagKeys.map { (name: "tagKeys", value: $0) })
    }
}
