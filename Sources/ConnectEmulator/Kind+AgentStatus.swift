import Foundation

/// Agent statuses: Create, Describe, Update, List (`AgentStatusTypes`), Search. No
/// delete: "Agent status ARNs cannot be deleted but can be renamed or disabled".
enum AgentStatusKind {
    static let handler = KindHandler(
        kind: .agentStatus, deletable: false, quota: { $0.agentStatusesPerInstance },
        operations: [
            "CreateAgentStatus": KindHandler.create(.agentStatus, maxDescription: nil) { s, c, attrs, hidden in
                let st = try c.requiredString("State")
                try checkState(st)
                attrs = ["State": .string(st), "Type": "CUSTOM", "DisplayOrder": .int(try displayOrder(c) ?? s.state.count(.agentStatus) + 1)]
                if let d = c.string("Description") { attrs["Description"] = .string(d) }
            },
            "UpdateAgentStatus": { s, c in
                _ = try s.updateOp(.agentStatus, c) { r in
                    try s.rename(.agentStatus, c, &r, maxDescription: nil)
                    if let st = c.string("State") {
                        try checkState(st)
                        if r.attrs["Type"]?.stringValue != "CUSTOM" && st == "DISABLED" {
                            throw ConnectError.invalidParameter("System agent statuses cannot be disabled")
                        }
                        r.attrs["State"] = .string(st)
                    }
                    if let o = try displayOrder(c) { r.attrs["DisplayOrder"] = .int(o) }
                    if c.body["ResetOrderNumber"]?.boolValue == true { r.attrs["DisplayOrder"] = nil }
                }
                return nil
            },
        ],
        listFilter: { c, r in
            let types = c.query["AgentStatusTypes"] ?? []
            return types.isEmpty || types.contains(r.attrs["Type"]?.stringValue ?? "")
        },
        searchFields: ["state": { ContactFlowKind.attr($0, "State") }, "type": { ContactFlowKind.attr($0, "Type") },
                       "displayorder": { $0.attrs["DisplayOrder"]?.intValue.map { [String($0)] } ?? [] }],
        summaryExtras: { r, o in o["Type"] = r.attrs["Type"] })

    static func checkState(_ st: String) throws {
        guard st == "ENABLED" || st == "DISABLED" else { throw ConnectError.invalidParameter("State must be ENABLED or DISABLED") }
    }

    static func displayOrder(_ c: ServiceCall) throws -> Int? {
        guard let o = try c.int("DisplayOrder") else { return nil }
        guard (1...50).contains(o) else { throw ConnectError.invalidParameter("DisplayOrder must be 1-50") }
        return o
    }
}
