import Model

/// `quickConnects:` — transfer destinations by name (design.md §3b): a phone number, a queue
/// (with a QUEUE_TRANSFER flow), an agent (with an AGENT_TRANSFER flow) or a flow.
struct QuickConnectReader: ManifestKindReader {
    let kind = ResourceKind.quickConnect
    let summary = "Quick connects by name."

    let spec = ObjectSpec("quickConnect", "A quick connect.", [
        FieldSpec("type", .enumeration(QuickConnect.Destination.allCases.map(\.rawValue)), required: true,
                  "PHONE_NUMBER, QUEUE, USER or FLOW."),
        ManifestSchema.descriptionField,
        FieldSpec("phoneNumber", .string(minLength: 1), "E.164 number, for PHONE_NUMBER."),
        FieldSpec("queue", ManifestSchema.name, "Queue by name, for QUEUE."),
        FieldSpec("user", ManifestSchema.name, "Username, for USER."),
        FieldSpec("flow", ManifestSchema.name,
                  "Flow by name: QUEUE_TRANSFER for QUEUE, AGENT_TRANSFER for USER, the flow to run for FLOW."),
        ManifestSchema.tagsField, ManifestSchema.renamedFrom,
    ])

    /// Which keys each type takes, and the type of flow it needs.
    static let needs: [QuickConnect.Destination: (keys: Set<String>, flowType: FlowType?)] = [
        .phoneNumber: (["phoneNumber"], nil), .queue: (["queue", "flow"], .queueTransfer),
        .user: (["user", "flow"], .agentTransfer), .flow: (["flow"], nil),
    ]

    func read(_ body: ResourceBody) -> QuickConnect? {
        guard let type = body.enumeration("type", as: QuickConnect.Destination.self), let needs = Self.needs[type] else { return nil }
        var complete = true
        for key in ["phoneNumber", "queue", "user", "flow"] {
            if needs.keys.contains(key), body[key] == nil {
                body.context.error("\(body.owner) of type \(type.rawValue) needs '\(key)'", at: body.node)
                complete = false
            } else if !needs.keys.contains(key), let node = body[key] {
                body.context.error("\(body.what(key)) does not apply to type \(type.rawValue)", at: node)
                complete = false
            }
        }
        let number = body.phoneNumber("phoneNumber")
        let queue = body.reference("queue", to: .queue), user = body.reference("user", to: .user)
        let flow = body.reference("flow", to: .flow, requiredFlowType: needs.flowType)
        guard complete, number?.valid ?? true else { return nil }
        return QuickConnect(name: body.name, type: type) {
            $0.description = body.limitedString("description")
            $0.phoneNumber = number?.value
            $0.queue = queue
            $0.user = user
            $0.flow = flow
            $0.tags = body.tags
            $0.renamedFrom = body.renamedFrom
        }
    }

    func store(_ resources: [QuickConnect], into desired: inout DesiredState) {
        desired.quickConnects = resources.sortedByName()
    }
}
