import Model

/// One declared resource of any kind, with its projection into diffable fields.
public enum DesiredResource: Sendable, Hashable {
    case hours(HoursOfOperation)
    case queue(Queue)
    case routingProfile(RoutingProfile)
    case flow(Flow)
    case flowModule(FlowModule)
    case securityProfile(SecurityProfile)
    case hierarchyGroup(HierarchyGroup)
    case user(User)

    public var address: ResourceAddress {
        switch self {
        case let .hours(r): r.address
        case let .queue(r): r.address
        case let .routingProfile(r): r.address
        case let .flow(r): r.address
        case let .flowModule(r): r.address
        case let .securityProfile(r): r.address
        case let .hierarchyGroup(r): r.address
        case let .user(r): r.address
        }
    }

    /// Names this resource may have now in the instance (`renamedFrom:`), most recent first.
    public var renamedFrom: [String] {
        switch self {
        case let .hours(r): r.renamedFrom
        case let .queue(r): r.renamedFrom
        case let .routingProfile(r): r.renamedFrom
        case let .flow(r): r.renamedFrom
        case let .flowModule(r): r.renamedFrom
        case let .user(r): r.renamedFrom
        case .securityProfile, .hierarchyGroup: []
        }
    }

    public var ownTags: [String: String] {
        switch self {
        case let .hours(r): r.tags
        case let .queue(r): r.tags
        case let .routingProfile(r): r.tags
        case let .flow(r): r.tags
        case let .flowModule(r): r.tags
        case let .securityProfile(r): r.tags
        case .hierarchyGroup: [:]
        case let .user(r): r.tags
        }
    }

    /// Every declared resource, in address order.
    public static func all(in desired: DesiredState) -> [DesiredResource] {
        var all: [DesiredResource] = []
        all += desired.hoursOfOperation.map(DesiredResource.hours)
        all += desired.queues.map(DesiredResource.queue)
        all += desired.routingProfiles.map(DesiredResource.routingProfile)
        all += desired.flows.map(DesiredResource.flow)
        all += desired.flowModules.map(DesiredResource.flowModule)
        all += desired.securityProfiles.map(DesiredResource.securityProfile)
        all += desired.userHierarchy.groups.map(DesiredResource.hierarchyGroup)
        all += desired.users.map(DesiredResource.user)
        return all.sorted { $0.address < $1.address }
    }
}

/// The tag that marks a resource as managed by a stack.
public enum Ownership {
    public static let stackTag = "patchbay:stack"
}
