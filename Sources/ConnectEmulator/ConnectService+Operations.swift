import Foundation

extension ConnectService {
    static let channels: Set<String> = ["VOICE", "CHAT", "TASK", "EMAIL"]
    static let days: Set<String> = ["SUNDAY", "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY"]
    static let flowTypes: Set<String> = ["CONTACT_FLOW", "CUSTOMER_QUEUE", "CUSTOMER_HOLD", "CUSTOMER_WHISPER", "AGENT_HOLD",
                                         "AGENT_WHISPER", "OUTBOUND_WHISPER", "AGENT_TRANSFER", "QUEUE_TRANSFER", "CAMPAIGN"]

    // swiftlint:disable:next cyclomatic_complexity function_body_length
    func dispatch(_ c: ServiceCall) throws -> JSONValue? {
        switch c.operation {
        // Instance
        case "ListInstances": return try listInstances(c)
        case "DescribeInstance": return try describeInstance(c)
        // Hours of operation
        case "CreateHoursOfOperation": return try createHours(c)
        case "DescribeHoursOfOperation": return try describeOp(.hoursOfOperation, c, idLabel: "HoursOfOperationId")
        case "UpdateHoursOfOperation": return try updateHours(c)
        case "DeleteHoursOfOperation": return try deleteOp(.hoursOfOperation, c, idLabel: "HoursOfOperationId")
        case "ListHoursOfOperations": return try listOp(.hoursOfOperation, c)
        case "SearchHoursOfOperations": return try searchOp(.hoursOfOperation, c)
        // Queues
        case "CreateQueue": return try createQueue(c)
        case "DescribeQueue": return try describeOp(.queue, c, idLabel: "QueueId")
        case "UpdateQueueName": return try renameOp(.queue, c, idLabel: "QueueId")
        case "UpdateQueueHoursOfOperation": return try updateQueue(c) { r in
            let hid = try c.requiredString("HoursOfOperationId")
            _ = try self.require(.hoursOfOperation, hid)
            r.attrs["HoursOfOperationId"] = .string(hid)
        }
        case "UpdateQueueMaxContacts": return try updateQueue(c) { r in
            if let m = try c.int("MaxContacts") {
                guard m >= 0 else { throw ConnectError.invalidParameter("MaxContacts must be at least 0") }
                r.attrs["MaxContacts"] = .int(m)
            } else {
                r.attrs["MaxContacts"] = nil
            }
        }
        case "UpdateQueueOutboundCallerConfig": return try updateQueue(c) { r in
            guard let occ = c.body["OutboundCallerConfig"], occ.objectValue != nil else {
                throw ConnectError.invalidParameter("OutboundCallerConfig is required")
            }
            r.attrs["OutboundCallerConfig"] = try self.outboundCallerConfig(occ)
        }
        case "UpdateQueueStatus": return try updateQueue(c) { r in
            let s = try c.requiredString("Status")
            guard s == "ENABLED" || s == "DISABLED" else { throw ConnectError.invalidParameter("Status must be ENABLED or DISABLED") }
            r.attrs["Status"] = .string(s)
        }
        case "DeleteQueue": return try deleteOp(.queue, c, idLabel: "QueueId")
        case "ListQueues":
            let types = c.query["queueTypes"] ?? []
            return try listOp(.queue, c) { types.isEmpty || types.contains($0.hidden["QueueType"]?.stringValue ?? "STANDARD") }
        case "SearchQueues":
            let wantsAgent = Self.mentions(c.body["SearchCriteria"], key: "QueueTypeCondition", value: "AGENT")
            return try searchOp(.queue, c) { wantsAgent || $0.hidden["QueueType"]?.stringValue != "AGENT" }
        case "AssociateQueueQuickConnects": return try queueQuickConnects(c, associate: true)
        case "DisassociateQueueQuickConnects": return try queueQuickConnects(c, associate: false)
        case "ListQueueQuickConnects": return try listQueueQuickConnects(c)
        // Routing profiles
        case "CreateRoutingProfile": return try createRoutingProfile(c)
        case "DescribeRoutingProfile": return try describeOp(.routingProfile, c, idLabel: "RoutingProfileId")
        case "UpdateRoutingProfileName": return try renameOp(.routingProfile, c, idLabel: "RoutingProfileId")
        case "UpdateRoutingProfileConcurrency": return try updateRoutingProfile(c) { r in
            guard let mc = c.body["MediaConcurrencies"] else { throw ConnectError.invalidParameter("MediaConcurrencies is required") }
            r.attrs["MediaConcurrencies"] = try self.mediaConcurrencies(mc)
        }
        case "UpdateRoutingProfileDefaultOutboundQueue": return try updateRoutingProfile(c) { r in
            let qid = try c.requiredString("DefaultOutboundQueueId")
            r.attrs["DefaultOutboundQueueId"] = .string(try self.standardQueue(qid).id)
        }
        case "UpdateRoutingProfileAgentAvailabilityTimer": return try updateRoutingProfile(c) { r in
            let t = try c.requiredString("AgentAvailabilityTimer")
            guard ["TIME_SINCE_LAST_ACTIVITY", "TIME_SINCE_LAST_INBOUND"].contains(t) else {
                throw ConnectError.invalidParameter("AgentAvailabilityTimer must be TIME_SINCE_LAST_ACTIVITY or TIME_SINCE_LAST_INBOUND")
            }
            r.attrs["AgentAvailabilityTimer"] = .string(t)
        }
        case "UpdateRoutingProfileQueues": return try updateRoutingProfile(c) { r in
            guard let list = c.body["QueueConfigs"] else { throw ConnectError.invalidParameter("QueueConfigs is required") }
            let configs = try self.queueConfigs(list, field: "QueueConfigs")
            var existing = r.hidden["QueueConfigs"]?.arrayValue ?? []
            for cfg in configs {
                guard let i = existing.firstIndex(where: { $0["QueueId"] == cfg["QueueId"] && $0["Channel"] == cfg["Channel"] }) else {
                    throw ConnectError.invalidParameter("Queue \(cfg["QueueId"]?.stringValue ?? "") is not associated with this routing profile on channel \(cfg["Channel"]?.stringValue ?? "")")
                }
                existing[i] = cfg
            }
            r.hidden["QueueConfigs"] = .array(existing)
        }
        case "AssociateRoutingProfileQueues": return try updateRoutingProfile(c) { r in
            var existing = r.hidden["QueueConfigs"]?.arrayValue ?? []
            if let list = c.body["QueueConfigs"] {
                for cfg in try self.queueConfigs(list, field: "QueueConfigs") {
                    if let i = existing.firstIndex(where: { $0["QueueId"] == cfg["QueueId"] && $0["Channel"] == cfg["Channel"] }) {
                        existing[i] = cfg
                    } else {
                        existing.append(cfg)
                    }
                }
            } else if c.body["ManualAssignmentQueueConfigs"] == nil {
                throw ConnectError.invalidParameter("QueueConfigs or ManualAssignmentQueueConfigs is required")
            }
            if existing.count > self.configuration.quotas.queuesPerRoutingProfile {
                throw ConnectError.limitExceeded("A routing profile can have at most \(self.configuration.quotas.queuesPerRoutingProfile) queue and channel combinations.")
            }
            r.hidden["QueueConfigs"] = .array(existing)
        }
        case "DisassociateRoutingProfileQueues": return try updateRoutingProfile(c) { r in
            var existing = r.hidden["QueueConfigs"]?.arrayValue ?? []
            let refs = c.body["QueueReferences"]?.arrayValue ?? []
            if refs.count > 10 { throw ConnectError.invalidParameter("QueueReferences can have at most 10 items") }
            if (c.body["ManualAssignmentQueueReferences"]?.arrayValue?.count ?? 0) > 10 {
                throw ConnectError.invalidParameter("ManualAssignmentQueueReferences can have at most 10 items")
            }
            for ref in refs {
                guard let qid = ref["QueueId"]?.stringValue, let ch = ref["Channel"]?.stringValue else {
                    throw ConnectError.invalidParameter("QueueReferences items need QueueId and Channel")
                }
                existing.removeAll { $0["QueueId"]?.stringValue == qid && $0["Channel"]?.stringValue == ch }
            }
            r.hidden["QueueConfigs"] = .array(existing)
        }
        case "ListRoutingProfileQueues": return try listRoutingProfileQueues(c)
        case "DeleteRoutingProfile": return try deleteOp(.routingProfile, c, idLabel: "RoutingProfileId")
        case "ListRoutingProfiles": return try listOp(.routingProfile, c)
        case "SearchRoutingProfiles": return try searchOp(.routingProfile, c)
        // Contact flows
        case "CreateContactFlow": return try createFlow(c)
        case "DescribeContactFlow": return try describeFlow(c)
        case "UpdateContactFlowContent": return try updateFlowContent(c)
        case "UpdateContactFlowMetadata": return try updateFlowMetadata(.contactFlow, c, idLabel: "ContactFlowId", stateKey: "ContactFlowState")
        case "UpdateContactFlowName": return try renameOp(.contactFlow, c, idLabel: "ContactFlowId")
        case "DeleteContactFlow": return try deleteOp(.contactFlow, c, idLabel: "ContactFlowId")
        case "ListContactFlows":
            let types = c.query["contactFlowTypes"] ?? []
            return try listOp(.contactFlow, c) { types.isEmpty || types.contains($0.attrs["Type"]?.stringValue ?? "") }
        case "SearchContactFlows": return try searchOp(.contactFlow, c)
        // Flow modules
        case "CreateContactFlowModule": return try createModule(c)
        case "DescribeContactFlowModule": return try describeOp(.flowModule, c, idLabel: "ContactFlowModuleId")
        case "UpdateContactFlowModuleContent": return try updateModuleContent(c)
        case "UpdateContactFlowModuleMetadata": return try updateFlowMetadata(.flowModule, c, idLabel: "ContactFlowModuleId", stateKey: "State")
        case "DeleteContactFlowModule": return try deleteOp(.flowModule, c, idLabel: "ContactFlowModuleId")
        case "ListContactFlowModules":
            let st = c.queryValue("state")
            return try listOp(.flowModule, c) { st == nil || $0.attrs["State"]?.stringValue == st }
        case "SearchContactFlowModules": return try searchOp(.flowModule, c)
        // Security profiles
        case "CreateSecurityProfile": return try createSecurityProfile(c)
        case "DescribeSecurityProfile": return try describeOp(.securityProfile, c, idLabel: "SecurityProfileId")
        case "UpdateSecurityProfile": return try updateSecurityProfile(c)
        case "DeleteSecurityProfile": return try deleteOp(.securityProfile, c, idLabel: "SecurityProfileId")
        case "ListSecurityProfiles": return try listOp(.securityProfile, c)
        case "ListSecurityProfilePermissions":
            try checkInstance(c)
            let r = try require(.securityProfile, c.label("SecurityProfileId"))
            let perms = (r.hidden["Permissions"]?.arrayValue ?? []).sorted { ($0.stringValue ?? "") < ($1.stringValue ?? "") }
            guard case .object(var o) = try listPage(c, perms, member: "Permissions", scope: r.id) else { return nil }
            o["LastModifiedTime"] = .double(r.modified)
            o["LastModifiedRegion"] = .string(region)
            return .object(o)
        case "SearchSecurityProfiles": return try searchOp(.securityProfile, c)
        // User hierarchy
        case "DescribeUserHierarchyStructure": return try describeHierarchyStructure(c)
        case "UpdateUserHierarchyStructure": return try updateHierarchyStructure(c)
        case "CreateUserHierarchyGroup": return try createHierarchyGroup(c)
        case "DescribeUserHierarchyGroup": return try describeOp(.hierarchyGroup, c, idLabel: "HierarchyGroupId")
        case "UpdateUserHierarchyGroupName": return try renameOp(.hierarchyGroup, c, idLabel: "HierarchyGroupId", nameRequired: true)
        case "DeleteUserHierarchyGroup": return try deleteOp(.hierarchyGroup, c, idLabel: "HierarchyGroupId")
        case "ListUserHierarchyGroups": return try listOp(.hierarchyGroup, c)
        case "SearchUserHierarchyGroups": return try searchOp(.hierarchyGroup, c)
        // Users
        case "CreateUser": return try createUser(c)
        case "DescribeUser": return try describeOp(.user, c, idLabel: "UserId")
        case "UpdateUserIdentityInfo": return try updateUser(c) { r in
            guard let info = c.body["IdentityInfo"]?.objectValue else { throw ConnectError.invalidParameter("IdentityInfo is required") }
            r.attrs["IdentityInfo"] = .object(info)
        }
        case "UpdateUserPhoneConfig": return try updateUser(c) { r in
            guard let pc = c.body["PhoneConfig"] else { throw ConnectError.invalidParameter("PhoneConfig is required") }
            r.attrs["PhoneConfig"] = try self.phoneConfig(pc)
        }
        case "UpdateUserRoutingProfile": return try updateUser(c) { r in
            let rp = try self.require(.routingProfile, try c.requiredString("RoutingProfileId"))
            r.attrs["RoutingProfileId"] = .string(rp.id)
        }
        case "UpdateUserSecurityProfiles": return try updateUser(c) { r in
            r.attrs["SecurityProfileIds"] = try self.securityProfileIds(c)
        }
        case "UpdateUserHierarchy": return try updateUser(c) { r in
            if let gid = c.string("HierarchyGroupId"), !gid.isEmpty {
                r.attrs["HierarchyGroupId"] = .string(try self.require(.hierarchyGroup, gid).id)
            } else {
                r.attrs["HierarchyGroupId"] = nil
            }
        }
        case "DeleteUser": return try deleteOp(.user, c, idLabel: "UserId")
        case "ListUsers": return try listOp(.user, c)
        case "SearchUsers": return try searchOp(.user, c)
        // Quick connects
        case "CreateQuickConnect": return try createQuickConnect(c)
        case "DescribeQuickConnect": return try describeOp(.quickConnect, c, idLabel: "QuickConnectId")
        case "UpdateQuickConnectName": return try renameOp(.quickConnect, c, idLabel: "QuickConnectId")
        case "UpdateQuickConnectConfig":
            try checkInstance(c)
            var r = try require(.quickConnect, c.label("QuickConnectId"))
            guard let cfg = c.body["QuickConnectConfig"] else { throw ConnectError.invalidParameter("QuickConnectConfig is required") }
            r.attrs["QuickConnectConfig"] = try quickConnectConfig(cfg)
            touch(.quickConnect, &r)
            return nil
        case "DeleteQuickConnect": return try deleteOp(.quickConnect, c, idLabel: "QuickConnectId")
        case "ListQuickConnects":
            let types = c.query["QuickConnectTypes"] ?? []
            return try listOp(.quickConnect, c) { types.isEmpty || types.contains($0.attrs["QuickConnectConfig"]?["QuickConnectType"]?.stringValue ?? "") }
        case "SearchQuickConnects": return try searchOp(.quickConnect, c)
        // Agent statuses
        case "CreateAgentStatus": return try createAgentStatus(c)
        case "DescribeAgentStatus": return try describeOp(.agentStatus, c, idLabel: "AgentStatusId")
        case "UpdateAgentStatus": return try updateAgentStatus(c)
        case "ListAgentStatuses":
            let types = c.query["AgentStatusTypes"] ?? []
            return try listOp(.agentStatus, c) { types.isEmpty || types.contains($0.attrs["Type"]?.stringValue ?? "") }
        case "SearchAgentStatuses": return try searchOp(.agentStatus, c)
        // Prompts
        case "CreatePrompt": return try createPrompt(c)
        case "DescribePrompt": return try describeOp(.prompt, c, idLabel: "PromptId")
        case "UpdatePrompt":
            try checkInstance(c)
            var r = try require(.prompt, c.label("PromptId"))
            if let name = c.string("Name") {
                try validateName(name)
                try checkUniqueName(.prompt, name, except: r.id)
                r.name = name
            }
            if let d = c.string("Description") { r.attrs["Description"] = .string(d) }
            if let s = c.string("S3Uri") { r.hidden["S3Uri"] = .string(s) }
            touch(.prompt, &r)
            return ["PromptARN": .string(r.arn), "PromptId": .string(r.id)]
        case "DeletePrompt": return try deleteOp(.prompt, c, idLabel: "PromptId")
        case "ListPrompts": return try listOp(.prompt, c)
        case "SearchPrompts": return try searchOp(.prompt, c)
        // Tags
        case "TagResource": return try tagResource(c)
        case "UntagResource": return try untagResource(c)
        case "ListTagsForResource": return try listTags(c)
        default:
            throw ConnectError(code: "UnknownOperationException", status: 404, message: "Unknown operation \(c.operation)")
        }
    }

    static func mentions(_ v: JSONValue?, key: String, value: String) -> Bool {
        guard let v else { return false }
        switch v {
        case .object(let o):
            if o[key]?.stringValue == value { return true }
            return o.values.contains { mentions($0, key: key, value: value) }
        case .array(let a): return a.contains { mentions($0, key: key, value: value) }
        default: return false
        }
    }

    // MARK: - Create

    func createResponse(_ kind: ResourceKind, _ r: StoredResource) -> JSONValue {
        let k = kind.createKeys
        return [k.id: .string(r.id), k.arn: .string(r.arn)]
    }

    func hoursConfig(_ v: JSONValue) throws -> JSONValue {
        guard let list = v.arrayValue else { throw ConnectError.invalidParameter("Config must be a list") }
        if list.count > 100 { throw ConnectError.invalidParameter("Config can have at most 100 entries") }
        var out: [JSONValue] = []
        for item in list {
            guard let day = item["Day"]?.stringValue, Self.days.contains(day) else {
                throw ConnectError.invalidParameter("Config Day must be one of SUNDAY…SATURDAY")
            }
            func slice(_ key: String) throws -> JSONValue {
                guard let h = item[key]?["Hours"]?.intValue, let m = item[key]?["Minutes"]?.intValue,
                      (0...23).contains(h), (0...59).contains(m) else {
                    throw ConnectError.invalidParameter("Config \(key) needs Hours 0-23 and Minutes 0-59")
                }
                return ["Hours": .int(h), "Minutes": .int(m)]
            }
            out.append(["Day": .string(day), "StartTime": try slice("StartTime"), "EndTime": try slice("EndTime")])
        }
        return .array(out)
    }

    func createHours(_ c: ServiceCall) throws -> JSONValue {
        try checkInstance(c)
        let name = try c.requiredString("Name")
        try validateName(name)
        let tz = try c.requiredString("TimeZone")
        guard let cfg = c.body["Config"] else { throw ConnectError.invalidParameter("Config is required") }
        let tags = try parseTags(c.body["Tags"])
        try validateDescription(c.string("Description"))
        try checkUniqueName(.hoursOfOperation, name)
        try checkQuota(.hoursOfOperation)
        var attrs: [String: JSONValue] = ["TimeZone": .string(tz), "Config": try hoursConfig(cfg)]
        if let d = c.string("Description") { attrs["Description"] = .string(d) }
        let r = newResource(.hoursOfOperation, name: name, tags: tags, attrs: attrs)
        state.put(.hoursOfOperation, r)
        return createResponse(.hoursOfOperation, r)
    }

    func updateHours(_ c: ServiceCall) throws -> JSONValue? {
        try checkInstance(c)
        var r = try require(.hoursOfOperation, c.label("HoursOfOperationId"))
        if let name = c.string("Name") {
            try validateName(name)
            try checkUniqueName(.hoursOfOperation, name, except: r.id)
            r.name = name
        }
        if let d = c.string("Description") { try validateDescription(d); r.attrs["Description"] = .string(d) }
        if let tz = c.string("TimeZone") { r.attrs["TimeZone"] = .string(tz) }
        if let cfg = c.body["Config"], !cfg.isNull { r.attrs["Config"] = try hoursConfig(cfg) }
        touch(.hoursOfOperation, &r)
        return nil
    }

    func outboundCallerConfig(_ v: JSONValue) throws -> JSONValue {
        guard let o = v.objectValue else { throw ConnectError.invalidParameter("OutboundCallerConfig must be an object") }
        if let fid = o["OutboundFlowId"]?.stringValue { _ = try require(.contactFlow, fid) }
        if let n = o["OutboundCallerIdName"]?.stringValue, n.count > 255 {
            throw ConnectError.invalidParameter("OutboundCallerIdName must be at most 255 characters")
        }
        return .object(o.filter { ["OutboundCallerIdName", "OutboundCallerIdNumberId", "OutboundFlowId"].contains($0.key) })
    }

    func createQueue(_ c: ServiceCall) throws -> JSONValue {
        try checkInstance(c)
        let name = try c.requiredString("Name")
        try validateName(name)
        let hid = try c.requiredString("HoursOfOperationId")
        let hours = try require(.hoursOfOperation, hid)
        let tags = try parseTags(c.body["Tags"])
        try validateDescription(c.string("Description"))
        var attrs: [String: JSONValue] = ["HoursOfOperationId": .string(hours.id), "Status": "ENABLED"]
        if let d = c.string("Description") { attrs["Description"] = .string(d) }
        if let m = try c.int("MaxContacts") {
            guard m >= 0 else { throw ConnectError.invalidParameter("MaxContacts must be at least 0") }
            attrs["MaxContacts"] = .int(m)
        }
        if let occ = c.body["OutboundCallerConfig"], !occ.isNull { attrs["OutboundCallerConfig"] = try outboundCallerConfig(occ) }
        if let oec = c.body["OutboundEmailConfig"], !oec.isNull { attrs["OutboundEmailConfig"] = oec }
        var qcs: [JSONValue] = []
        if let ids = try c.stringList("QuickConnectIds") {
            if ids.isEmpty || ids.count > 50 { throw ConnectError.invalidParameter("QuickConnectIds must have 1-50 items") }
            for id in ids { qcs.append(.string(try require(.quickConnect, id).id)) }
        }
        try checkUniqueName(.queue, name)
        try checkQuota(.queue)
        let r = newResource(.queue, name: name, tags: tags, attrs: attrs,
                            hidden: ["QueueType": "STANDARD", "QuickConnectIds": .array(qcs)])
        state.put(.queue, r)
        return createResponse(.queue, r)
    }

    func standardQueue(_ id: String) throws -> StoredResource {
        let q = try require(.queue, id)
        if q.hidden["QueueType"]?.stringValue == "AGENT" {
            throw ConnectError.invalidParameter("Queue \(id) is an agent queue")
        }
        return q
    }

    func updateQueue(_ c: ServiceCall, _ change: (inout StoredResource) throws -> Void) throws -> JSONValue? {
        try checkInstance(c)
        var r = try standardQueue(c.label("QueueId"))
        try change(&r)
        touch(.queue, &r)
        return nil
    }

    func queueQuickConnects(_ c: ServiceCall, associate: Bool) throws -> JSONValue? {
        try checkInstance(c)
        var q = try standardQueue(c.label("QueueId"))
        guard let ids = try c.stringList("QuickConnectIds") else { throw ConnectError.invalidParameter("QuickConnectIds is required") }
        if ids.isEmpty || ids.count > 50 { throw ConnectError.invalidParameter("QuickConnectIds must have 1-50 items") }
        var current = (q.hidden["QuickConnectIds"]?.arrayValue ?? []).compactMap(\.stringValue)
        for id in ids {
            let qc = try require(.quickConnect, id)
            if associate {
                if !current.contains(qc.id) { current.append(qc.id) }
            } else {
                current.removeAll { $0 == qc.id }
            }
        }
        if current.count > configuration.quotas.quickConnectsPerQueue {
            throw ConnectError.limitExceeded("A queue can have at most \(configuration.quotas.quickConnectsPerQueue) quick connects.")
        }
        q.hidden["QuickConnectIds"] = .array(current.map { .string($0) })
        touch(.queue, &q)
        return nil
    }

    func listQueueQuickConnects(_ c: ServiceCall) throws -> JSONValue {
        try checkInstance(c)
        let q = try require(.queue, c.label("QueueId"))
        let ids = (q.hidden["QuickConnectIds"]?.arrayValue ?? []).compactMap(\.stringValue)
        let items = ids.compactMap { state.get(.quickConnect, $0) }.sorted { ($0.name, $0.id) < ($1.name, $1.id) }.map { summary(.quickConnect, $0) }
        guard case .object(var o) = try listPage(c, items, member: "QuickConnectSummaryList", limit: 100, scope: q.id) else { return .null }
        o["LastModifiedTime"] = .double(q.modified)
        o["LastModifiedRegion"] = .string(region)
        return .object(o)
    }

    func mediaConcurrencies(_ v: JSONValue) throws -> JSONValue {
        guard let list = v.arrayValue else { throw ConnectError.invalidParameter("MediaConcurrencies must be a list") }
        var seen = Set<String>()
        var out: [JSONValue] = []
        for mc in list {
            guard let ch = mc["Channel"]?.stringValue, Self.channels.contains(ch) else {
                throw ConnectError.invalidParameter("MediaConcurrencies Channel must be VOICE, CHAT, TASK or EMAIL")
            }
            guard let n = mc["Concurrency"]?.intValue else { throw ConnectError.invalidParameter("MediaConcurrencies Concurrency is required") }
            let maxN = ch == "VOICE" ? 1 : 10
            guard (1...maxN).contains(n) else {
                throw ConnectError.invalidParameter("Concurrency for \(ch) must be between 1 and \(maxN)")
            }
            guard seen.insert(ch).inserted else { throw ConnectError.invalidParameter("Channel \(ch) is listed twice") }
            var m: [String: JSONValue] = ["Channel": .string(ch), "Concurrency": .int(n)]
            if let b = mc["CrossChannelBehavior"]?["BehaviorType"]?.stringValue {
                guard ["ROUTE_CURRENT_CHANNEL_ONLY", "ROUTE_ANY_CHANNEL"].contains(b) else {
                    throw ConnectError.invalidParameter("CrossChannelBehavior BehaviorType is not valid")
                }
                m["CrossChannelBehavior"] = ["BehaviorType": .string(b)]
            } else {
                m["CrossChannelBehavior"] = ["BehaviorType": "ROUTE_CURRENT_CHANNEL_ONLY"]
            }
            out.append(.object(m))
        }
        return .array(out)
    }

    /// Validates RoutingProfileQueueConfig items (1-10 per call) and stores them flat.
    func queueConfigs(_ v: JSONValue, field: String) throws -> [JSONValue] {
        guard let list = v.arrayValue else { throw ConnectError.invalidParameter("\(field) must be a list") }
        if list.isEmpty || list.count > 10 {
            throw ConnectError.invalidParameter("\(field) must have between 1 and 10 items (it has \(list.count))")
        }
        var out: [JSONValue] = []
        for cfg in list {
            guard let qid = cfg["QueueReference"]?["QueueId"]?.stringValue,
                  let ch = cfg["QueueReference"]?["Channel"]?.stringValue else {
                throw ConnectError.invalidParameter("\(field) items need QueueReference.QueueId and QueueReference.Channel")
            }
            guard Self.channels.contains(ch) else { throw ConnectError.invalidParameter("Channel \(ch) is not valid") }
            guard let p = cfg["Priority"]?.intValue, (1...99).contains(p) else {
                throw ConnectError.invalidParameter("Priority must be between 1 and 99")
            }
            guard let d = cfg["Delay"]?.intValue, (0...9999).contains(d) else {
                throw ConnectError.invalidParameter("Delay must be between 0 and 9999")
            }
            let q = try standardQueue(qid)
            out.append(["QueueId": .string(q.id), "Channel": .string(ch), "Priority": .int(p), "Delay": .int(d)])
        }
        return out
    }

    func createRoutingProfile(_ c: ServiceCall) throws -> JSONValue {
        try checkInstance(c)
        let name = try c.requiredString("Name")
        try validateName(name)
        let desc = try c.requiredString("Description")
        if desc.isEmpty || desc.count > 250 { throw ConnectError.invalidParameter("Description must be 1-250 characters") }
        let dq = try standardQueue(try c.requiredString("DefaultOutboundQueueId"))
        guard let mcv = c.body["MediaConcurrencies"] else { throw ConnectError.invalidParameter("MediaConcurrencies is required") }
        let mcs = try mediaConcurrencies(mcv)
        var configs: [JSONValue] = []
        if let qc = c.body["QueueConfigs"], !qc.isNull { configs = try queueConfigs(qc, field: "QueueConfigs") }
        if configs.count > configuration.quotas.queuesPerRoutingProfile {
            throw ConnectError.limitExceeded("A routing profile can have at most \(configuration.quotas.queuesPerRoutingProfile) queue and channel combinations.")
        }
        let tags = try parseTags(c.body["Tags"])
        var attrs: [String: JSONValue] = ["Description": .string(desc), "DefaultOutboundQueueId": .string(dq.id),
                                          "MediaConcurrencies": mcs, "AgentAvailabilityTimer": "TIME_SINCE_LAST_ACTIVITY"]
        if let t = c.string("AgentAvailabilityTimer") {
            guard ["TIME_SINCE_LAST_ACTIVITY", "TIME_SINCE_LAST_INBOUND"].contains(t) else {
                throw ConnectError.invalidParameter("AgentAvailabilityTimer is not valid")
            }
            attrs["AgentAvailabilityTimer"] = .string(t)
        }
        try checkUniqueName(.routingProfile, name)
        try checkQuota(.routingProfile)
        let r = newResource(.routingProfile, name: name, tags: tags, attrs: attrs, hidden: ["QueueConfigs": .array(configs)])
        state.put(.routingProfile, r)
        return createResponse(.routingProfile, r)
    }

    func updateRoutingProfile(_ c: ServiceCall, _ change: (inout StoredResource) throws -> Void) throws -> JSONValue? {
        try checkInstance(c)
        var r = try require(.routingProfile, c.label("RoutingProfileId"))
        try change(&r)
        touch(.routingProfile, &r)
        return nil
    }

    func listRoutingProfileQueues(_ c: ServiceCall) throws -> JSONValue {
        try checkInstance(c)
        let r = try require(.routingProfile, c.label("RoutingProfileId"))
        let configs = (r.hidden["QueueConfigs"]?.arrayValue ?? []).compactMap { cfg -> JSONValue? in
            guard let qid = cfg["QueueId"]?.stringValue, let q = state.get(.queue, qid) else { return nil }
            return ["QueueId": .string(q.id), "QueueArn": .string(q.arn), "QueueName": .string(q.name),
                    "Priority": cfg["Priority"] ?? 1, "Delay": cfg["Delay"] ?? 0, "Channel": cfg["Channel"] ?? "VOICE"]
        }.sorted { a, b in
            (a["QueueName"]?.stringValue ?? "", a["Channel"]?.stringValue ?? "") < (b["QueueName"]?.stringValue ?? "", b["Channel"]?.stringValue ?? "")
        }
        guard case .object(var o) = try listPage(c, configs, member: "RoutingProfileQueueConfigSummaryList", limit: 100, scope: r.id) else { return .null }
        o["LastModifiedTime"] = .double(r.modified)
        o["LastModifiedRegion"] = .string(region)
        return .object(o)
    }
}
