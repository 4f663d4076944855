import Model

/// `queues:` — standard queues by name.
struct QueueReader: ManifestKindReader {
    let kind = ResourceKind.queue
    let summary = "Queues by name."

    static let outboundCallerId = ObjectSpec("outboundCallerId", "Outbound caller configuration.", [
        FieldSpec("name", .string(minLength: 1, maxLength: 255), "Caller id name."),
        FieldSpec("number", .string(minLength: 1), "Caller id number (E.164), claimed in the instance."),
        FieldSpec("flow", ManifestSchema.name, "Outbound whisper flow (type OUTBOUND_WHISPER) by name."),
    ])
    let spec = ObjectSpec("queue", "A standard queue.", [
        FieldSpec("hoursOfOperation", ManifestSchema.name, required: true, "Hours of operation by name."),
        ManifestSchema.descriptionField,
        FieldSpec("maxContacts", .integer(minimum: 0), "Maximum contacts in queue; absent = no limit."),
        FieldSpec("status", .enumeration(Queue.Status.allCases.map(\.rawValue)), "ENABLED (default) or DISABLED."),
        FieldSpec("outboundCallerId", .object(QueueReader.outboundCallerId), "Outbound caller configuration."),
        FieldSpec("quickConnects", .list(ManifestSchema.name), "Quick connects by name (declared or external)."),
        ManifestSchema.tagsField, ManifestSchema.renamedFrom,
    ])

    func read(_ body: ResourceBody) -> Queue? {
        let hours = body.reference("hoursOfOperation", to: .hoursOfOperation)
        let maxContacts = body.integer("maxContacts", minimum: 0)
        let status = body.enumeration("status", as: Queue.Status.self)
        let callerId = body.object("outboundCallerId", spec: Self.outboundCallerId).map { caller in
            OutboundCallerId(name: caller.limitedString("name"), number: caller.phoneNumber("number")?.value,
                             flow: caller.reference("flow", to: .flow, requiredFlowType: .outboundWhisper))
        }
        let quickConnects = body.references("quickConnects", to: .quickConnect)
        let description = body.limitedString("description")
        guard let hours else { return nil }
        return Queue(name: body.name, hoursOfOperation: hours) {
            $0.description = description
            $0.maxContacts = maxContacts
            $0.status = status ?? .enabled
            $0.outboundCallerId = callerId
            $0.quickConnects = quickConnects
            $0.tags = body.tags
            $0.renamedFrom = body.renamedFrom
        }
    }

    func store(_ resources: [Queue], into desired: inout DesiredState) {
        desired.queues = resources.sortedByName()
    }
}
