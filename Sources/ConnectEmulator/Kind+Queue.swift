import Foundation

/// Queues: Create, Describe, UpdateQueue{Name,HoursOfOperation,MaxContacts,
/// OutboundCallerConfig,Status}, Delete, List (`queueTypes`), Search, and the queue's
/// quick connects. Every user also has an AGENT queue (see `UserKind`).
enum QueueKind {
    static let handler = KindHandler(
        kind: .queue, searchMaxResults: 500, quota: { $0.queuesPerInstance },
        // Every user has exactly one AGENT queue, created and removed with the user.
        quotaCount: { $0.count(.queue) - $0.count(.user) },
        operations: [
            "CreateQueue": { s, c in try s.createResponse(.queue, create(s, c)) },
            "UpdateQueueName": { s, c in
                _ = try s.updateOp(.queue, c, find: s.standardQueue) { try s.rename(.queue, c, &$0) }
                return nil
            },
            "UpdateQueueHoursOfOperation": update { s, c, r in
                let hid = try c.requiredString("HoursOfOperationId")
                _ = try s.require(.hoursOfOperation, hid)
                r.attrs["HoursOfOperationId"] = .string(hid)
            },
            "UpdateQueueMaxContacts": update { _, c, r in r.attrs["MaxContacts"] = try maxContacts(c) },
            "UpdateQueueOutboundCallerConfig": update { s, c, r in
                guard let occ = c.body["OutboundCallerConfig"], occ.objectValue != nil else {
                    throw ConnectError.invalidParameter("OutboundCallerConfig is required")
                }
                r.attrs["OutboundCallerConfig"] = try outboundCallerConfig(s, occ)
            },
            "UpdateQueueStatus": update { _, c, r in
                let st = try c.requiredString("Status")
                guard st == "ENABLED" || st == "DISABLED" else { throw ConnectError.invalidParameter("Status must be ENABLED or DISABLED") }
                r.attrs["Status"] = .string(st)
            },
            "AssociateQueueQuickConnects": { s, c in try quickConnects(s, c, associate: true) },
            "DisassociateQueueQuickConnects": { s, c in try quickConnects(s, c, associate: false) },
            "ListQueueQuickConnects": { s, c in try listQuickConnects(s, c) },
        ],
        references: { r in
            var refs = (r.hidden["QuickConnectIds"]?.arrayValue ?? []).compactMap(\.stringValue).map { ResourceRef(kind: .quickConnect, id: $0) }
            if let h = r.attrs["HoursOfOperationId"]?.stringValue { refs.append(ResourceRef(kind: .hoursOfOperation, id: h)) }
            if let f = r.attrs["OutboundCallerConfig"]?["OutboundFlowId"]?.stringValue { refs.append(ResourceRef(kind: .contactFlow, id: f)) }
            return refs
        },
        blockedBy: [.routingProfile, .quickConnect],
        beforeDelete: { _, r in
            if isAgent(r) { throw ConnectError.invalidParameter("Agent queues are deleted with their user") }
        },
        listFilter: { c, r in
            let types = c.query["queueTypes"] ?? []
            return types.isEmpty || types.contains(r.hidden["QueueType"]?.stringValue ?? "STANDARD")
        },
        searchBase: { c, r in
            !isAgent(r) || ConnectService.mentions(c.body["SearchCriteria"], key: "QueueTypeCondition", value: "AGENT")
        },
        summaryExtras: { r, o in o["QueueType"] = r.hidden["QueueType"] ?? "STANDARD" })

    static func isAgent(_ r: StoredResource) -> Bool { r.hidden["QueueType"]?.stringValue == "AGENT" }

    /// An update of a STANDARD queue (agent queues are not updated through these).
    static func update(_ change: @escaping @Sendable (ConnectService, ServiceCall, inout StoredResource) throws -> Void) -> Operation {
        { s, c in
            _ = try s.updateOp(.queue, c, find: s.standardQueue) { try change(s, c, &$0) }
            return nil
        }
    }

    static func maxContacts(_ c: ServiceCall) throws -> JSONValue? {
        guard let m = try c.int("MaxContacts") else { return nil }
        guard m >= 0 else { throw ConnectError.invalidParameter("MaxContacts must be at least 0") }
        return .int(m)
    }

    static func outboundCallerConfig(_ s: ConnectService, _ v: JSONValue) throws -> JSONValue {
        guard let o = v.objectValue else { throw ConnectError.invalidParameter("OutboundCallerConfig must be an object") }
        if let fid = o["OutboundFlowId"]?.stringValue { _ = try s.require(.contactFlow, fid) }
        if let n = o["OutboundCallerIdName"]?.stringValue, n.count > 255 {
            throw ConnectError.invalidParameter("OutboundCallerIdName must be at most 255 characters")
        }
        return .object(o.filter { ["OutboundCallerIdName", "OutboundCallerIdNumberId", "OutboundFlowId"].contains($0.key) })
    }

    static func create(_ s: ConnectService, _ c: ServiceCall) throws -> StoredResource {
        try s.createOp(.queue, c) { attrs, hidden in
            let hours = try s.require(.hoursOfOperation, try c.requiredString("HoursOfOperationId"))
            attrs["HoursOfOperationId"] = .string(hours.id)
            attrs["Status"] = "ENABLED"
            attrs["MaxContacts"] = try maxContacts(c)
            if let occ = c.body["OutboundCallerConfig"], !occ.isNull { attrs["OutboundCallerConfig"] = try outboundCallerConfig(s, occ) }
            if let oec = c.body["OutboundEmailConfig"], !oec.isNull { attrs["OutboundEmailConfig"] = oec }
            var qcs: [JSONValue] = []
            if let ids = try c.stringList("QuickConnectIds") {
                if ids.isEmpty || ids.count > 50 { throw ConnectError.invalidParameter("QuickConnectIds must have 1-50 items") }
                for id in ids { qcs.append(.string(try s.require(.quickConnect, id).id)) }
            }
            hidden = ["QueueType": "STANDARD", "QuickConnectIds": .array(qcs)]
        }
    }

    static func quickConnects(_ s: ConnectService, _ c: ServiceCall, associate: Bool) throws -> JSONValue? {
        _ = try s.updateOp(.queue, c, find: s.standardQueue) { q in
            guard let ids = try c.stringList("QuickConnectIds") else { throw ConnectError.invalidParameter("QuickConnectIds is required") }
            if ids.isEmpty || ids.count > 50 { throw ConnectError.invalidParameter("QuickConnectIds must have 1-50 items") }
            var current = (q.hidden["QuickConnectIds"]?.arrayValue ?? []).compactMap(\.stringValue)
            for id in ids {
                let qc = try s.require(.quickConnect, id)
                if associate {
                    if !current.contains(qc.id) { current.append(qc.id) }
                } else {
                    current.removeAll { $0 == qc.id }
                }
            }
            let limit = s.configuration.quotas.quickConnectsPerQueue
            if current.count > limit { throw ConnectError.limitExceeded("A queue can have at most \(limit) quick connects.") }
            q.hidden["QuickConnectIds"] = .array(current.map { .string($0) })
        }
        return nil
    }

    static func listQuickConnects(_ s: ConnectService, _ c: ServiceCall) throws -> JSONValue {
        try s.checkInstance(c)
        let q = try s.require(.queue, c.label("QueueId"))
        let ids = (q.hidden["QuickConnectIds"]?.arrayValue ?? []).compactMap(\.stringValue)
        let items = ids.compactMap { s.state.get(.quickConnect, $0) }.sorted { ($0.name, $0.id) < ($1.name, $1.id) }
        return s.withLastModified(q, try s.listPage(c, items, key: ConnectService.nameKey, render: { s.summary(.quickConnect, $0) },
                                                   member: "QuickConnectSummaryList", limit: 100, scope: q.id))
    }
}

extension ConnectService {
    func standardQueue(_ id: String) throws -> StoredResource {
        let q = try require(.queue, id)
        if QueueKind.isAgent(q) { throw ConnectError.invalidParameter("Queue \(id) is an agent queue") }
        return q
    }

    /// A List response of a resource's sub-items, with the resource's LastModified pair.
    func withLastModified(_ r: StoredResource, _ page: [String: JSONValue]) -> JSONValue {
        var o = page
        o["LastModifiedTime"] = .double(r.modified)
        o["LastModifiedRegion"] = .string(region)
        return .object(o)
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
}
