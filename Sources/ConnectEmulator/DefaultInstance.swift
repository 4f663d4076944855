import Foundation

/// What every new Connect instance holds (connect-api.md §5, design.md §5). No tags.
enum DefaultInstance {
    static let adminPermissions = [
        "AccessMetrics", "AgentStates.Create", "AgentStates.Edit", "AgentStates.View", "BasicAgentAccess",
        "ContactFlowModules.Create", "ContactFlowModules.Delete", "ContactFlowModules.Edit", "ContactFlowModules.View",
        "ContactFlows.Create", "ContactFlows.Delete", "ContactFlows.Edit", "ContactFlows.View",
        "HoursOfOperation.Create", "HoursOfOperation.Delete", "HoursOfOperation.Edit", "HoursOfOperation.View",
        "ListenCallRecordings", "OutboundCallAccess", "Prompts.Create", "Prompts.Delete", "Prompts.Edit", "Prompts.View",
        "Queues.Create", "Queues.Edit", "Queues.EnableAndDisable", "Queues.View",
        "QuickConnects.Create", "QuickConnects.Delete", "QuickConnects.Edit", "QuickConnects.View",
        "RoutingPolicies.Create", "RoutingPolicies.Edit", "RoutingPolicies.View",
        "SecurityProfiles.Create", "SecurityProfiles.Delete", "SecurityProfiles.Edit", "SecurityProfiles.View",
        "UserHierarchy.Create", "UserHierarchy.Delete", "UserHierarchy.Edit", "UserHierarchy.View",
        "Users.Create", "Users.Delete", "Users.Edit", "Users.EditPermission", "Users.View",
    ]
    static let profiles: [(String, String, [String])] = [
        ("Admin", "Grants all permissions", adminPermissions),
        ("Agent", "Grants access to the Contact Control Panel", ["BasicAgentAccess", "OutboundCallAccess"]),
        ("CallCenterManager", "Grants permissions to manage users, routing and metrics",
         ["AccessMetrics", "BasicAgentAccess", "ContactFlows.View", "HoursOfOperation.View", "ListenCallRecordings",
          "OutboundCallAccess", "Queues.View", "RoutingPolicies.View", "Users.Create", "Users.Edit", "Users.View"]),
        ("QualityAnalyst", "Grants access to metrics and recordings",
         ["AccessMetrics", "BasicAgentAccess", "ListenCallRecordings", "OutboundCallAccess"]),
    ]
    static let flows: [(String, String)] = [
        ("Default agent hold", "AGENT_HOLD"), ("Default agent whisper", "AGENT_WHISPER"),
        ("Default customer hold", "CUSTOMER_HOLD"), ("Default customer queue", "CUSTOMER_QUEUE"),
        ("Default customer whisper", "CUSTOMER_WHISPER"), ("Default outbound", "OUTBOUND_WHISPER"),
        ("Default queue transfer", "QUEUE_TRANSFER"), ("Default agent transfer", "AGENT_TRANSFER"),
    ]

    static func populate(_ s: ConnectService) {
        var days: [JSONValue] = []
        for d in ["SUNDAY", "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY"] {
            days.append(["Day": .string(d), "StartTime": ["Hours": 0, "Minutes": 0], "EndTime": ["Hours": 0, "Minutes": 0]])
        }
        let hours = s.newResource(.hoursOfOperation, name: "Basic Hours",
                                  attrs: ["Description": "Basic Hours", "TimeZone": "UTC", "Config": .array(days)])
        s.state.put(.hoursOfOperation, hours)

        var flowIds: [String: String] = [:]
        for (name, type) in flows {
            let content = FlowValidator.minimalContent(identifier: s.newId())
            let f = s.newResource(.contactFlow, name: name,
                                  attrs: ["Type": .string(type), "State": "ACTIVE", "Status": "PUBLISHED",
                                          "Description": .string(name), "Content": .string(content)])
            s.state.put(.contactFlow, f)
            flowIds[type] = f.id
        }

        let queue = s.newResource(.queue, name: "BasicQueue",
                                  attrs: ["Description": "BasicQueue", "HoursOfOperationId": .string(hours.id), "Status": "ENABLED",
                                          "OutboundCallerConfig": ["OutboundFlowId": .string(flowIds["OUTBOUND_WHISPER"] ?? "")]],
                                  hidden: ["QueueType": "STANDARD", "QuickConnectIds": []])
        s.state.put(.queue, queue)

        let rp = s.newResource(.routingProfile, name: "Basic Routing Profile",
                               attrs: ["Description": "Basic Routing Profile", "DefaultOutboundQueueId": .string(queue.id),
                                       "MediaConcurrencies": [["Channel": "VOICE", "Concurrency": 1,
                                                               "CrossChannelBehavior": ["BehaviorType": "ROUTE_CURRENT_CHANNEL_ONLY"]]],
                                       "AgentAvailabilityTimer": "TIME_SINCE_LAST_ACTIVITY"],
                               hidden: ["IsDefault": true,
                                        "QueueConfigs": [["QueueId": .string(queue.id), "Channel": "VOICE", "Priority": 1, "Delay": 0]]])
        s.state.put(.routingProfile, rp)

        var adminProfile = ""
        for (name, desc, perms) in profiles {
            let sp = s.newResource(.securityProfile, name: name, attrs: ["Description": .string(desc)],
                                   hidden: ["Permissions": .array(perms.sorted().map { .string($0) })])
            s.state.put(.securityProfile, sp)
            if name == "Admin" { adminProfile = sp.id }
        }

        for (i, (name, type)) in [("Available", "ROUTABLE"), ("Offline", "OFFLINE")].enumerated() {
            let st = s.newResource(.agentStatus, name: name,
                                   attrs: ["Description": .string(name), "Type": .string(type), "State": "ENABLED", "DisplayOrder": .int(i + 1)])
            s.state.put(.agentStatus, st)
        }

        let admin = s.newResource(.user, name: "admin",
                                  attrs: ["IdentityInfo": ["FirstName": "Admin", "LastName": "User"],
                                          "PhoneConfig": ["PhoneType": "SOFT_PHONE", "AutoAccept": false, "AfterContactWorkTimeLimit": 0],
                                          "SecurityProfileIds": [.string(adminProfile)], "RoutingProfileId": .string(rp.id)])
        s.state.put(.user, admin)
        s.state.put(.queue, UserKind.agentQueue(s, admin))
    }
}
