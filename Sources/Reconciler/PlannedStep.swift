import Model

/// One planned change with the Connect calls that make it, ready for the applier.
/// Each action carries what it needs; nothing is optional that an action requires.
public struct PlannedStep: Sendable {
    public enum Work: Sendable {
        /// `fill`: for a create with placeholder content, the calls that put the real content
        /// in once what it refers to exists (breaks flow ↔ queue and flow ↔ flow cycles).
        case create(calls: [PlannedCall], fill: [PlannedCall]?)
        /// An update or an adoption of `live`.
        case update(live: LiveResource, calls: [PlannedCall])
        /// A rename in place: `live` keeps its id under the new name from the start.
        case rename(live: LiveResource, calls: [PlannedCall])
        /// Deletes `live` and creates the resource again (`fill` as for a create).
        case replace(live: LiveResource, calls: [PlannedCall], fill: [PlannedCall]?)
        case delete(live: LiveResource, calls: [PlannedCall])
    }

    public var change: PlannedChange
    public var address: ResourceAddress
    public var work: Work
    /// Indices (into the plan's steps) that must succeed before this step starts.
    public var dependsOn: Set<Int>
    /// For a placeholder create: indices that must succeed before the content is filled in.
    public var fillDependsOn: Set<Int>
    /// The file a Connect content error is about (a flow's JSON).
    public var contentFile: String?

    /// The calls of the step itself, in order.
    public var calls: [PlannedCall] {
        switch work {
        case let .create(calls, _), let .update(_, calls), let .rename(_, calls), let .replace(_, calls, _), let .delete(_, calls):
            calls
        }
    }

    /// The calls that fill in placeholder content, run as a step of their own.
    public var fillCalls: [PlannedCall] {
        switch work {
        case let .create(_, fill?), let .replace(_, _, fill?): fill
        default: []
        }
    }

    public var placeholder: Bool {
        !fillCalls.isEmpty
    }
}
