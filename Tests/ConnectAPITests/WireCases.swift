import ConnectHTTP
import Foundation
@testable import ConnectAPI

/// One representative call of every operation ConnectClient implements, with the same
/// call spelled as botocore parameters (`scripts/wire/botocore_requests.py`).
struct WireCase: Sendable {
    var operation: String
    /// botocore parameters as JSON.
    var params: String
    var call: @Sendable (ConnectClient) async throws -> Void
}

// Labels that need encoding: ':' '$' '/' ' ' and non-ASCII.
let I = "11111111-2222-3333-4444-555555555555"
let Q = "q:1/a b"
let RP = "rp~1.2_x"
let FLOW = "fid:$SAVED"
let MOD = "mod-ü"
let SP = "sp+1"
let HG = "hg=1&2"
let U = "user@x"
let QC = "qc 1"
let HOURS = "hours%1"
let ARN = "arn:aws:connect:us-east-1:123456789012:instance/\(I)/queue/q1"
let TOKEN = "tok/+=ü ~"

let tags: TagMap = ["team": "support", "cost center": "42/ü"]
let tagsJSON = #"{"team":"support","cost center":"42/ü"}"#
let agentStatusJSON = #"{"InstanceId":"\#(I)","Name":"Lunch","Description":"d","State":"ENABLED","DisplayOrder":3,"Tags":\#(tagsJSON)}"#
let overrideJSON = #"{"InstanceId":"\#(I)","HoursOfOperationId":"\#(HOURS)","Name":"Late Friday","Description":"d","Config":[{"Day":"FRIDAY","StartTime":{"Hours":8,"Minutes":0},"EndTime":{"Hours":22,"Minutes":30}}],"EffectiveFrom":"2026-11-27","EffectiveTill":"2026-11-27","OverrideType":"OPEN"}"#

let hoursConfig = [
    HoursOfOperationConfig(Day: .MONDAY, StartTime: .init(Hours: 9, Minutes: 0), EndTime: .init(Hours: 17, Minutes: 30)),
    HoursOfOperationConfig(Day: .SUNDAY, StartTime: .init(Hours: 0, Minutes: 0), EndTime: .init(Hours: 0, Minutes: 0)),
]
let hoursConfigJSON = #"[{"Day":"MONDAY","StartTime":{"Hours":9,"Minutes":0},"EndTime":{"Hours":17,"Minutes":30}},{"Day":"SUNDAY","StartTime":{"Hours":0,"Minutes":0},"EndTime":{"Hours":0,"Minutes":0}}]"#

let queueConfigs = [
    RoutingProfileQueueConfig(QueueReference: .init(QueueId: "q1", Channel: .VOICE), Priority: 1, Delay: 0),
    RoutingProfileQueueConfig(QueueReference: .init(QueueId: "q2", Channel: .CHAT), Priority: 2, Delay: 30),
]
let queueConfigsJSON = #"[{"QueueReference":{"QueueId":"q1","Channel":"VOICE"},"Priority":1,"Delay":0},{"QueueReference":{"QueueId":"q2","Channel":"CHAT"},"Priority":2,"Delay":30}]"#

let media = [
    MediaConcurrency(Channel: .VOICE, Concurrency: 1),
    MediaConcurrency(Channel: .CHAT, Concurrency: 3, CrossChannelBehavior: .init(BehaviorType: .ROUTE_ANY_CHANNEL)),
]
let mediaJSON = #"[{"Channel":"VOICE","Concurrency":1},{"Channel":"CHAT","Concurrency":3,"CrossChannelBehavior":{"BehaviorType":"ROUTE_ANY_CHANNEL"}}]"#

let flowContent = #"{"Version":"2019-10-30","StartAction":"a1","Actions":[{"Identifier":"a1","Type":"DisconnectParticipant","Parameters":{},"Transitions":{}}]}"#
let flowContentJSON = try! String(data: JSONEncoder().encode(flowContent), encoding: .utf8)!

let tagFilter = ControlPlaneTagFilter(OrConditions: [[TagCondition(TagKey: "team", TagValue: "a")],
                                                     [TagCondition(TagKey: "team", TagValue: "b")]])
let tagFilterJSON = #"{"TagFilter":{"OrConditions":[[{"TagKey":"team","TagValue":"a"}],[{"TagKey":"team","TagValue":"b"}]]}}"#
let nameCriteria = StringSearchCriteria(OrConditions: [
    .init(StringCondition: .exact("name", "Support")),
    .init(StringCondition: .init(FieldName: "name", Value: "Sa", ComparisonType: .STARTS_WITH)),
])
let nameCriteriaJSON = #"{"OrConditions":[{"StringCondition":{"FieldName":"name","Value":"Support","ComparisonType":"EXACT"}},{"StringCondition":{"FieldName":"name","Value":"Sa","ComparisonType":"STARTS_WITH"}}]}"#

let identity = UserIdentityInfo(FirstName: "Zoë", LastName: "O'Brien", Email: "zoe@example.com")
let identityJSON = #"{"FirstName":"Zoë","LastName":"O'Brien","Email":"zoe@example.com"}"#
let phone = UserPhoneConfig(PhoneType: .SOFT_PHONE, AutoAccept: false, AfterContactWorkTimeLimit: 30)
let phoneJSON = #"{"PhoneType":"SOFT_PHONE","AutoAccept":false,"AfterContactWorkTimeLimit":30}"#

let wireCases: [WireCase] = [
    // Instances
    WireCase(operation: "ListInstances", params: #"{"NextToken":"\#(TOKEN)","MaxResults":10}"#) {
        _ = try await $0.send(ListRequest<Listings.Instances>(instanceId: nil, nextToken: TOKEN, maxResults: 10))
    },
    WireCase(operation: "DescribeInstance", params: #"{"InstanceId":"\#(I)"}"#) {
        _ = try await $0.send(DescribeInstanceRequest(instanceId: I))
    },

    // Hours of operation
    WireCase(operation: "CreateHoursOfOperation",
             params: #"{"InstanceId":"\#(I)","Name":"Office hours","Description":"9–5","TimeZone":"Europe/Berlin","Config":\#(hoursConfigJSON),"Tags":\#(tagsJSON)}"#) {
        _ = try await $0.write(.createHoursOfOperation, ["InstanceId": I], CreateHoursOfOperationRequest(Name: "Office hours", Description: "9–5",
                                                                     TimeZone: "Europe/Berlin", Config: hoursConfig, Tags: tags))
    },
    WireCase(operation: "DescribeHoursOfOperation", params: #"{"InstanceId":"\#(I)","HoursOfOperationId":"\#(HOURS)"}"#) {
        _ = try await $0.describe(HoursOfOperation.self, instanceId: I, id: HOURS)
    },
    WireCase(operation: "UpdateHoursOfOperation",
             params: #"{"InstanceId":"\#(I)","HoursOfOperationId":"\#(HOURS)","TimeZone":"UTC","Config":\#(hoursConfigJSON)}"#) {
        try await $0.write(.updateHoursOfOperation, ["InstanceId": I, "HoursOfOperationId": HOURS],
                          UpdateHoursOfOperationRequest(TimeZone: "UTC", Config: hoursConfig))
    },
    WireCase(operation: "DeleteHoursOfOperation", params: #"{"InstanceId":"\#(I)","HoursOfOperationId":"\#(HOURS)"}"#) {
        try await $0.write(.deleteHoursOfOperation, ["InstanceId": I, "HoursOfOperationId": HOURS])
    },
    WireCase(operation: "ListHoursOfOperations", params: #"{"InstanceId":"\#(I)","NextToken":"\#(TOKEN)","MaxResults":1000}"#) {
        _ = try await $0.send(ListRequest<Listings.HoursOfOperations>(instanceId: I, nextToken: TOKEN, maxResults: 1000))
    },
    WireCase(operation: "SearchHoursOfOperations",
             params: #"{"InstanceId":"\#(I)","MaxResults":100,"SearchCriteria":\#(nameCriteriaJSON),"SearchFilter":\#(tagFilterJSON)}"#) {
        _ = try await $0.send(SearchRequest<HoursOfOperation>(instanceId: I, criteria: nameCriteria,
                                                     filter: .init(TagFilter: tagFilter), nextToken: nil, maxResults: 100))
    },

    // Queues
    WireCase(operation: "CreateQueue",
             params: #"{"InstanceId":"\#(I)","Name":"Support","Description":"d","HoursOfOperationId":"h1","MaxContacts":10,"OutboundCallerConfig":{"OutboundCallerIdName":"ACME","OutboundFlowId":"f1"},"QuickConnectIds":["qc1","qc2"],"Tags":\#(tagsJSON)}"#) {
        _ = try await $0.write(.createQueue, ["InstanceId": I], CreateQueueRequest(Name: "Support", Description: "d",
                                                          OutboundCallerConfig: .init(OutboundCallerIdName: "ACME", OutboundFlowId: "f1"),
                                                          HoursOfOperationId: "h1", MaxContacts: 10,
                                                          QuickConnectIds: ["qc1", "qc2"], Tags: tags))
    },
    WireCase(operation: "DescribeQueue", params: #"{"InstanceId":"\#(I)","QueueId":"\#(Q)"}"#) {
        _ = try await $0.describe(Queue.self, instanceId: I, id: Q)
    },
    WireCase(operation: "UpdateQueueName", params: #"{"InstanceId":"\#(I)","QueueId":"\#(Q)","Name":"New name"}"#) {
        try await $0.write(.updateQueueName, ["InstanceId": I, "QueueId": Q], ["Name": "New name"])
    },
    WireCase(operation: "UpdateQueueHoursOfOperation", params: #"{"InstanceId":"\#(I)","QueueId":"\#(Q)","HoursOfOperationId":"h2"}"#) {
        try await $0.write(.updateQueueHoursOfOperation, ["InstanceId": I, "QueueId": Q], ["HoursOfOperationId": "h2"])
    },
    WireCase(operation: "UpdateQueueMaxContacts", params: #"{"InstanceId":"\#(I)","QueueId":"\#(Q)"}"#) {
        try await $0.write(.updateQueueMaxContacts, ["InstanceId": I, "QueueId": Q])
    },
    WireCase(operation: "UpdateQueueOutboundCallerConfig",
             params: #"{"InstanceId":"\#(I)","QueueId":"\#(Q)","OutboundCallerConfig":{"OutboundCallerIdNumberId":"pn1"}}"#) {
        try await $0.write(.updateQueueOutboundCallerConfig, ["InstanceId": I, "QueueId": Q],
                          ["OutboundCallerConfig": OutboundCallerConfig(OutboundCallerIdNumberId: "pn1")])
    },
    WireCase(operation: "UpdateQueueStatus", params: #"{"InstanceId":"\#(I)","QueueId":"\#(Q)","Status":"DISABLED"}"#) {
        try await $0.write(.updateQueueStatus, ["InstanceId": I, "QueueId": Q], ["Status": QueueStatus.DISABLED])
    },
    WireCase(operation: "DeleteQueue", params: #"{"InstanceId":"\#(I)","QueueId":"\#(Q)"}"#) {
        try await $0.write(.deleteQueue, ["InstanceId": I, "QueueId": Q])
    },
    WireCase(operation: "ListQueues",
             params: #"{"InstanceId":"\#(I)","QueueTypes":["STANDARD","AGENT"],"NextToken":"\#(TOKEN)","MaxResults":1000}"#) {
        _ = try await $0.send(ListRequest<Listings.Queues>(instanceId: I, filter: [.STANDARD, .AGENT], nextToken: TOKEN, maxResults: 1000))
    },
    WireCase(operation: "SearchQueues",
             params: #"{"InstanceId":"\#(I)","NextToken":"\#(TOKEN)","MaxResults":500,"SearchCriteria":{"AndConditions":[{"QueueTypeCondition":"STANDARD"},{"StringCondition":{"FieldName":"name","Value":"Sup","ComparisonType":"CONTAINS"}}]}}"#) {
        _ = try await $0.send(SearchRequest<Queue>(instanceId: I, criteria: .init(AndConditions: [
            .init(QueueTypeCondition: "STANDARD"),
            .init(StringCondition: .init(FieldName: "name", Value: "Sup", ComparisonType: .CONTAINS)),
        ]), filter: nil, nextToken: TOKEN, maxResults: 500))
    },
    WireCase(operation: "AssociateQueueQuickConnects", params: #"{"InstanceId":"\#(I)","QueueId":"\#(Q)","QuickConnectIds":["a","b"]}"#) {
        try await $0.write(.associateQueueQuickConnects, ["InstanceId": I, "QueueId": Q], ["QuickConnectIds": ["a", "b"]])
    },
    WireCase(operation: "DisassociateQueueQuickConnects", params: #"{"InstanceId":"\#(I)","QueueId":"\#(Q)","QuickConnectIds":["a"]}"#) {
        try await $0.write(.disassociateQueueQuickConnects, ["InstanceId": I, "QueueId": Q], ["QuickConnectIds": ["a"]])
    },
    WireCase(operation: "ListQueueQuickConnects", params: #"{"InstanceId":"\#(I)","QueueId":"\#(Q)","MaxResults":100}"#) {
        _ = try await $0.send(ListRequest<Listings.QueueQuickConnects>(instanceId: I, parentId: Q, maxResults: 100))
    },

    // Routing profiles
    WireCase(operation: "CreateRoutingProfile",
             params: #"{"InstanceId":"\#(I)","Name":"Tier 1","Description":"first line","DefaultOutboundQueueId":"q1","QueueConfigs":\#(queueConfigsJSON),"ManualAssignmentQueueConfigs":[{"QueueReference":{"QueueId":"q3","Channel":"TASK"}}],"MediaConcurrencies":\#(mediaJSON),"Tags":\#(tagsJSON),"AgentAvailabilityTimer":"TIME_SINCE_LAST_INBOUND"}"#) {
        _ = try await $0.write(.createRoutingProfile, ["InstanceId": I], CreateRoutingProfileRequest(
            Name: "Tier 1", Description: "first line", DefaultOutboundQueueId: "q1", QueueConfigs: queueConfigs,
            ManualAssignmentQueueConfigs: [.init(QueueReference: .init(QueueId: "q3", Channel: .TASK))],
            MediaConcurrencies: media, Tags: tags, AgentAvailabilityTimer: .TIME_SINCE_LAST_INBOUND))
    },
    WireCase(operation: "DescribeRoutingProfile", params: #"{"InstanceId":"\#(I)","RoutingProfileId":"\#(RP)"}"#) {
        _ = try await $0.describe(RoutingProfile.self, instanceId: I, id: RP)
    },
    WireCase(operation: "UpdateRoutingProfileName", params: #"{"InstanceId":"\#(I)","RoutingProfileId":"\#(RP)","Name":"n","Description":"d"}"#) {
        try await $0.write(.updateRoutingProfileName, ["InstanceId": I, "RoutingProfileId": RP], ["Name": "n", "Description": "d"])
    },
    WireCase(operation: "UpdateRoutingProfileConcurrency", params: #"{"InstanceId":"\#(I)","RoutingProfileId":"\#(RP)","MediaConcurrencies":\#(mediaJSON)}"#) {
        try await $0.write(.updateRoutingProfileConcurrency, ["InstanceId": I, "RoutingProfileId": RP], ["MediaConcurrencies": media])
    },
    WireCase(operation: "UpdateRoutingProfileDefaultOutboundQueue",
             params: #"{"InstanceId":"\#(I)","RoutingProfileId":"\#(RP)","DefaultOutboundQueueId":"q9"}"#) {
        try await $0.write(.updateRoutingProfileDefaultOutboundQueue, ["InstanceId": I, "RoutingProfileId": RP],
                          ["DefaultOutboundQueueId": "q9"])
    },
    WireCase(operation: "UpdateRoutingProfileAgentAvailabilityTimer",
             params: #"{"InstanceId":"\#(I)","RoutingProfileId":"\#(RP)","AgentAvailabilityTimer":"TIME_SINCE_LAST_ACTIVITY"}"#) {
        try await $0.write(.updateRoutingProfileAgentAvailabilityTimer, ["InstanceId": I, "RoutingProfileId": RP],
                          ["AgentAvailabilityTimer": AgentAvailabilityTimer.TIME_SINCE_LAST_ACTIVITY])
    },
    WireCase(operation: "UpdateRoutingProfileQueues", params: #"{"InstanceId":"\#(I)","RoutingProfileId":"\#(RP)","QueueConfigs":\#(queueConfigsJSON)}"#) {
        try await $0.write(.updateRoutingProfileQueues, ["InstanceId": I, "RoutingProfileId": RP], ["QueueConfigs": queueConfigs])
    },
    WireCase(operation: "AssociateRoutingProfileQueues", params: #"{"InstanceId":"\#(I)","RoutingProfileId":"\#(RP)","QueueConfigs":\#(queueConfigsJSON)}"#) {
        try await $0.write(.associateRoutingProfileQueues, ["InstanceId": I, "RoutingProfileId": RP], ["QueueConfigs": queueConfigs])
    },
    WireCase(operation: "DisassociateRoutingProfileQueues",
             params: #"{"InstanceId":"\#(I)","RoutingProfileId":"\#(RP)","QueueReferences":[{"QueueId":"q1","Channel":"VOICE"}],"ManualAssignmentQueueReferences":[{"QueueId":"q3","Channel":"TASK"}]}"#) {
        try await $0.write(.disassociateRoutingProfileQueues, ["InstanceId": I, "RoutingProfileId": RP], [
            "QueueReferences": [RoutingProfileQueueReference(QueueId: "q1", Channel: .VOICE)],
            "ManualAssignmentQueueReferences": [RoutingProfileQueueReference(QueueId: "q3", Channel: .TASK)],
        ])
    },
    WireCase(operation: "ListRoutingProfileQueues",
             params: #"{"InstanceId":"\#(I)","RoutingProfileId":"\#(RP)","NextToken":"\#(TOKEN)","MaxResults":100}"#) {
        _ = try await $0.send(ListRequest<Listings.RoutingProfileQueues>(instanceId: I, parentId: RP, nextToken: TOKEN, maxResults: 100))
    },
    WireCase(operation: "DeleteRoutingProfile", params: #"{"InstanceId":"\#(I)","RoutingProfileId":"\#(RP)"}"#) {
        try await $0.write(.deleteRoutingProfile, ["InstanceId": I, "RoutingProfileId": RP])
    },
    WireCase(operation: "ListRoutingProfiles", params: #"{"InstanceId":"\#(I)","MaxResults":1000}"#) {
        _ = try await $0.send(ListRequest<Listings.RoutingProfiles>(instanceId: I, maxResults: 1000))
    },
    WireCase(operation: "SearchRoutingProfiles",
             params: #"{"InstanceId":"\#(I)","MaxResults":500,"SearchFilter":\#(tagFilterJSON)}"#) {
        _ = try await $0.send(SearchRequest<RoutingProfile>(instanceId: I, criteria: nil, filter: .init(TagFilter: tagFilter),
                                                   nextToken: nil, maxResults: 500))
    },

    // Flows
    WireCase(operation: "CreateContactFlow",
             params: #"{"InstanceId":"\#(I)","Name":"Main IVR","Type":"CONTACT_FLOW","Description":"entry","Content":\#(flowContentJSON),"Status":"SAVED","Tags":\#(tagsJSON)}"#) {
        _ = try await $0.write(.createContactFlow, ["InstanceId": I], CreateContactFlowRequest(Name: "Main IVR", Type: .CONTACT_FLOW, Description: "entry",
                                                                Content: flowContent, Status: .SAVED, Tags: tags))
    },
    WireCase(operation: "DescribeContactFlow", params: #"{"InstanceId":"\#(I)","ContactFlowId":"\#(FLOW)"}"#) {
        _ = try await $0.describe(ContactFlow.self, instanceId: I, id: FLOW)
    },
    WireCase(operation: "UpdateContactFlowContent", params: #"{"InstanceId":"\#(I)","ContactFlowId":"\#(FLOW)","Content":\#(flowContentJSON)}"#) {
        try await $0.write(.updateContactFlowContent, ["InstanceId": I, "ContactFlowId": FLOW], ["Content": flowContent])
    },
    WireCase(operation: "UpdateContactFlowMetadata", params: #"{"InstanceId":"\#(I)","ContactFlowId":"\#(FLOW)","ContactFlowState":"ARCHIVED"}"#) {
        try await $0.write(.updateContactFlowMetadata, ["InstanceId": I, "ContactFlowId": FLOW], ["ContactFlowState": ContactFlowState.ARCHIVED])
    },
    WireCase(operation: "UpdateContactFlowName", params: #"{"InstanceId":"\#(I)","ContactFlowId":"\#(FLOW)","Name":"IVR 2","Description":""}"#) {
        try await $0.write(.updateContactFlowName, ["InstanceId": I, "ContactFlowId": FLOW], ["Name": "IVR 2", "Description": ""])
    },
    WireCase(operation: "DeleteContactFlow", params: #"{"InstanceId":"\#(I)","ContactFlowId":"\#(FLOW)"}"#) {
        try await $0.write(.deleteContactFlow, ["InstanceId": I, "ContactFlowId": FLOW])
    },
    WireCase(operation: "ListContactFlows",
             params: #"{"InstanceId":"\#(I)","ContactFlowTypes":["CONTACT_FLOW","QUEUE_TRANSFER"],"NextToken":"\#(TOKEN)","MaxResults":1000}"#) {
        _ = try await $0.send(ListRequest<Listings.ContactFlows>(instanceId: I, filter: [.CONTACT_FLOW, .QUEUE_TRANSFER],
                                                             nextToken: TOKEN, maxResults: 1000))
    },
    WireCase(operation: "SearchContactFlows",
             params: #"{"InstanceId":"\#(I)","MaxResults":100,"SearchCriteria":{"AndConditions":[{"TypeCondition":"CONTACT_FLOW"},{"StateCondition":"ACTIVE"},{"StatusCondition":"PUBLISHED"}]},"SearchFilter":{"FlowAttributeFilter":{"AndCondition":{"TagConditions":[{"TagKey":"team","TagValue":"a"}],"ContactFlowTypeCondition":{"ContactFlowType":"CONTACT_FLOW"}}}}}"#) {
        _ = try await $0.send(SearchRequest<ContactFlow>(
            instanceId: I,
            criteria: .init(AndConditions: [.init(TypeCondition: .CONTACT_FLOW), .init(StateCondition: .ACTIVE),
                                            .init(StatusCondition: .PUBLISHED)]),
            filter: .init(FlowAttributeFilter: .init(AndCondition: .init(
                TagConditions: [.init(TagKey: "team", TagValue: "a")],
                ContactFlowTypeCondition: .init(ContactFlowType: .CONTACT_FLOW)))),
            nextToken: nil, maxResults: 100))
    },

    // Flow modules
    WireCase(operation: "CreateContactFlowModule",
             params: #"{"InstanceId":"\#(I)","Name":"Auth","Description":"d","Content":\#(flowContentJSON),"Tags":\#(tagsJSON),"ClientToken":"token-1","Settings":"{}","ExternalInvocationConfiguration":{"Enabled":false}}"#) {
        _ = try await $0.write(.createContactFlowModule, ["InstanceId": I], CreateContactFlowModuleRequest(
            Name: "Auth", Description: "d", Content: flowContent, Tags: tags, ClientToken: "token-1", Settings: "{}",
            ExternalInvocationConfiguration: .init(Enabled: false)))
    },
    WireCase(operation: "DescribeContactFlowModule", params: #"{"InstanceId":"\#(I)","ContactFlowModuleId":"\#(MOD)"}"#) {
        _ = try await $0.describe(ContactFlowModule.self, instanceId: I, id: MOD)
    },
    WireCase(operation: "UpdateContactFlowModuleContent", params: #"{"InstanceId":"\#(I)","ContactFlowModuleId":"\#(MOD)","Content":\#(flowContentJSON)}"#) {
        try await $0.write(.updateContactFlowModuleContent, ["InstanceId": I, "ContactFlowModuleId": MOD], ["Content": flowContent])
    },
    WireCase(operation: "UpdateContactFlowModuleMetadata",
             params: #"{"InstanceId":"\#(I)","ContactFlowModuleId":"\#(MOD)","Name":"Auth2","State":"ACTIVE"}"#) {
        try await $0.write(.updateContactFlowModuleMetadata, ["InstanceId": I, "ContactFlowModuleId": MOD],
                          ["Name": "Auth2", "State": ContactFlowModuleState.ACTIVE.rawValue])
    },
    WireCase(operation: "DeleteContactFlowModule", params: #"{"InstanceId":"\#(I)","ContactFlowModuleId":"\#(MOD)"}"#) {
        try await $0.write(.deleteContactFlowModule, ["InstanceId": I, "ContactFlowModuleId": MOD])
    },
    WireCase(operation: "ListContactFlowModules",
             params: #"{"InstanceId":"\#(I)","ContactFlowModuleState":"ACTIVE","MaxResults":1000}"#) {
        _ = try await $0.send(ListRequest<Listings.ContactFlowModules>(instanceId: I, filter: .ACTIVE, maxResults: 1000))
    },
    WireCase(operation: "SearchContactFlowModules",
             params: #"{"InstanceId":"\#(I)","MaxResults":100,"SearchCriteria":{"OrConditions":[{"StatusCondition":"SAVED"},{"StateCondition":"ARCHIVED"}]},"SearchFilter":\#(tagFilterJSON)}"#) {
        _ = try await $0.send(SearchRequest<ContactFlowModule>(
            instanceId: I, criteria: .init(OrConditions: [.init(StatusCondition: .SAVED), .init(StateCondition: .ARCHIVED)]),
            filter: .init(TagFilter: tagFilter), nextToken: nil, maxResults: 100))
    },

    // Security profiles
    WireCase(operation: "CreateSecurityProfile",
             params: #"{"InstanceId":"\#(I)","SecurityProfileName":"Team_Lead","Description":"d","Permissions":["BasicAgentAccess","OutboundCallAccess"],"Tags":\#(tagsJSON),"AllowedAccessControlTags":{"team":"a"},"TagRestrictedResources":["User"],"Applications":[{"Namespace":"ns","ApplicationPermissions":["p"],"Type":"THIRD_PARTY_APPLICATION"}],"HierarchyRestrictedResources":["User"],"AllowedAccessControlHierarchyGroupId":"hg1"}"#) {
        _ = try await $0.write(.createSecurityProfile, ["InstanceId": I], CreateSecurityProfileRequest(
            SecurityProfileName: "Team_Lead", Description: "d", Permissions: ["BasicAgentAccess", "OutboundCallAccess"],
            Tags: tags, AllowedAccessControlTags: ["team": "a"], TagRestrictedResources: ["User"],
            Applications: [.init(Namespace: "ns", ApplicationPermissions: ["p"], Type: "THIRD_PARTY_APPLICATION")],
            HierarchyRestrictedResources: ["User"], AllowedAccessControlHierarchyGroupId: "hg1"))
    },
    WireCase(operation: "DescribeSecurityProfile", params: #"{"InstanceId":"\#(I)","SecurityProfileId":"\#(SP)"}"#) {
        _ = try await $0.describe(SecurityProfile.self, instanceId: I, id: SP)
    },
    WireCase(operation: "UpdateSecurityProfile",
             params: #"{"InstanceId":"\#(I)","SecurityProfileId":"\#(SP)","Permissions":["BasicAgentAccess"],"Description":"new"}"#) {
        try await $0.write(.updateSecurityProfile, ["InstanceId": I, "SecurityProfileId": SP],
                          UpdateSecurityProfileRequest(Description: "new", Permissions: ["BasicAgentAccess"]))
    },
    WireCase(operation: "DeleteSecurityProfile", params: #"{"InstanceId":"\#(I)","SecurityProfileId":"\#(SP)"}"#) {
        try await $0.write(.deleteSecurityProfile, ["InstanceId": I, "SecurityProfileId": SP])
    },
    WireCase(operation: "ListSecurityProfiles", params: #"{"InstanceId":"\#(I)","NextToken":"\#(TOKEN)"}"#) {
        _ = try await $0.send(ListRequest<Listings.SecurityProfiles>(instanceId: I, nextToken: TOKEN))
    },
    WireCase(operation: "ListSecurityProfilePermissions",
             params: #"{"InstanceId":"\#(I)","SecurityProfileId":"\#(SP)","MaxResults":1000}"#) {
        _ = try await $0.send(ListRequest<Listings.SecurityProfilePermissions>(instanceId: I, parentId: SP, maxResults: 1000))
    },
    WireCase(operation: "SearchSecurityProfiles", params: #"{"InstanceId":"\#(I)","SearchCriteria":\#(nameCriteriaJSON)}"#) {
        _ = try await $0.send(SearchRequest<SecurityProfileSearchSummary>(instanceId: I, criteria: nameCriteria, filter: nil, nextToken: nil,
                                                    maxResults: nil))
    },

    // User hierarchy
    WireCase(operation: "DescribeUserHierarchyStructure", params: #"{"InstanceId":"\#(I)"}"#) {
        _ = try await $0.describe(HierarchyStructure.self, instanceId: I)
    },
    WireCase(operation: "UpdateUserHierarchyStructure",
             params: #"{"InstanceId":"\#(I)","HierarchyStructure":{"LevelOne":{"Name":"Region"},"LevelTwo":{"Name":"Site"}}}"#) {
        try await $0.write(.updateUserHierarchyStructure, ["InstanceId": I], ["HierarchyStructure": HierarchyStructureUpdate(
            LevelOne: .init(Name: "Region"), LevelTwo: .init(Name: "Site"))])
    },
    WireCase(operation: "CreateUserHierarchyGroup",
             params: #"{"InstanceId":"\#(I)","Name":"EMEA","ParentGroupId":"hg0","Tags":\#(tagsJSON)}"#) {
        _ = try await $0.write(.createUserHierarchyGroup, ["InstanceId": I], CreateUserHierarchyGroupRequest(Name: "EMEA", ParentGroupId: "hg0", Tags: tags))
    },
    WireCase(operation: "DescribeUserHierarchyGroup", params: #"{"InstanceId":"\#(I)","HierarchyGroupId":"\#(HG)"}"#) {
        _ = try await $0.describe(HierarchyGroup.self, instanceId: I, id: HG)
    },
    WireCase(operation: "UpdateUserHierarchyGroupName", params: #"{"InstanceId":"\#(I)","HierarchyGroupId":"\#(HG)","Name":"APAC"}"#) {
        try await $0.write(.updateUserHierarchyGroupName, ["InstanceId": I, "HierarchyGroupId": HG], ["Name": "APAC"])
    },
    WireCase(operation: "DeleteUserHierarchyGroup", params: #"{"InstanceId":"\#(I)","HierarchyGroupId":"\#(HG)"}"#) {
        try await $0.write(.deleteUserHierarchyGroup, ["InstanceId": I, "HierarchyGroupId": HG])
    },
    WireCase(operation: "ListUserHierarchyGroups", params: #"{"InstanceId":"\#(I)","MaxResults":1000,"NextToken":"\#(TOKEN)"}"#) {
        _ = try await $0.send(ListRequest<Listings.UserHierarchyGroups>(instanceId: I, nextToken: TOKEN, maxResults: 1000))
    },
    WireCase(operation: "SearchUserHierarchyGroups",
             params: #"{"InstanceId":"\#(I)","MaxResults":100,"SearchCriteria":{"StringCondition":{"FieldName":"parentId","Value":"hg0","ComparisonType":"EXACT"}},"SearchFilter":{"AttributeFilter":{"OrConditions":[{"TagConditions":[{"TagKey":"team","TagValue":"a"}]}]}}}"#) {
        _ = try await $0.send(SearchRequest<HierarchyGroup>(
            instanceId: I, criteria: .init(StringCondition: .exact("parentId", "hg0")),
            filter: .init(AttributeFilter: .init(OrConditions: [.init(TagConditions: [.init(TagKey: "team", TagValue: "a")])])),
            nextToken: nil, maxResults: 100))
    },

    // Users
    WireCase(operation: "CreateUser",
             params: #"{"InstanceId":"\#(I)","Username":"zoe","Password":"S3cret!pass","IdentityInfo":\#(identityJSON),"PhoneConfig":\#(phoneJSON),"SecurityProfileIds":["sp1","sp2"],"RoutingProfileId":"rp1","HierarchyGroupId":"hg1","AutoAcceptConfigs":[{"Channel":"CHAT","AutoAccept":true}],"AfterContactWorkConfigs":[{"Channel":"VOICE","AfterContactWorkConfig":{"AfterContactWorkTimeLimit":60}}],"PhoneNumberConfigs":[{"Channel":"VOICE","PhoneType":"DESK_PHONE","PhoneNumber":"+15555550100"}],"PersistentConnectionConfigs":[{"Channel":"VOICE","PersistentConnection":true}],"VoiceEnhancementConfigs":[{"Channel":"VOICE","VoiceEnhancementMode":"NOISE_SUPPRESSION"}],"Tags":\#(tagsJSON)}"#) {
        _ = try await $0.write(.createUser, ["InstanceId": I], CreateUserRequest(
            Username: "zoe", Password: "S3cret!pass", IdentityInfo: identity, PhoneConfig: phone,
            SecurityProfileIds: ["sp1", "sp2"], RoutingProfileId: "rp1", HierarchyGroupId: "hg1",
            AutoAcceptConfigs: [.init(Channel: .CHAT, AutoAccept: true)],
            AfterContactWorkConfigs: [.init(Channel: .VOICE, AfterContactWorkConfig: .init(AfterContactWorkTimeLimit: 60))],
            PhoneNumberConfigs: [.init(Channel: .VOICE, PhoneType: .DESK_PHONE, PhoneNumber: "+15555550100")],
            PersistentConnectionConfigs: [.init(Channel: .VOICE, PersistentConnection: true)],
            VoiceEnhancementConfigs: [.init(Channel: .VOICE, VoiceEnhancementMode: "NOISE_SUPPRESSION")],
            Tags: tags))
    },
    WireCase(operation: "DescribeUser", params: #"{"InstanceId":"\#(I)","UserId":"\#(U)"}"#) {
        _ = try await $0.describe(User.self, instanceId: I, id: U)
    },
    WireCase(operation: "UpdateUserIdentityInfo", params: #"{"InstanceId":"\#(I)","UserId":"\#(U)","IdentityInfo":\#(identityJSON)}"#) {
        try await $0.write(.updateUserIdentityInfo, ["InstanceId": I, "UserId": U], ["IdentityInfo": identity])
    },
    WireCase(operation: "UpdateUserPhoneConfig", params: #"{"InstanceId":"\#(I)","UserId":"\#(U)","PhoneConfig":\#(phoneJSON)}"#) {
        try await $0.write(.updateUserPhoneConfig, ["InstanceId": I, "UserId": U], ["PhoneConfig": phone])
    },
    WireCase(operation: "UpdateUserRoutingProfile", params: #"{"InstanceId":"\#(I)","UserId":"\#(U)","RoutingProfileId":"rp2"}"#) {
        try await $0.write(.updateUserRoutingProfile, ["InstanceId": I, "UserId": U], ["RoutingProfileId": "rp2"])
    },
    WireCase(operation: "UpdateUserSecurityProfiles", params: #"{"InstanceId":"\#(I)","UserId":"\#(U)","SecurityProfileIds":["sp3"]}"#) {
        try await $0.write(.updateUserSecurityProfiles, ["InstanceId": I, "UserId": U], ["SecurityProfileIds": ["sp3"]])
    },
    WireCase(operation: "UpdateUserHierarchy", params: #"{"InstanceId":"\#(I)","UserId":"\#(U)"}"#) {
        try await $0.write(.updateUserHierarchy, ["InstanceId": I, "UserId": U])
    },
    WireCase(operation: "DeleteUser", params: #"{"InstanceId":"\#(I)","UserId":"\#(U)"}"#) {
        try await $0.write(.deleteUser, ["InstanceId": I, "UserId": U])
    },
    WireCase(operation: "ListUsers", params: #"{"InstanceId":"\#(I)","MaxResults":1000}"#) {
        _ = try await $0.send(ListRequest<Listings.Users>(instanceId: I, maxResults: 1000))
    },
    WireCase(operation: "SearchUsers",
             params: #"{"InstanceId":"\#(I)","NextToken":"\#(TOKEN)","MaxResults":500,"SearchCriteria":{"OrConditions":[{"StringCondition":{"FieldName":"Username","Value":"zoe","ComparisonType":"EXACT"}},{"HierarchyGroupCondition":{"Value":"hg1","HierarchyGroupMatchType":"WITH_CHILD_GROUPS"}},{"ListCondition":{"TargetListType":"PROFICIENCIES","Conditions":[{"NumberCondition":{"FieldName":"Level","MinValue":2,"ComparisonType":"GREATER_OR_EQUAL"}}]}}]},"SearchFilter":{"UserAttributeFilter":{"AndCondition":{"TagConditions":[{"TagKey":"team","TagValue":"a"}],"HierarchyGroupCondition":{"Value":"hg1","HierarchyGroupMatchType":"EXACT"}}}}}"#) {
        _ = try await $0.send(SearchRequest<UserSearchSummary>(
            instanceId: I,
            criteria: .init(OrConditions: [
                .init(StringCondition: .exact("Username", "zoe")),
                .init(HierarchyGroupCondition: .init(Value: "hg1", HierarchyGroupMatchType: .WITH_CHILD_GROUPS)),
                .init(ListCondition: .init(TargetListType: "PROFICIENCIES", Conditions: [
                    .init(NumberCondition: .init(FieldName: "Level", MinValue: 2, ComparisonType: "GREATER_OR_EQUAL"))])),
            ]),
            filter: .init(UserAttributeFilter: .init(AndCondition: .init(
                TagConditions: [.init(TagKey: "team", TagValue: "a")],
                HierarchyGroupCondition: .init(Value: "hg1", HierarchyGroupMatchType: .EXACT)))),
            nextToken: TOKEN, maxResults: 500))
    },

    // Quick connects
    WireCase(operation: "DescribeQuickConnect", params: #"{"InstanceId":"\#(I)","QuickConnectId":"\#(QC)"}"#) {
        _ = try await $0.describe(QuickConnect.self, instanceId: I, id: QC)
    },
    WireCase(operation: "ListQuickConnects",
             params: #"{"InstanceId":"\#(I)","QuickConnectTypes":["USER","QUEUE"],"NextToken":"\#(TOKEN)","MaxResults":1000}"#) {
        _ = try await $0.send(ListRequest<Listings.QuickConnects>(instanceId: I, filter: [.USER, .QUEUE], nextToken: TOKEN,
                                                              maxResults: 1000))
    },
    WireCase(operation: "SearchQuickConnects", params: #"{"InstanceId":"\#(I)","MaxResults":100,"SearchCriteria":\#(nameCriteriaJSON)}"#) {
        _ = try await $0.send(SearchRequest<QuickConnect>(instanceId: I, criteria: nameCriteria, filter: nil, nextToken: nil,
                                                 maxResults: 100))
    },

    // Agent statuses and hours of operation overrides (written as JSON, as the reconciler's calls are)
    WireCase(operation: "SearchAgentStatuses", params: #"{"InstanceId":"\#(I)","MaxResults":100,"SearchCriteria":\#(nameCriteriaJSON)}"#) {
        _ = try await $0.send(SearchRequest<AgentStatus>(instanceId: I, criteria: nameCriteria, filter: nil, nextToken: nil,
                                                         maxResults: 100))
    },
    WireCase(operation: "CreateAgentStatus", params: agentStatusJSON) {
        _ = try await $0.perform(.createAgentStatus, input: Data(agentStatusJSON.utf8))
    },
    WireCase(operation: "UpdateAgentStatus", params: #"{"InstanceId":"\#(I)","AgentStatusId":"as 1/ü","State":"DISABLED","Description":""}"#) {
        try await $0.write(.updateAgentStatus, ["InstanceId": I, "AgentStatusId": "as 1/ü"], ["State": "DISABLED", "Description": ""])
    },
    WireCase(operation: "ListHoursOfOperationOverrides",
             params: #"{"InstanceId":"\#(I)","HoursOfOperationId":"\#(HOURS)","NextToken":"\#(TOKEN)","MaxResults":100}"#) {
        _ = try await $0.send(ListRequest<Listings.HoursOfOperationOverrides>(instanceId: I, parentId: HOURS, nextToken: TOKEN,
                                                                              maxResults: 100))
    },
    WireCase(operation: "CreateHoursOfOperationOverride", params: overrideJSON) {
        _ = try await $0.perform(.createHoursOfOperationOverride, input: Data(overrideJSON.utf8))
    },
    WireCase(operation: "UpdateHoursOfOperationOverride",
             params: #"{"InstanceId":"\#(I)","HoursOfOperationId":"\#(HOURS)","HoursOfOperationOverrideId":"o/1 ü","EffectiveTill":"2026-12-27"}"#) {
        try await $0.write(.updateHoursOfOperationOverride, ["InstanceId": I, "HoursOfOperationId": HOURS, "HoursOfOperationOverrideId": "o/1 ü"],
                           ["EffectiveTill": "2026-12-27"])
    },
    WireCase(operation: "DeleteHoursOfOperationOverride",
             params: #"{"InstanceId":"\#(I)","HoursOfOperationId":"\#(HOURS)","HoursOfOperationOverrideId":"o/1 ü"}"#) {
        try await $0.write(.deleteHoursOfOperationOverride, ["InstanceId": I, "HoursOfOperationId": HOURS, "HoursOfOperationOverrideId": "o/1 ü"])
    },

    WireCase(operation: "CreateQuickConnect",
             params: #"{"InstanceId":"\#(I)","Name":"Transfer to Zoë","Description":"d","QuickConnectConfig":{"QuickConnectType":"USER","UserConfig":{"UserId":"u1","ContactFlowId":"f1"}},"Tags":\#(tagsJSON)}"#) {
        _ = try await $0.write(.createQuickConnect, ["InstanceId": I], CreateQuickConnectRequest(
            Name: "Transfer to Zoë", Description: "d",
            QuickConnectConfig: .init(QuickConnectType: .USER, UserConfig: .init(UserId: "u1", ContactFlowId: "f1")),
            Tags: tags))
    },
    WireCase(operation: "UpdateQuickConnectName", params: #"{"InstanceId":"\#(I)","QuickConnectId":"\#(QC)","Description":"new"}"#) {
        try await $0.write(.updateQuickConnectName, ["InstanceId": I, "QuickConnectId": QC], ["Description": "new"])
    },
    WireCase(operation: "UpdateQuickConnectConfig",
             params: #"{"InstanceId":"\#(I)","QuickConnectId":"\#(QC)","QuickConnectConfig":{"QuickConnectType":"PHONE_NUMBER","PhoneConfig":{"PhoneNumber":"+15555550100"}}}"#) {
        try await $0.write(.updateQuickConnectConfig, ["InstanceId": I, "QuickConnectId": QC], ["QuickConnectConfig": QuickConnectConfig(
            QuickConnectType: .PHONE_NUMBER, PhoneConfig: .init(PhoneNumber: "+15555550100"))])
    },
    WireCase(operation: "DeleteQuickConnect", params: #"{"InstanceId":"\#(I)","QuickConnectId":"\#(QC)"}"#) {
        try await $0.write(.deleteQuickConnect, ["InstanceId": I, "QuickConnectId": QC])
    },

    // Tags
    WireCase(operation: "TagResource", params: #"{"resourceArn":"\#(ARN)","tags":\#(tagsJSON)}"#) {
        try await $0.write(.tagResource, ["resourceArn": ARN], ["tags": tags])
    },
    WireCase(operation: "UntagResource", params: #"{"resourceArn":"\#(ARN)","tagKeys":["team","cost center"]}"#) {
        try await $0.write(.untagResource, ["resourceArn": ARN], ["tagKeys": ["team", "cost center"]])
    },
    WireCase(operation: "ListTagsForResource", params: #"{"resourceArn":"\#(ARN)"}"#) {
        _ = try await $0.send(ListTagsForResourceRequest(resourceArn: ARN))
    },
]
