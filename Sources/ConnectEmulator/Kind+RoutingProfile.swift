import Foundation

/// Routing profiles: Create, Describe, UpdateRoutingProfile{Name,Concurrency,
/// DefaultOutboundQueue,AgentAvailabilityTimer,Queues}, Associate/Disassociate/List
/// RoutingProfileQueues, ListRoutingProfileManualAssignmentQueues, Delete, List, Search. NumberOfAssociatedUsers comes from the
/// reference index (users → routing profile), so Describe and Search never scan the users.
enum RoutingProfileKind {
    static let channels: Set<String> = ["VOICE", "CHAT", "TASK", "EMAIL"]
    static let timers = ["TIME_SINCE_LAST_ACTIVITY", "TIME_SINCE_LAST_INBOUND"]
    /// Manual assignment: "Use this config for chat, email, and task contacts. It does not support
    /// voice contacts." (AssociateRoutingProfileQueues' ManualAssignmentQueueConfigs, botocore's model).
    static let manualChannels: Set<String> = ["CHAT", "TASK", "EMAIL"]

    static let handler = KindHandler(
        kind: .routingProfile, searchMaxResults: 500, quota: { $0.routingProfilesPerInstance },
        operations: [
            "CreateRoutingProfile": { s, c in try s.createResponse(.routingProfile, create(s, c)) },
            "UpdateRoutingProfileName": { s, c in try s.renameOp(.routingProfile, c) },
            "UpdateRoutingProfileConcurrency": update { _, c, r in
                guard let mc = c.body["MediaConcurrencies"] else { throw ConnectError.invalidParameter("MediaConcurrencies is required") }
                r.attrs["MediaConcurrencies"] = try mediaConcurrencies(mc)
            },
            "UpdateRoutingProfileDefaultOutboundQueue": update { s, c, r in
                let qid = try c.requiredString("DefaultOutboundQueueId")
                r.attrs["DefaultOutboundQueueId"] = .string(try s.standardQueue(qid).id)
            },
            "UpdateRoutingProfileAgentAvailabilityTimer": update { _, c, r in
                let t = try c.requiredString("AgentAvailabilityTimer")
                guard timers.contains(t) else {
                    throw ConnectError.invalidParameter("AgentAvailabilityTimer must be TIME_SINCE_LAST_ACTIVITY or TIME_SINCE_LAST_INBOUND")
                }
                r.attrs["AgentAvailabilityTimer"] = .string(t)
            },
            "UpdateRoutingProfileQueues": update { s, c, r in
                guard let list = c.body["QueueConfigs"] else { throw ConnectError.invalidParameter("QueueConfigs is required") }
                var existing = configs(r)
                for cfg in try queueConfigs(s, list) {
                    guard let i = existing.firstIndex(where: { sameReference($0, cfg) }) else {
                        throw ConnectError.invalidParameter("Queue \(cfg["QueueId"]?.stringValue ?? "") is not associated with this routing profile on channel \(cfg["Channel"]?.stringValue ?? "")")
                    }
                    existing[i] = cfg
                }
                r.hidden["QueueConfigs"] = .array(existing)
            },
            "AssociateRoutingProfileQueues": update { s, c, r in
                var existing = configs(r), manual = manualConfigs(r)
                if let list = c.body["QueueConfigs"] {
                    for cfg in try queueConfigs(s, list) {
                        if let i = existing.firstIndex(where: { sameReference($0, cfg) }) { existing[i] = cfg } else { existing.append(cfg) }
                    }
                } else if c.body["ManualAssignmentQueueConfigs"] == nil {
                    throw ConnectError.invalidParameter("QueueConfigs or ManualAssignmentQueueConfigs is required")
                }
                if let list = c.body["ManualAssignmentQueueConfigs"] {
                    for cfg in try manualQueueConfigs(s, list) where !manual.contains(where: { sameReference($0, cfg) }) { manual.append(cfg) }
                }
                try checkQueueLimit(s, existing.count)
                try checkQueueLimit(s, manual.count)
                r.hidden["QueueConfigs"] = .array(existing)
                r.hidden["ManualAssignmentQueueConfigs"] = .array(manual)
            },
            "DisassociateRoutingProfileQueues": update { _, c, r in
                var existing = configs(r)
                let refs = c.body["QueueReferences"]?.arrayValue ?? []
                if refs.count > 10 { throw ConnectError.invalidParameter("QueueReferences can have at most 10 items") }
                if (c.body["ManualAssignmentQueueReferences"]?.arrayValue?.count ?? 0) > 10 {
                    throw ConnectError.invalidParameter("ManualAssignmentQueueReferences can have at most 10 items")
                }
                var manual = manualConfigs(r)
                for (field, refs) in [("QueueReferences", refs), ("ManualAssignmentQueueReferences", c.body["ManualAssignmentQueueReferences"]?.arrayValue ?? [])] {
                    for ref in refs {
                        guard let qid = ref["QueueId"]?.stringValue, let ch = ref["Channel"]?.stringValue else {
                            throw ConnectError.invalidParameter("\(field) items need QueueId and Channel")
                        }
                        let matches = { (cfg: JSONValue) in cfg["QueueId"]?.stringValue == qid && cfg["Channel"]?.stringValue == ch }
                        if field == "QueueReferences" { existing.removeAll(where: matches) } else { manual.removeAll(where: matches) }
                    }
                }
                r.hidden["QueueConfigs"] = .array(existing)
                r.hidden["ManualAssignmentQueueConfigs"] = .array(manual)
            },
            "ListRoutingProfileQueues": { s, c in try listQueues(s, c) },
            "ListRoutingProfileManualAssignmentQueues": { s, c in try listManualQueues(s, c) },
        ],
        references: { r in
            var refs = (configs(r) + manualConfigs(r)).compactMap { $0["QueueId"]?.stringValue }.map { ResourceRef(kind: .queue, id: $0) }
            if let q = r.attrs["DefaultOutboundQueueId"]?.stringValue { refs.append(ResourceRef(kind: .queue, id: q)) }
            return refs
        },
        blockedBy: [.user],
        searchFields: ["associatedqueueids": { Set(configs($0).compactMap { $0["QueueId"]?.stringValue }).sorted() }],
        describeExtras: { s, r, o, forSearch in
            let configs = configs(r)
            o["InstanceId"] = .string(s.state.instanceId)
            o["AssociatedQueueIds"] = .array(Set(configs.compactMap { $0["QueueId"]?.stringValue }).sorted().map { .string($0) })
            o["NumberOfAssociatedQueues"] = .int(configs.count)
            // RoutingProfile's AssociatedManualAssignmentQueueIds and NumberOfAssociatedManualAssignmentQueues
            // (botocore's model; the SearchRoutingProfiles documentation does not list them among the unpopulated).
            let manual = manualConfigs(r)
            o["AssociatedManualAssignmentQueueIds"] = .array(Set(manual.compactMap { $0["QueueId"]?.stringValue }).sorted().map { .string($0) })
            o["NumberOfAssociatedManualAssignmentQueues"] = .int(manual.count)
            o["NumberOfAssociatedUsers"] = .int(s.state.referrers(of: ResourceRef(kind: .routingProfile, id: r.id), kind: .user).count)
            o["IsDefault"] = .bool(r.hidden["IsDefault"]?.boolValue ?? false)
            guard forSearch else { return }
            // SearchRoutingProfiles does not populate these (model documentation).
            o["AgentAvailabilityTimer"] = nil
            o["LastModifiedTime"] = nil
            o["LastModifiedRegion"] = nil
            if let mcs = o["MediaConcurrencies"]?.arrayValue {
                o["MediaConcurrencies"] = .array(mcs.map { mc in
                    var m = mc
                    m["CrossChannelBehavior"] = nil
                    return m
                })
            }
        })

    static func configs(_ r: StoredResource) -> [JSONValue] { r.hidden["QueueConfigs"]?.arrayValue ?? [] }

    static func manualConfigs(_ r: StoredResource) -> [JSONValue] { r.hidden["ManualAssignmentQueueConfigs"]?.arrayValue ?? [] }

    /// RoutingProfileManualAssignmentQueueConfig items (RoutingProfileManualAssignmentQueueConfigList:
    /// 1–10), stored flat as `{ QueueId, Channel }`. Whether Connect also wants the channel enabled in
    /// MediaConcurrencies is not documented; the emulator does not ask it.
    static func manualQueueConfigs(_ s: ConnectService, _ v: JSONValue) throws -> [JSONValue] {
        let field = "ManualAssignmentQueueConfigs"
        guard let list = v.arrayValue else { throw ConnectError.invalidParameter("\(field) must be a list") }
        if list.isEmpty || list.count > 10 {
            throw ConnectError.invalidParameter("\(field) must have between 1 and 10 items (it has \(list.count))")
        }
        return try list.map { cfg in
            guard let qid = cfg["QueueReference"]?["QueueId"]?.stringValue,
                  let ch = cfg["QueueReference"]?["Channel"]?.stringValue else {
                throw ConnectError.invalidParameter("\(field) items need QueueReference.QueueId and QueueReference.Channel")
            }
            // The model's Channel enum has VOICE, but manual assignment "does not support voice contacts";
            // the error Connect returns is not documented (InvalidParameterException here).
            guard manualChannels.contains(ch) else { throw ConnectError.invalidParameter("Channel \(ch) is not supported for manual assignment (CHAT, TASK or EMAIL)") }
            return ["QueueId": .string(try s.standardQueue(qid).id), "Channel": .string(ch)]
        }
    }

    static func listManualQueues(_ s: ConnectService, _ c: ServiceCall) throws -> JSONValue {
        try s.checkInstance(c)
        let r = try s.require(.routingProfile, c.label("RoutingProfileId"))
        let items = manualConfigs(r).compactMap { cfg -> JSONValue? in
            guard let qid = cfg["QueueId"]?.stringValue, let q = s.state.get(.queue, qid) else { return nil }
            return ["QueueId": .string(q.id), "QueueArn": .string(q.arn), "QueueName": .string(q.name), "Channel": cfg["Channel"] ?? "CHAT"]
        }
        let key = { (v: JSONValue) in [v["QueueName"]?.stringValue ?? "", v["Channel"]?.stringValue ?? ""] }
        let sorted = items.sorted { key($0).lexicographicallyPrecedes(key($1)) }
        // MaxResults: MaxResult100 (botocore's model).
        return s.withLastModified(r, try s.listPage(c, sorted, key: key, render: { $0 },
                                                   member: "RoutingProfileManualAssignmentQueueConfigSummaryList", limit: 100, scope: r.id))
    }

    static func sameReference(_ a: JSONValue, _ b: JSONValue) -> Bool { a["QueueId"] == b["QueueId"] && a["Channel"] == b["Channel"] }

    static func update(_ change: @escaping @Sendable (ConnectService, ServiceCall, inout StoredResource) throws -> Void) -> Operation {
        { s, c in
            _ = try s.updateOp(.routingProfile, c) { try change(s, c, &$0) }
            return nil
        }
    }

    static func checkQueueLimit(_ s: ConnectService, _ count: Int) throws {
        let limit = s.configuration.quotas.queuesPerRoutingProfile
        if count > limit {
            throw ConnectError.limitExceeded("A routing profile can have at most \(limit) queue and channel combinations.")
        }
    }

    static func mediaConcurrencies(_ v: JSONValue) throws -> JSONValue {
        guard let list = v.arrayValue else { throw ConnectError.invalidParameter("MediaConcurrencies must be a list") }
        var seen = Set<String>()
        var out: [JSONValue] = []
        for mc in list {
            guard let ch = mc["Channel"]?.stringValue, channels.contains(ch) else {
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
    static func queueConfigs(_ s: ConnectService, _ v: JSONValue) throws -> [JSONValue] {
        let field = "QueueConfigs"
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
            guard channels.contains(ch) else { throw ConnectError.invalidParameter("Channel \(ch) is not valid") }
            guard let p = cfg["Priority"]?.intValue, (1...99).contains(p) else {
                throw ConnectError.invalidParameter("Priority must be between 1 and 99")
            }
            guard let d = cfg["Delay"]?.intValue, (0...9999).contains(d) else {
                throw ConnectError.invalidParameter("Delay must be between 0 and 9999")
            }
            let q = try s.standardQueue(qid)
            out.append(["QueueId": .string(q.id), "Channel": .string(ch), "Priority": .int(p), "Delay": .int(d)])
        }
        return out
    }

    static func create(_ s: ConnectService, _ c: ServiceCall) throws -> StoredResource {
        try s.createOp(.routingProfile, c, maxDescription: nil) { attrs, hidden in
            let desc = try c.requiredString("Description")
            if desc.isEmpty || desc.count > 250 { throw ConnectError.invalidParameter("Description must be 1-250 characters") }
            let dq = try s.standardQueue(try c.requiredString("DefaultOutboundQueueId"))
            guard let mcv = c.body["MediaConcurrencies"] else { throw ConnectError.invalidParameter("MediaConcurrencies is required") }
            var configs: [JSONValue] = []
            let mcs = try mediaConcurrencies(mcv)
            if let qc = c.body["QueueConfigs"], !qc.isNull { configs = try queueConfigs(s, qc) }
            try checkQueueLimit(s, configs.count)
            if let mq = c.body["ManualAssignmentQueueConfigs"], !mq.isNull { hidden["ManualAssignmentQueueConfigs"] = .array(try manualQueueConfigs(s, mq)) }
            attrs = ["Description": .string(desc), "DefaultOutboundQueueId": .string(dq.id),
                     "MediaConcurrencies": mcs, "AgentAvailabilityTimer": "TIME_SINCE_LAST_ACTIVITY"]
            if let t = c.string("AgentAvailabilityTimer") {
                guard timers.contains(t) else { throw ConnectError.invalidParameter("AgentAvailabilityTimer is not valid") }
                attrs["AgentAvailabilityTimer"] = .string(t)
            }
            hidden["QueueConfigs"] = .array(configs)
        }
    }

    static func listQueues(_ s: ConnectService, _ c: ServiceCall) throws -> JSONValue {
        try s.checkInstance(c)
        let r = try s.require(.routingProfile, c.label("RoutingProfileId"))
        let items = configs(r).compactMap { cfg -> JSONValue? in
            guard let qid = cfg["QueueId"]?.stringValue, let q = s.state.get(.queue, qid) else { return nil }
            return ["QueueId": .string(q.id), "QueueArn": .string(q.arn), "QueueName": .string(q.name),
                    "Priority": cfg["Priority"] ?? 1, "Delay": cfg["Delay"] ?? 0, "Channel": cfg["Channel"] ?? "VOICE"]
        }
        let key = { (v: JSONValue) in [v["QueueName"]?.stringValue ?? "", v["Channel"]?.stringValue ?? ""] }
        let sorted = items.sorted { key($0).lexicographicallyPrecedes(key($1)) }
        return s.withLastModified(r, try s.listPage(c, sorted, key: key, render: { $0 },
                                                   member: "RoutingProfileQueueConfigSummaryList", limit: 100, scope: r.id))
    }
}
