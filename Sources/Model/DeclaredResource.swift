/// A resource the manifests declare. Each model type says, in its own file, what it is
/// called, what it refers to and what it used to be called, so that the dependency graph,
/// the list of managed addresses and the reconciler need no per-kind switch.
public protocol DeclaredResource: Sendable, Hashable {
    var address: ResourceAddress { get }
    /// Names this resource may have now in the instance (`renamedFrom:`), most recent first.
    var renamedFrom: [String] { get }
    /// Tags declared on the resource itself (the stack's tags are added by the reconciler).
    var ownTags: [String: String] { get }
    /// The resources this one refers to, for the dependency graph.
    var references: [Reference] { get }
}

/// One reference from a declared resource to another.
public struct Reference: Sendable, Hashable {
    public var to: ResourceAddress
    /// Flow content references can be broken with a placeholder (create first, fill in later).
    public var breakable: Bool

    public init(_ to: ResourceAddress, breakable: Bool = false) {
        self.to = to
        self.breakable = breakable
    }
}

extension DeclaredResource {
    public var renamedFrom: [String] { [] }
    public var ownTags: [String: String] { [:] }
}

extension HoursOfOperation: DeclaredResource {
    public var ownTags: [String: String] { tags }
    public var references: [Reference] { [] }
}

extension Queue: DeclaredResource {
    public var ownTags: [String: String] { tags }
    public var references: [Reference] {
        [Reference(ResourceAddress(.hoursOfOperation, hoursOfOperation))]
            + (outboundCallerId?.flow.map { [Reference(ResourceAddress(.flow, $0))] } ?? [])
            // Associations are made after the queue exists, so a queue and a quick connect to it are no cycle.
            + (quickConnects ?? []).map { Reference(ResourceAddress(.quickConnect, $0), breakable: true) }
    }
}

extension RoutingProfile: DeclaredResource {
    public var ownTags: [String: String] { tags }
    public var references: [Reference] {
        [Reference(ResourceAddress(.queue, defaultOutboundQueue))] + queues.map { Reference(ResourceAddress(.queue, $0.queue)) }
            + (manualAssignmentQueues ?? []).map { Reference(ResourceAddress(.queue, $0.queue)) }
    }
}

extension Flow: DeclaredResource {
    public var ownTags: [String: String] { tags }
    public var references: [Reference] { content.dependencies }
}

extension FlowModule: DeclaredResource {
    public var ownTags: [String: String] { tags }
    public var references: [Reference] { content.dependencies }
}

extension FlowContent {
    /// What content waits for: the resources it names (breakable: a placeholder can stand in) and
    /// the integrations it invokes (Connect refuses to publish a flow whose Lambda function or bot is
    /// not associated). A phone number is claimed before any apply, so content never waits for one.
    var dependencies: [Reference] {
        references.filter { $0.kind != .phoneNumber }.map { Reference($0, breakable: true) }
            + Set(integrations.map(\.integration.address)).sorted().map { Reference($0) }
    }
}

extension SecurityProfile: DeclaredResource {
    public var ownTags: [String: String] { tags }
    public var references: [Reference] {
        allowedAccessControlHierarchyGroup.map { [Reference(ResourceAddress(.hierarchyGroup, $0))] } ?? []
    }
}

extension HierarchyGroup: DeclaredResource {
    public var references: [Reference] { parentPath.map { [Reference(ResourceAddress(.hierarchyGroup, $0))] } ?? [] }
}

extension User: DeclaredResource {
    public var ownTags: [String: String] { tags }
    public var references: [Reference] {
        [Reference(ResourceAddress(.routingProfile, routingProfile))]
            + securityProfiles.map { Reference(ResourceAddress(.securityProfile, $0)) }
            + (hierarchyGroup.map { [Reference(ResourceAddress(.hierarchyGroup, $0))] } ?? [])
            + (proficiencies ?? [:]).keys.sorted().map { Reference(ResourceAddress(.predefinedAttribute, $0)) }
    }
}

/// The hierarchy structure (its level names), a singleton declared when `levels` is set.
public struct HierarchyStructureDeclaration: DeclaredResource {
    public static let name = "levels"
    public var levels: [String]
    public init(levels: [String]) { self.levels = levels }
    public var address: ResourceAddress { ResourceAddress(.userHierarchy, Self.name) }
    public var references: [Reference] { [] }
}
