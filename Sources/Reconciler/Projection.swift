import Model

/// Field shapes both projections share: each kind's handler projects declared resources
/// into the normalised vocabulary the differ compares, and `LiveProjection` produces the
/// same vocabulary from what Connect returns.
///
/// Normalisation rules: references are names; an absent description is `""`; an absent
/// limit is `.null`; sets (security profiles, permissions, channels) are sorted; tags
/// include the stack's tags and the ownership tag.
public enum Projection {
    /// Every declared resource (the hierarchy structure aside) in the differ's vocabulary,
    /// tags included, as an instance converged on the manifests would show it; address order.
    public static func declaredFields(_ desired: DesiredState,
                                      flowContent: @escaping @Sendable (FlowContent) -> FlowContentForm)
        -> [(address: ResourceAddress, fields: [String: FieldValue])] {
        KindRegistry.items(in: desired, content: flowContent)
            .filter { $0.address.kind != .userHierarchy }
            .map { (address: $0.address, fields: $0.fields) }
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
