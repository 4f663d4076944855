import Model

/// Maps changes to the minimal set of Connect calls (names only; the applier makes them).
enum CallPlanner {
    static func createCalls(_ detail: ChangeDetail) -> [String] {
        guard let kind = detail.address?.kind else { return ["UpdateUserHierarchyStructure"] }
        let f = detail.desiredFields
        switch kind {
        case .hoursOfOperation: return ["CreateHoursOfOperation"]
        case .queue:
            var calls = ["CreateQueue"]
            if f["status"] == "DISABLED" { calls.append("UpdateQueueStatus") }
            return calls
        case .routingProfile:
            let entries = RoutingQueueDelta.entries(f["queues"])
            let extra = max(0, RoutingQueueDelta.batches(entries).count - 1)
            return ["CreateRoutingProfile"] + Array(repeating: "AssociateRoutingProfileQueues", count: extra)
        case .flow:
            var calls = [detail.placeholder ? "CreateContactFlow (placeholder)" : "CreateContactFlow"]
            if detail.placeholder { calls.append("UpdateContactFlowContent") }
            if f["state"] == "ARCHIVED" { calls.append("UpdateContactFlowMetadata") }
            return calls
        case .flowModule:
            var calls = [detail.placeholder ? "CreateContactFlowModule (placeholder)" : "CreateContactFlowModule"]
            if detail.placeholder { calls.append("UpdateContactFlowModuleContent") }
            if f["state"] == "ARCHIVED" { calls.append("UpdateContactFlowModuleMetadata") }
            return calls
        case .securityProfile: return ["CreateSecurityProfile"]
        case .hierarchyGroup: return ["CreateUserHierarchyGroup"]
        case .user: return ["CreateUser"]
        case .quickConnect: return ["CreateQuickConnect"]
        case .prompt: return ["CreatePrompt"]
        }
    }

    static func deleteCall(_ kind: ResourceKind) -> String {
        switch kind {
        case .hoursOfOperation: "DeleteHoursOfOperation"
        case .queue: "DeleteQueue"
        case .routingProfile: "DeleteRoutingProfile"
        case .flow: "DeleteContactFlow"
        case .flowModule: "DeleteContactFlowModule"
        case .securityProfile: "DeleteSecurityProfile"
        case .hierarchyGroup: "DeleteUserHierarchyGroup"
        case .user: "DeleteUser"
        case .quickConnect: "DeleteQuickConnect"
        case .prompt: "DeletePrompt"
        }
    }

    /// Calls for an in-place update, given the changed fields (and `name` for a rename).
    static func updateCalls(kind: ResourceKind, changes: [FieldChange], before: [String: FieldValue],
                            after: [String: FieldValue]) -> [String] {
        let fields = Set(changes.map(\.topLevelField))
        func any(_ names: String...) -> Bool { names.contains { fields.contains($0) } }
        var calls: [String] = []
        switch kind {
        case .hoursOfOperation:
            if any("name", "description", "timeZone", "schedule") { calls.append("UpdateHoursOfOperation") }
        case .queue:
            if any("name", "description") { calls.append("UpdateQueueName") }
            if any("hoursOfOperation") { calls.append("UpdateQueueHoursOfOperation") }
            if any("maxContacts") { calls.append("UpdateQueueMaxContacts") }
            if any("status") { calls.append("UpdateQueueStatus") }
            if any("outboundCallerId") { calls.append("UpdateQueueOutboundCallerConfig") }
        case .routingProfile:
            if any("name", "description") { calls.append("UpdateRoutingProfileName") }
            if any("concurrency") { calls.append("UpdateRoutingProfileConcurrency") }
            let delta = RoutingQueueDelta(from: before["queues"], to: after["queues"])
            calls += Array(repeating: "AssociateRoutingProfileQueues", count: RoutingQueueDelta.batches(delta.associate).count)
            calls += Array(repeating: "UpdateRoutingProfileQueues", count: RoutingQueueDelta.batches(delta.update).count)
            if any("defaultOutboundQueue") { calls.append("UpdateRoutingProfileDefaultOutboundQueue") }
            calls += Array(repeating: "DisassociateRoutingProfileQueues", count: RoutingQueueDelta.batches(delta.disassociate).count)
        case .flow:
            if any("state") {
                calls.append("UpdateContactFlowMetadata")
            } else if any("name", "description") {
                calls.append("UpdateContactFlowName")
            }
            if any("content", "layout", "status") { calls.append("UpdateContactFlowContent") }
        case .flowModule:
            if any("name", "description", "state") { calls.append("UpdateContactFlowModuleMetadata") }
            if any("content", "layout", "status") { calls.append("UpdateContactFlowModuleContent") }
        case .securityProfile:
            if any("description", "permissions") { calls.append("UpdateSecurityProfile") }
        case .hierarchyGroup:
            if any("name") { calls.append("UpdateUserHierarchyGroupName") }
        case .user:
            if any("firstName", "lastName", "email", "secondaryEmail", "mobile") { calls.append("UpdateUserIdentityInfo") }
            if any("phone") { calls.append("UpdateUserPhoneConfig") }
            if any("routingProfile") { calls.append("UpdateUserRoutingProfile") }
            if any("securityProfiles") { calls.append("UpdateUserSecurityProfiles") }
            if any("hierarchyGroup") { calls.append("UpdateUserHierarchy") }
        case .quickConnect, .prompt:
            break
        }
        if any("tags") {
            let (set, remove) = tagDelta(before: before["tags"], after: after["tags"])
            if !set.isEmpty { calls += Array(repeating: "TagResource", count: (set.count + 49) / 50) }
            if !remove.isEmpty { calls += Array(repeating: "UntagResource", count: (remove.count + 49) / 50) }
        }
        return calls
    }

    /// Tags to set (added or changed) and keys to remove.
    static func tagDelta(before: FieldValue?, after: FieldValue?) -> (set: [String: String], remove: [String]) {
        func map(_ v: FieldValue?) -> [String: String] {
            guard case let .object(o)? = v else { return [:] }
            return o.compactMapValues { if case let .string(s) = $0 { s } else { nil } }
        }
        let old = map(before), new = map(after)
        let set = new.filter { old[$0.key] != $0.value }
        let remove = old.keys.filter { new[$0] == nil }.sorted()
        return (set, remove)
    }
}
