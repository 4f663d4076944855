import Foundation

/// Maps method + path onto Connect operation names, with the model's URI templates.
struct Router: Sendable {
    struct Route: Sendable {
        var method: String
        var segments: [String]  // literal or "{Label}"
        var operation: String
    }

    static let table: [(String, String, String)] = [
        ("GET", "/instance", "ListInstances"),
        ("GET", "/instance/{InstanceId}", "DescribeInstance"),

        ("PUT", "/hours-of-operations/{InstanceId}", "CreateHoursOfOperation"),
        ("GET", "/hours-of-operations/{InstanceId}/{HoursOfOperationId}", "DescribeHoursOfOperation"),
        ("POST", "/hours-of-operations/{InstanceId}/{HoursOfOperationId}", "UpdateHoursOfOperation"),
        ("DELETE", "/hours-of-operations/{InstanceId}/{HoursOfOperationId}", "DeleteHoursOfOperation"),
        ("GET", "/hours-of-operations-summary/{InstanceId}", "ListHoursOfOperations"),
        ("POST", "/search-hours-of-operations", "SearchHoursOfOperations"),
        ("PUT", "/hours-of-operations/{InstanceId}/{HoursOfOperationId}/overrides", "CreateHoursOfOperationOverride"),
        ("GET", "/hours-of-operations/{InstanceId}/{HoursOfOperationId}/overrides/{HoursOfOperationOverrideId}", "DescribeHoursOfOperationOverride"),
        ("POST", "/hours-of-operations/{InstanceId}/{HoursOfOperationId}/overrides/{HoursOfOperationOverrideId}", "UpdateHoursOfOperationOverride"),
        ("DELETE", "/hours-of-operations/{InstanceId}/{HoursOfOperationId}/overrides/{HoursOfOperationOverrideId}", "DeleteHoursOfOperationOverride"),
        ("GET", "/hours-of-operations/{InstanceId}/{HoursOfOperationId}/overrides", "ListHoursOfOperationOverrides"),

        ("PUT", "/queues/{InstanceId}", "CreateQueue"),
        ("GET", "/queues/{InstanceId}/{QueueId}", "DescribeQueue"),
        ("POST", "/queues/{InstanceId}/{QueueId}/name", "UpdateQueueName"),
        ("POST", "/queues/{InstanceId}/{QueueId}/hours-of-operation", "UpdateQueueHoursOfOperation"),
        ("POST", "/queues/{InstanceId}/{QueueId}/max-contacts", "UpdateQueueMaxContacts"),
        ("POST", "/queues/{InstanceId}/{QueueId}/outbound-caller-config", "UpdateQueueOutboundCallerConfig"),
        ("POST", "/queues/{InstanceId}/{QueueId}/status", "UpdateQueueStatus"),
        ("DELETE", "/queues/{InstanceId}/{QueueId}", "DeleteQueue"),
        ("GET", "/queues-summary/{InstanceId}", "ListQueues"),
        ("POST", "/search-queues", "SearchQueues"),
        ("POST", "/queues/{InstanceId}/{QueueId}/associate-quick-connects", "AssociateQueueQuickConnects"),
        ("POST", "/queues/{InstanceId}/{QueueId}/disassociate-quick-connects", "DisassociateQueueQuickConnects"),
        ("GET", "/queues/{InstanceId}/{QueueId}/quick-connects", "ListQueueQuickConnects"),

        ("PUT", "/routing-profiles/{InstanceId}", "CreateRoutingProfile"),
        ("GET", "/routing-profiles/{InstanceId}/{RoutingProfileId}", "DescribeRoutingProfile"),
        ("POST", "/routing-profiles/{InstanceId}/{RoutingProfileId}/name", "UpdateRoutingProfileName"),
        ("POST", "/routing-profiles/{InstanceId}/{RoutingProfileId}/concurrency", "UpdateRoutingProfileConcurrency"),
        ("POST", "/routing-profiles/{InstanceId}/{RoutingProfileId}/default-outbound-queue", "UpdateRoutingProfileDefaultOutboundQueue"),
        ("POST", "/routing-profiles/{InstanceId}/{RoutingProfileId}/agent-availability-timer", "UpdateRoutingProfileAgentAvailabilityTimer"),
        ("POST", "/routing-profiles/{InstanceId}/{RoutingProfileId}/queues", "UpdateRoutingProfileQueues"),
        ("POST", "/routing-profiles/{InstanceId}/{RoutingProfileId}/associate-queues", "AssociateRoutingProfileQueues"),
        ("POST", "/routing-profiles/{InstanceId}/{RoutingProfileId}/disassociate-queues", "DisassociateRoutingProfileQueues"),
        ("GET", "/routing-profiles/{InstanceId}/{RoutingProfileId}/queues", "ListRoutingProfileQueues"),
        ("GET", "/routing-profiles/{InstanceId}/{RoutingProfileId}/manual-assignment-queues", "ListRoutingProfileManualAssignmentQueues"),
        ("DELETE", "/routing-profiles/{InstanceId}/{RoutingProfileId}", "DeleteRoutingProfile"),
        ("GET", "/routing-profiles-summary/{InstanceId}", "ListRoutingProfiles"),
        ("POST", "/search-routing-profiles", "SearchRoutingProfiles"),

        ("PUT", "/contact-flows/{InstanceId}", "CreateContactFlow"),
        ("GET", "/contact-flows/{InstanceId}/{ContactFlowId}", "DescribeContactFlow"),
        ("POST", "/contact-flows/{InstanceId}/{ContactFlowId}/content", "UpdateContactFlowContent"),
        ("POST", "/contact-flows/{InstanceId}/{ContactFlowId}/metadata", "UpdateContactFlowMetadata"),
        ("POST", "/contact-flows/{InstanceId}/{ContactFlowId}/name", "UpdateContactFlowName"),
        ("DELETE", "/contact-flows/{InstanceId}/{ContactFlowId}", "DeleteContactFlow"),
        ("GET", "/contact-flows-summary/{InstanceId}", "ListContactFlows"),
        ("POST", "/search-contact-flows", "SearchContactFlows"),

        ("PUT", "/contact-flow-modules/{InstanceId}", "CreateContactFlowModule"),
        ("GET", "/contact-flow-modules/{InstanceId}/{ContactFlowModuleId}", "DescribeContactFlowModule"),
        ("POST", "/contact-flow-modules/{InstanceId}/{ContactFlowModuleId}/content", "UpdateContactFlowModuleContent"),
        ("POST", "/contact-flow-modules/{InstanceId}/{ContactFlowModuleId}/metadata", "UpdateContactFlowModuleMetadata"),
        ("DELETE", "/contact-flow-modules/{InstanceId}/{ContactFlowModuleId}", "DeleteContactFlowModule"),
        ("GET", "/contact-flow-modules-summary/{InstanceId}", "ListContactFlowModules"),
        ("POST", "/search-contact-flow-modules", "SearchContactFlowModules"),

        ("PUT", "/security-profiles/{InstanceId}", "CreateSecurityProfile"),
        ("GET", "/security-profiles/{InstanceId}/{SecurityProfileId}", "DescribeSecurityProfile"),
        ("POST", "/security-profiles/{InstanceId}/{SecurityProfileId}", "UpdateSecurityProfile"),
        ("DELETE", "/security-profiles/{InstanceId}/{SecurityProfileId}", "DeleteSecurityProfile"),
        ("GET", "/security-profiles-summary/{InstanceId}", "ListSecurityProfiles"),
        ("GET", "/security-profiles-permissions/{InstanceId}/{SecurityProfileId}", "ListSecurityProfilePermissions"),
        ("GET", "/security-profiles-applications/{InstanceId}/{SecurityProfileId}", "ListSecurityProfileApplications"),
        ("POST", "/search-security-profiles", "SearchSecurityProfiles"),

        ("GET", "/user-hierarchy-structure/{InstanceId}", "DescribeUserHierarchyStructure"),
        ("POST", "/user-hierarchy-structure/{InstanceId}", "UpdateUserHierarchyStructure"),
        ("PUT", "/user-hierarchy-groups/{InstanceId}", "CreateUserHierarchyGroup"),
        ("GET", "/user-hierarchy-groups/{InstanceId}/{HierarchyGroupId}", "DescribeUserHierarchyGroup"),
        ("POST", "/user-hierarchy-groups/{InstanceId}/{HierarchyGroupId}/name", "UpdateUserHierarchyGroupName"),
        ("DELETE", "/user-hierarchy-groups/{InstanceId}/{HierarchyGroupId}", "DeleteUserHierarchyGroup"),
        ("GET", "/user-hierarchy-groups-summary/{InstanceId}", "ListUserHierarchyGroups"),
        ("POST", "/search-user-hierarchy-groups", "SearchUserHierarchyGroups"),

        ("PUT", "/users/{InstanceId}", "CreateUser"),
        ("GET", "/users/{InstanceId}/{UserId}", "DescribeUser"),
        ("POST", "/users/{InstanceId}/{UserId}/identity-info", "UpdateUserIdentityInfo"),
        ("POST", "/users/{InstanceId}/{UserId}/phone-config", "UpdateUserPhoneConfig"),
        ("POST", "/users/{InstanceId}/{UserId}/routing-profile", "UpdateUserRoutingProfile"),
        ("POST", "/users/{InstanceId}/{UserId}/security-profiles", "UpdateUserSecurityProfiles"),
        ("POST", "/users/{InstanceId}/{UserId}/hierarchy", "UpdateUserHierarchy"),
        ("POST", "/users/{InstanceId}/{UserId}/associate-proficiencies", "AssociateUserProficiencies"),
        ("POST", "/users/{InstanceId}/{UserId}/proficiencies", "UpdateUserProficiencies"),
        ("POST", "/users/{InstanceId}/{UserId}/disassociate-proficiencies", "DisassociateUserProficiencies"),
        ("GET", "/users/{InstanceId}/{UserId}/proficiencies", "ListUserProficiencies"),
        ("DELETE", "/users/{InstanceId}/{UserId}", "DeleteUser"),
        ("GET", "/users-summary/{InstanceId}", "ListUsers"),
        ("POST", "/search-users", "SearchUsers"),

        ("PUT", "/quick-connects/{InstanceId}", "CreateQuickConnect"),
        ("GET", "/quick-connects/{InstanceId}/{QuickConnectId}", "DescribeQuickConnect"),
        ("POST", "/quick-connects/{InstanceId}/{QuickConnectId}/name", "UpdateQuickConnectName"),
        ("POST", "/quick-connects/{InstanceId}/{QuickConnectId}/config", "UpdateQuickConnectConfig"),
        ("DELETE", "/quick-connects/{InstanceId}/{QuickConnectId}", "DeleteQuickConnect"),
        ("GET", "/quick-connects/{InstanceId}", "ListQuickConnects"),
        ("POST", "/search-quick-connects", "SearchQuickConnects"),

        ("PUT", "/agent-status/{InstanceId}", "CreateAgentStatus"),
        ("GET", "/agent-status/{InstanceId}/{AgentStatusId}", "DescribeAgentStatus"),
        ("POST", "/agent-status/{InstanceId}/{AgentStatusId}", "UpdateAgentStatus"),
        ("GET", "/agent-status/{InstanceId}", "ListAgentStatuses"),
        ("POST", "/search-agent-statuses", "SearchAgentStatuses"),

        ("PUT", "/prompts/{InstanceId}", "CreatePrompt"),
        ("GET", "/prompts/{InstanceId}/{PromptId}", "DescribePrompt"),
        ("POST", "/prompts/{InstanceId}/{PromptId}", "UpdatePrompt"),
        ("DELETE", "/prompts/{InstanceId}/{PromptId}", "DeletePrompt"),
        ("GET", "/prompts-summary/{InstanceId}", "ListPrompts"),
        ("PUT", "/instance/{InstanceId}/lambda-function", "AssociateLambdaFunction"),
        ("DELETE", "/instance/{InstanceId}/lambda-function", "DisassociateLambdaFunction"),
        ("GET", "/instance/{InstanceId}/lambda-functions", "ListLambdaFunctions"),
        ("PUT", "/instance/{InstanceId}/bot", "AssociateBot"),
        ("POST", "/instance/{InstanceId}/bot", "DisassociateBot"),
        ("GET", "/instance/{InstanceId}/bots", "ListBots"),
        ("POST", "/search-prompts", "SearchPrompts"),

        ("PUT", "/predefined-attributes/{InstanceId}", "CreatePredefinedAttribute"),
        ("POST", "/predefined-attributes/{InstanceId}/{Name}", "UpdatePredefinedAttribute"),
        ("DELETE", "/predefined-attributes/{InstanceId}/{Name}", "DeletePredefinedAttribute"),
        ("GET", "/predefined-attributes/{InstanceId}/{Name}", "DescribePredefinedAttribute"),
        ("GET", "/predefined-attributes/{InstanceId}", "ListPredefinedAttributes"),
        ("POST", "/search-predefined-attributes", "SearchPredefinedAttributes"),

        ("PUT", "/instance/{InstanceId}/task/template", "CreateTaskTemplate"),
        ("POST", "/instance/{InstanceId}/task/template/{TaskTemplateId}", "UpdateTaskTemplate"),
        ("DELETE", "/instance/{InstanceId}/task/template/{TaskTemplateId}", "DeleteTaskTemplate"),
        ("GET", "/instance/{InstanceId}/task/template/{TaskTemplateId}", "GetTaskTemplate"),
        ("GET", "/instance/{InstanceId}/task/template", "ListTaskTemplates"),

        ("POST", "/phone-number/search-available", "SearchAvailablePhoneNumbers"),
        ("POST", "/phone-number/claim", "ClaimPhoneNumber"),
        ("POST", "/phone-number/list", "ListPhoneNumbersV2"),
        ("GET", "/phone-number/{PhoneNumberId}", "DescribePhoneNumber"),
        ("DELETE", "/phone-number/{PhoneNumberId}", "ReleasePhoneNumber"),
        ("PUT", "/phone-number/{PhoneNumberId}/metadata", "UpdatePhoneNumberMetadata"),
        ("PUT", "/phone-number/{PhoneNumberId}/contact-flow", "AssociatePhoneNumberContactFlow"),
        ("DELETE", "/phone-number/{PhoneNumberId}/contact-flow", "DisassociatePhoneNumberContactFlow"),
        ("GET", "/flow-associations-summary/{InstanceId}", "ListFlowAssociations"),

        ("POST", "/tags/{resourceArn}", "TagResource"),
        ("DELETE", "/tags/{resourceArn}", "UntagResource"),
        ("GET", "/tags/{resourceArn}", "ListTagsForResource"),
    ]

    static let routes: [Route] = table.map { Route(method: $0.0, segments: $0.1.split(separator: "/").map(String.init), operation: $0.2) }

    /// All operation names the emulator implements.
    static var operations: [String] { table.map(\.2) }

    /// Splits the raw path on "/" first, then percent-decodes each segment, so encoded
    /// slashes inside a label (ARNs) stay in the label.
    static func match(method: String, rawPath: String) -> (String, [String: String])? {
        var raw = rawPath.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        // A tags ARN might arrive with its slashes unencoded: rejoin everything after /tags/.
        if raw.first == "tags", raw.count > 2 { raw = ["tags", raw.dropFirst().joined(separator: "/")] }
        let segments = raw.map { $0.removingPercentEncoding ?? $0 }
        for route in routes where route.method == method && route.segments.count == segments.count {
            var params: [String: String] = [:]
            var ok = true
            for (tpl, seg) in zip(route.segments, segments) {
                if tpl.hasPrefix("{") {
                    if seg.isEmpty { ok = false; break }
                    params[String(tpl.dropFirst().dropLast())] = seg
                } else if tpl != seg {
                    ok = false
                    break
                }
            }
            if ok { return (route.operation, params) }
        }
        return nil
    }

    /// Parses `a=1&b=x%20y&b=z` into repeated-key lists (form decoding: `+` is a space).
    static func parseQuery(_ q: String) -> [String: [String]] {
        var out: [String: [String]] = [:]
        for pair in q.split(separator: "&") where !pair.isEmpty {
            let kv = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let k = String(kv[0]).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(kv[0])
            let v = kv.count > 1 ? (String(kv[1]).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(kv[1])) : ""
            out[k, default: []].append(v)
        }
        return out
    }
}
