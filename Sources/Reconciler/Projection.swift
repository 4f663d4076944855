import Model

/// Projects desired resources into the normalised field vocabulary the differ compares.
/// `LiveProjection` produces the same vocabulary from what Connect returns, so each field
/// here has a twin there: change one, change both.
///
/// Normalisation rules: references are names; an absent description is `""`; an absent
/// limit is `.null`; sets (security profiles, permissions, channels) are sorted; tags
/// include the stack's tags and the ownership tag.
public enum Projection {
    public static func fields(of resource: DesiredResource, stack: String, stackTags: [String: String],
                              flowContent: (FlowContent) -> FlowContentForm) -> [String: FieldValue] {
        var fields: [String: FieldValue]
        switch resource {
        case let .hours(h):
            fields = [
                "description": .string(h.description ?? ""),
                "timeZone": .string(h.timeZone),
                "schedule": schedule(h.schedule),
            ]
        case let .queue(q):
            fields = [
                "description": .string(q.description ?? ""),
                "hoursOfOperation": .string(q.hoursOfOperation),
                "maxContacts": .optional(q.maxContacts),
                "status": .string(q.status.rawValue),
                "outboundCallerId": outboundCallerId(name: q.outboundCallerId?.name,
                                                     number: q.outboundCallerId?.number,
                                                     flow: q.outboundCallerId?.flow),
            ]
        case let .routingProfile(p):
            fields = [
                "description": .string(p.description),
                "defaultOutboundQueue": .string(p.defaultOutboundQueue),
                "concurrency": .object(Dictionary(uniqueKeysWithValues: p.concurrency.map { ($0.key.rawValue, FieldValue.int($0.value)) })),
                "queues": routingQueues(p.queues.flatMap { entry in
                    entry.channels.map { (queue: entry.queue, channel: $0.rawValue, priority: entry.priority, delay: entry.delay) }
                }),
            ]
        case let .flow(f):
            let form = flowContent(f.content)
            fields = [
                "type": .string(f.type.rawValue),
                "description": .string(f.description ?? ""),
                "status": .string(f.status.rawValue),
                "state": .string(f.state.rawValue),
                "content": .string(form.behaviour),
                "layout": .string(form.layout),
            ]
        case let .flowModule(m):
            let form = flowContent(m.content)
            fields = [
                "description": .string(m.description ?? ""),
                "status": .string(m.status.rawValue),
                "state": .string(m.state.rawValue),
                "content": .string(form.behaviour),
                "layout": .string(form.layout),
            ]
        case let .securityProfile(s):
            fields = [
                "description": .string(s.description ?? ""),
                "permissions": .strings(s.permissions),
            ]
        case let .hierarchyGroup(g):
            fields = ["parent": .optional(g.parentPath)]
        case let .user(u):
            fields = [
                "firstName": .string(u.firstName ?? ""),
                "lastName": .string(u.lastName ?? ""),
                "email": .string(u.email ?? ""),
                "secondaryEmail": .string(u.secondaryEmail ?? ""),
                "mobile": .string(u.mobile ?? ""),
                "routingProfile": .string(u.routingProfile),
                "securityProfiles": .strings(u.securityProfiles),
                "hierarchyGroup": .optional(u.hierarchyGroup),
                "phone": phone(type: u.phone.type.rawValue, autoAccept: u.phone.autoAccept,
                               afterContactWorkSeconds: u.phone.afterContactWorkSeconds,
                               deskPhoneNumber: u.phone.deskPhoneNumber),
            ]
            if u.password != nil { fields["password"] = .sensitive }
        }
        var tags = stackTags.merging(resource.ownTags) { _, own in own }
        tags[Ownership.stackTag] = stack
        switch resource {
        case .user: tags[Fingerprint.identityTag] = Fingerprint.of(Fingerprint.identity(fields))
        case .routingProfile: tags[Fingerprint.queuesTag] = Fingerprint.of(fields["queues"] ?? .null)
        case .securityProfile: tags[Fingerprint.permissionsTag] = Fingerprint.of(fields["permissions"] ?? .null)
        default: break
        }
        fields["tags"] = tagsValue(tags)
        return fields
    }

    // MARK: shared shapes (used by the live projection too)

    static func schedule(_ schedule: [Weekday: [TimeRange]]) -> FieldValue {
        var days: [String: FieldValue] = [:]
        for (day, ranges) in schedule where !ranges.isEmpty {
            days[day.rawValue] = .list(ranges.sorted().map { .string($0.description) })
        }
        return .object(days)
    }

    static func outboundCallerId(name: String?, number: String?, flow: String?) -> FieldValue {
        if (name ?? "").isEmpty && number == nil && flow == nil { return .null }
        return .object(["name": .string(name ?? ""), "number": .optional(number), "flow": .optional(flow)])
    }

    static func routingQueues(_ entries: [(queue: String, channel: String, priority: Int, delay: Int)]) -> FieldValue {
        var byQueue: [String: [String: FieldValue]] = [:]
        for e in entries {
            byQueue[e.queue, default: [:]][e.channel] = .object(["priority": .int(e.priority), "delay": .int(e.delay)])
        }
        return .object(byQueue.mapValues { .object($0) })
    }

    static func phone(type: String, autoAccept: Bool, afterContactWorkSeconds: Int, deskPhoneNumber: String?) -> FieldValue {
        .object([
            "type": .string(type),
            "autoAccept": .bool(autoAccept),
            "afterContactWorkSeconds": .int(afterContactWorkSeconds),
            "deskPhoneNumber": .optional(deskPhoneNumber),
        ])
    }

    static func tagsValue(_ tags: [String: String]) -> FieldValue {
        .object(tags.filter { !$0.key.hasPrefix("aws:") }.mapValues(FieldValue.string))
    }
}

/// Flow content split the way plans show it: what the flow does, and where the designer
/// draws it (`Metadata`).
public struct FlowContentForm: Sendable, Hashable {
    public var behaviour: String
    public var layout: String

    public init(behaviour: String, layout: String) {
        self.behaviour = behaviour
        self.layout = layout
    }
}
