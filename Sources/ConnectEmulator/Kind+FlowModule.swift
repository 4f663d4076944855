import Foundation

/// Flow modules: Create (with `ClientToken` idempotency), Describe,
/// UpdateContactFlowModule{Content,Metadata}, Delete, List (`state`), Search.
enum FlowModuleKind {
    static let handler = KindHandler(
        kind: .flowModule, hasLastModified: false, quota: { $0.flowModulesPerInstance },
        operations: [
            "CreateContactFlowModule": { s, c in try create(s, c) },
            "UpdateContactFlowModuleContent": { s, c in
                _ = try s.updateOp(.flowModule, c) { r in
                    if let content = c.string("Content") {
                        try s.checkFlowContent(content, published: true, module: true)
                        r.attrs["Content"] = .string(content)
                    }
                    if let st = c.string("Settings") { r.attrs["Settings"] = .string(st) }
                }
                return nil
            },
            "UpdateContactFlowModuleMetadata": { s, c in try s.updateFlowMetadata(.flowModule, c, stateKey: "State") },
        ],
        listFilter: { c, r in
            let st = c.queryValue("state")
            return st == nil || r.attrs["State"]?.stringValue == st
        },
        searchFields: ["status": { ContactFlowKind.attr($0, "Status") }, "state": { ContactFlowKind.attr($0, "State") }],
        describeExtras: { _, r, o, _ in
            if let c = r.attrs["Content"]?.stringValue { o["FlowModuleContentSha256"] = .string(SHA256Digest.hex(Array(c.utf8))) }
        },
        summaryExtras: { r, o in o["State"] = r.attrs["State"] })

    static func create(_ s: ConnectService, _ c: ServiceCall) throws -> JSONValue {
        let name = try c.requiredString("Name")
        let content = try s.flowContent(c)
        if let token = c.string("ClientToken"),
           let existing = s.state.all(.flowModule).first(where: { $0.hidden["ClientToken"]?.stringValue == token }) {
            try s.checkInstance(c)
            if existing.name == name && existing.attrs["Content"]?.stringValue == content { return s.createResponse(.flowModule, existing) }
            throw ConnectError(code: "IdempotencyException", status: 409,
                               message: "An entity with the same ClientToken was already created with different parameters.")
        }
        let r = try s.createOp(.flowModule, c, maxDescription: 500) { attrs, hidden in
            try s.checkFlowContent(content, published: true, module: true)
            attrs.merge(["State": "ACTIVE", "Status": "PUBLISHED", "Content": .string(content)]) { _, new in new }
            if let st = c.string("Settings") { attrs["Settings"] = .string(st) }
            if let e = c.body["ExternalInvocationConfiguration"], !e.isNull { attrs["ExternalInvocationConfiguration"] = e }
            if let token = c.string("ClientToken") { hidden["ClientToken"] = .string(token) }
        }
        return s.createResponse(.flowModule, r)
    }
}
