import Foundation

/// One Connect operation: runs under the service lock against `service.state`.
typealias Operation = @Sendable (ConnectService, ServiceCall) throws -> JSONValue?

/// Everything the emulator knows about one resource kind: its wire names, quota,
/// references, shapes and operations. One file per kind (`Kind+*.swift`) builds one of
/// these; `KindRegistry.handlers` lists them. Describe / List / Search / Delete are
/// generic (driven by these fields); a kind adds its Create and Update operations and
/// may replace a generic one.
struct KindHandler: Sendable {
    var kind: ResourceKind
    var wire: KindWire { KindWire.table[kind] ?? KindWire.missing(kind) }
    var noun: String { wire.noun }
    var plural: String { wire.plural }
    var idLabel: String { wire.idLabel }
    var arnSegment: String { wire.arnSegment }
    var describeKeys: (id: String, arn: String, name: String) { wire.describeKeys }
    var createKeys: (id: String, arn: String) { wire.createKeys }
    var describeMember: String { wire.members.describe }
    var listMember: String { wire.members.list }
    var searchMember: String { wire.members.search }
    var label: String { wire.label }
    var resourceTypeName: String { wire.resourceType }
    /// Largest `MaxResults` the Search operation accepts (connect-api.md §3).
    var searchMaxResults = 100
    /// Whether Describe/summary shapes carry LastModifiedTime/LastModifiedRegion.
    var hasLastModified = true
    var summaryHasLastModified = true
    var summaryNameKey = "Name"
    var deletable = true
    /// Whether the generic Describe / List / Search operations apply (phone numbers have their own).
    var genericOperations = true
    var quota: @Sendable (EmulatorQuotas) -> Int
    /// How many resources count against the quota (nil: all of the kind).
    var quotaCount: (@Sendable (InstanceState) -> Int)?
    /// Kind-specific operations (Create, Update…, or a replacement of a generic one).
    var operations: [String: Operation] = [:]
    /// The resources this one refers to (indexed for in-use checks and counts).
    var references: @Sendable (StoredResource) -> [ResourceRef] = { _ in [] }
    /// Referring kinds that make a delete fail with ResourceInUseException, in check order.
    var blockedBy: [ResourceKind] = []
    /// Runs before the in-use check (may refuse the delete).
    var beforeDelete: (@Sendable (ConnectService, StoredResource) throws -> Void)?
    /// Runs after the resource is removed (cascades).
    var afterDelete: (@Sendable (ConnectService, StoredResource) -> Void)?
    /// List filter from the query (e.g. `queueTypes`).
    var listFilter: (@Sendable (ServiceCall, StoredResource) -> Bool)?
    /// Search pre-filter (e.g. AGENT queues only when asked for).
    var searchBase: (@Sendable (ServiceCall, StoredResource) -> Bool)?
    /// StringCondition fields beyond name / resourceID / description (lower-case keys).
    var searchFields: [String: @Sendable (StoredResource) -> [String]] = [:]
    var searchesDescription = true
    /// Adds the kind's members to a Describe (or Search, when the flag is set) shape.
    var describeExtras: (@Sendable (ConnectService, StoredResource, inout [String: JSONValue], Bool) -> Void)?
    var summaryExtras: (@Sendable (StoredResource, inout [String: JSONValue]) -> Void)?

    /// A Create operation: `ConnectService.createOp` with the kind's `build`, answering the
    /// kind's Create response (id, arn).
    static func create(_ kind: ResourceKind, nameKey: String = "Name", maxName: Int = 127, maxDescription: Int? = 250,
                       _ build: @escaping @Sendable (ConnectService, ServiceCall, inout [String: JSONValue], inout [String: JSONValue]) throws -> Void)
        -> Operation {
        { s, c in
            let r = try s.createOp(kind, c, nameKey: nameKey, maxName: maxName, maxDescription: maxDescription) { try build(s, c, &$0, &$1) }
            return s.createResponse(kind, r)
        }
    }

    /// The generic operations of this kind, then its own (which win).
    var allOperations: [String: Operation] {
        let kind = self.kind
        var ops: [String: Operation] = genericOperations ? [
            "Describe\(noun)": { s, c in try s.describeOp(kind, c) },
            "List\(plural)": { s, c in try s.listOp(kind, c) },
            "Search\(plural)": { s, c in try s.searchOp(kind, c) },
        ] : [:]
        if deletable { ops["Delete\(noun)"] = { s, c in try s.deleteOp(kind, c) } }
        ops.merge(operations) { _, own in own }
        return ops
    }
}

/// The one table of the kinds' wire names (botocore's Connect model): operation stems
/// (`Describe{noun}`, `Delete{noun}`, `List{plural}`, `Search{plural}`), the id's URI label,
/// the ARN segment after `instance/{iid}/`, the Describe shape's (id, arn, name) members,
/// the Create response's (id, arn), the Describe / List / Search members, a label for
/// messages and the `ResourceType` of ResourceInUseException.
struct KindWire: Sendable {
    var noun, plural, idLabel, arnSegment: String
    var describeKeys: (id: String, arn: String, name: String)
    var createKeys: (id: String, arn: String)
    var members: (describe: String, list: String, search: String)
    var label, resourceType: String

    static func missing(_ kind: ResourceKind) -> KindWire { fatalError("no KindWire row for \(kind)") }

    // swiftlint:disable line_length
    static let table: [ResourceKind: KindWire] = [
        .hoursOfOperation: .init(noun: "HoursOfOperation", plural: "HoursOfOperations", idLabel: "HoursOfOperationId", arnSegment: "operating-hours", describeKeys: ("HoursOfOperationId", "HoursOfOperationArn", "Name"), createKeys: ("HoursOfOperationId", "HoursOfOperationArn"), members: ("HoursOfOperation", "HoursOfOperationSummaryList", "HoursOfOperations"), label: "hours of operation", resourceType: "HOURS_OF_OPERATION"),
        .queue: .init(noun: "Queue", plural: "Queues", idLabel: "QueueId", arnSegment: "queue", describeKeys: ("QueueId", "QueueArn", "Name"), createKeys: ("QueueId", "QueueArn"), members: ("Queue", "QueueSummaryList", "Queues"), label: "queue", resourceType: "QUEUE"),
        .routingProfile: .init(noun: "RoutingProfile", plural: "RoutingProfiles", idLabel: "RoutingProfileId", arnSegment: "routing-profile", describeKeys: ("RoutingProfileId", "RoutingProfileArn", "Name"), createKeys: ("RoutingProfileId", "RoutingProfileArn"), members: ("RoutingProfile", "RoutingProfileSummaryList", "RoutingProfiles"), label: "routing profile", resourceType: "ROUTING_PROFILE"),
        .contactFlow: .init(noun: "ContactFlow", plural: "ContactFlows", idLabel: "ContactFlowId", arnSegment: "contact-flow", describeKeys: ("Id", "Arn", "Name"), createKeys: ("ContactFlowId", "ContactFlowArn"), members: ("ContactFlow", "ContactFlowSummaryList", "ContactFlows"), label: "contact flow", resourceType: "CONTACT_FLOW"),
        .flowModule: .init(noun: "ContactFlowModule", plural: "ContactFlowModules", idLabel: "ContactFlowModuleId", arnSegment: "flow-module", describeKeys: ("Id", "Arn", "Name"), createKeys: ("Id", "Arn"), members: ("ContactFlowModule", "ContactFlowModulesSummaryList", "ContactFlowModules"), label: "flow module", resourceType: "FLOW_MODULE"),
        .securityProfile: .init(noun: "SecurityProfile", plural: "SecurityProfiles", idLabel: "SecurityProfileId", arnSegment: "security-profile", describeKeys: ("Id", "Arn", "SecurityProfileName"), createKeys: ("SecurityProfileId", "SecurityProfileArn"), members: ("SecurityProfile", "SecurityProfileSummaryList", "SecurityProfiles"), label: "security profile", resourceType: "SECURITY_PROFILE"),
        .hierarchyGroup: .init(noun: "UserHierarchyGroup", plural: "UserHierarchyGroups", idLabel: "HierarchyGroupId", arnSegment: "agent-group", describeKeys: ("Id", "Arn", "Name"), createKeys: ("HierarchyGroupId", "HierarchyGroupArn"), members: ("HierarchyGroup", "UserHierarchyGroupSummaryList", "UserHierarchyGroups"), label: "user hierarchy group", resourceType: "HIERARCHY_GROUP"),
        .user: .init(noun: "User", plural: "Users", idLabel: "UserId", arnSegment: "agent", describeKeys: ("Id", "Arn", "Username"), createKeys: ("UserId", "UserArn"), members: ("User", "UserSummaryList", "Users"), label: "user", resourceType: "USER"),
        .quickConnect: .init(noun: "QuickConnect", plural: "QuickConnects", idLabel: "QuickConnectId", arnSegment: "transfer-destination", describeKeys: ("QuickConnectId", "QuickConnectARN", "Name"), createKeys: ("QuickConnectId", "QuickConnectARN"), members: ("QuickConnect", "QuickConnectSummaryList", "QuickConnects"), label: "quick connect", resourceType: "QUICK_CONNECT"),
        .agentStatus: .init(noun: "AgentStatus", plural: "AgentStatuses", idLabel: "AgentStatusId", arnSegment: "agent-state", describeKeys: ("AgentStatusId", "AgentStatusARN", "Name"), createKeys: ("AgentStatusId", "AgentStatusARN"), members: ("AgentStatus", "AgentStatusSummaryList", "AgentStatuses"), label: "agent status", resourceType: "AGENT_STATUS"),
        .phoneNumber: .init(noun: "PhoneNumber", plural: "PhoneNumbers", idLabel: "PhoneNumberId", arnSegment: "phone-number", describeKeys: ("PhoneNumberId", "PhoneNumberArn", "PhoneNumber"), createKeys: ("PhoneNumberId", "PhoneNumberArn"), members: ("ClaimedPhoneNumberSummary", "ListPhoneNumbersSummaryList", "ListPhoneNumbersSummaryList"), label: "phone number", resourceType: "PHONE_NUMBER"),
        .prompt: .init(noun: "Prompt", plural: "Prompts", idLabel: "PromptId", arnSegment: "prompt", describeKeys: ("PromptId", "PromptARN", "Name"), createKeys: ("PromptId", "PromptARN"), members: ("Prompt", "PromptSummaryList", "Prompts"), label: "prompt", resourceType: "PROMPT"),
        .predefinedAttribute: .init(noun: "PredefinedAttribute", plural: "PredefinedAttributes", idLabel: "Name", arnSegment: "predefined-attribute", describeKeys: ("Name", "Arn", "Name"), createKeys: ("Name", "Arn"), members: ("PredefinedAttribute", "PredefinedAttributeSummaryList", "PredefinedAttributes"), label: "predefined attribute", resourceType: "PREDEFINED_ATTRIBUTE"),
        .taskTemplate: .init(noun: "TaskTemplate", plural: "TaskTemplates", idLabel: "TaskTemplateId", arnSegment: "task-template", describeKeys: ("Id", "Arn", "Name"), createKeys: ("Id", "Arn"), members: ("TaskTemplate", "TaskTemplates", "TaskTemplates"), label: "task template", resourceType: "TASK_TEMPLATE"),
    ]
    // swiftlint:enable line_length
}

/// The one list of kinds, and every operation the emulator serves.
enum KindRegistry {
    static let handlers: [KindHandler] = [
        HoursOfOperationKind.handler, QueueKind.handler, RoutingProfileKind.handler, ContactFlowKind.handler,
        FlowModuleKind.handler, SecurityProfileKind.handler, HierarchyGroupKind.handler, UserKind.handler,
        QuickConnectKind.handler, AgentStatusKind.handler, PromptKind.handler, PhoneNumberKind.handler,
        PredefinedAttributeKind.handler, TaskTemplateKind.handler,
    ]

    static let byKind: [ResourceKind: KindHandler] = Dictionary(uniqueKeysWithValues: handlers.map { ($0.kind, $0) })

    static func handler(_ kind: ResourceKind) -> KindHandler {
        guard let h = byKind[kind] else { fatalError("no KindHandler registered for \(kind)") }
        return h
    }

    /// Operation name → implementation: every kind's, plus the instance, hierarchy
    /// structure and tag operations.
    static let operations: [String: Operation] = {
        var ops = InstanceOperations.operations
        for h in handlers {
            ops.merge(h.allOperations) { _, _ in fatalError("operation registered twice") }
        }
        return ops
    }()
}
