import Foundation

/// Quick connects: Create, Describe, UpdateQuickConnect{Name,Config}, Delete, List
/// (`QuickConnectTypes`), Search. Deleting one removes it from the queues that list it.
enum QuickConnectKind {
    static let handler = KindHandler(
        kind: .quickConnect, quota: { $0.quickConnectsPerInstance },
        operations: [
            "CreateQuickConnect": KindHandler.create(.quickConnect) { s, c, attrs, hidden in
                guard let cfg = c.body["QuickConnectConfig"] else { throw ConnectError.invalidParameter("QuickConnectConfig is required") }
                attrs["QuickConnectConfig"] = try config(s, cfg)
            },
            "UpdateQuickConnectName": { s, c in try s.renameOp(.quickConnect, c) },
            "UpdateQuickConnectConfig": { s, c in
                _ = try s.updateOp(.quickConnect, c) { r in
                    guard let cfg = c.body["QuickConnectConfig"] else { throw ConnectError.invalidParameter("QuickConnectConfig is required") }
                    r.attrs["QuickConnectConfig"] = try config(s, cfg)
                }
                return nil
            },
        ],
        references: { r in
            let cfg = r.attrs["QuickConnectConfig"]
            var refs: [ResourceRef] = []
            if let q = cfg?["QueueConfig"]?["QueueId"]?.stringValue { refs.append(ResourceRef(kind: .queue, id: q)) }
            if let u = cfg?["UserConfig"]?["UserId"]?.stringValue { refs.append(ResourceRef(kind: .user, id: u)) }
            for key in ["QueueConfig", "UserConfig", "FlowConfig"] {
                if let f = cfg?[key]?["ContactFlowId"]?.stringValue { refs.append(ResourceRef(kind: .contactFlow, id: f)) }
            }
            return refs
        },
        afterDelete: { s, r in
            for qid in s.state.referrers(of: ResourceRef(kind: .quickConnect, id: r.id), kind: .queue) {
                guard var q = s.state.get(.queue, qid) else { continue }
                q.hidden["QuickConnectIds"] = .array((q.hidden["QuickConnectIds"]?.arrayValue ?? []).filter { $0 != .string(r.id) })
                s.state.put(.queue, q)
            }
        },
        listFilter: { c, r in
            let types = c.query["QuickConnectTypes"] ?? []
            return types.isEmpty || types.contains(type(r) ?? "")
        },
        searchFields: ["quickconnecttype": { type($0).map { [$0] } ?? [] }],
        summaryExtras: { r, o in o["QuickConnectType"] = r.attrs["QuickConnectConfig"]?["QuickConnectType"] })

    static func type(_ r: StoredResource) -> String? { r.attrs["QuickConnectConfig"]?["QuickConnectType"]?.stringValue }

    static func config(_ s: ConnectService, _ v: JSONValue) throws -> JSONValue {
        guard let type = v["QuickConnectType"]?.stringValue else {
            throw ConnectError.invalidParameter("QuickConnectConfig.QuickConnectType is required")
        }
        func flow(_ id: String?, expected: String) throws -> JSONValue {
            guard let id else { throw ConnectError.invalidParameter("ContactFlowId is required") }
            let f = try s.require(.contactFlow, id)
            guard f.attrs["Type"]?.stringValue == expected else {
                throw ConnectError.invalidParameter("Flow \(id) must be of type \(expected)")
            }
            return .string(f.id)
        }
        switch type {
        case "USER":
            guard let uc = v["UserConfig"], let uid = uc["UserId"]?.stringValue else {
                throw ConnectError.invalidParameter("UserConfig with UserId and ContactFlowId is required for USER quick connects")
            }
            let u = try s.require(.user, uid)
            return ["QuickConnectType": "USER", "UserConfig": ["UserId": .string(u.id),
                    "ContactFlowId": try flow(uc["ContactFlowId"]?.stringValue, expected: "AGENT_TRANSFER")]]
        case "QUEUE":
            guard let qc = v["QueueConfig"], let qid = qc["QueueId"]?.stringValue else {
                throw ConnectError.invalidParameter("QueueConfig with QueueId and ContactFlowId is required for QUEUE quick connects")
            }
            let q = try s.standardQueue(qid)
            return ["QuickConnectType": "QUEUE", "QueueConfig": ["QueueId": .string(q.id),
                    "ContactFlowId": try flow(qc["ContactFlowId"]?.stringValue, expected: "QUEUE_TRANSFER")]]
        case "PHONE_NUMBER":
            guard let n = v["PhoneConfig"]?["PhoneNumber"]?.stringValue, n.hasPrefix("+"), n.count >= 4 else {
                throw ConnectError.invalidParameter("PhoneConfig.PhoneNumber in E.164 format is required for PHONE_NUMBER quick connects")
            }
            return ["QuickConnectType": "PHONE_NUMBER", "PhoneConfig": ["PhoneNumber": .string(n)]]
        case "FLOW":
            guard let fid = v["FlowConfig"]?["ContactFlowId"]?.stringValue else {
                throw ConnectError.invalidParameter("FlowConfig.ContactFlowId is required for FLOW quick connects")
            }
            return ["QuickConnectType": "FLOW", "FlowConfig": ["ContactFlowId": .string(try s.require(.contactFlow, fid).id)]]
        default:
            throw ConnectError.invalidParameter("QuickConnectType must be USER, QUEUE, PHONE_NUMBER or FLOW")
        }
    }
}
