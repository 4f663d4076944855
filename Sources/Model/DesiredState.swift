/// Everything the manifests declare, after variable substitution and validation.
/// Every list is sorted by name (hierarchy groups by path), so output built from it is deterministic.
public struct DesiredState: Sendable, Hashable {
    /// Ownership tag value; `"default"` when the manifests do not set `stack`.
    public var stack: String
    /// The target instance (the selected environment's `instance` overrides the top-level one).
    public var instance: InstanceTarget?
    /// The selected environment's name, if any.
    public var environment: String?
    /// Tags added to every managed resource.
    public var tags: [String: String]

    public var hoursOfOperation: [HoursOfOperation]
    public var queues: [Queue]
    public var routingProfiles: [RoutingProfile]
    public var flows: [Flow]
    public var flowModules: [FlowModule]
    public var securityProfiles: [SecurityProfile]
    public var userHierarchy: UserHierarchy
    public var users: [User]
    /// Resources declared `external: true`: referenced, never changed; `plan` fails if missing. Sorted.
    public var externals: [ResourceAddress]
    /// Where each declared resource (managed or external) was declared.
    public var declarations: [ResourceAddress: SourceLocation]

    public init(stack: String = "default", instance: InstanceTarget? = nil, environment: String? = nil,
                tags: [String: String] = [:], hoursOfOperation: [HoursOfOperation] = [], queues: [Queue] = [],
                routingProfiles: [RoutingProfile] = [], flows: [Flow] = [], flowModules: [FlowModule] = [],
                securityProfiles: [SecurityProfile] = [], userHierarchy: UserHierarchy = UserHierarchy(),
                users: [User] = [], externals: [ResourceAddress] = [],
                declarations: [ResourceAddress: SourceLocation] = [:]) {
        self.stack = stack
        self.instance = instance
        self.environment = environment
        self.tags = tags
        self.hoursOfOperation = hoursOfOperation.sorted { $0.name < $1.name }
        self.queues = queues.sorted { $0.name < $1.name }
        self.routingProfiles = routingProfiles.sorted { $0.name < $1.name }
        self.flows = flows.sorted { $0.name < $1.name }
        self.flowModules = flowModules.sorted { $0.name < $1.name }
        self.securityProfiles = securityProfiles.sorted { $0.name < $1.name }
        self.userHierarchy = UserHierarchy(levels: userHierarchy.levels,
                                           groups: userHierarchy.groups.sorted { $0.path.lexicographicallyPrecedes($1.path) })
        self.users = users.sorted { $0.username < $1.username }
        self.externals = externals.sorted()
        self.declarations = declarations
    }

    /// Addresses of all managed (non-external) resources, sorted.
    public var managedAddresses: [ResourceAddress] {
        var all: [ResourceAddress] = []
        all += hoursOfOperation.map(\.address)
        all += queues.map(\.address)
        all += routingProfiles.map(\.address)
        all += flows.map(\.address)
        all += flowModules.map(\.address)
        all += securityProfiles.map(\.address)
        all += userHierarchy.groups.map(\.address)
        all += users.map(\.address)
        return all.sorted()
    }

    /// Number of managed resources per kind.
    public var counts: [ResourceKind: Int] {
        Dictionary(grouping: managedAddresses, by: \.kind).mapValues(\.count)
    }

    /// Whether `address` is declared (managed or external) or one of Connect's defaults.
    public func canReference(_ address: ResourceAddress) -> Bool {
        declarations[address] != nil || ConnectDefaults.contains(address)
    }

    /// The dependency graph over all references (see `DependencyGraph`).
    public func dependencyGraph() -> DependencyGraph {
        var graph = DependencyGraph()
        for address in managedAddresses + externals { graph.addNode(address) }
        for queue in queues {
            graph.addEdge(from: queue.address, to: ResourceAddress(.hoursOfOperation, queue.hoursOfOperation))
            if let flow = queue.outboundCallerId?.flow {
                graph.addEdge(from: queue.address, to: ResourceAddress(.flow, flow))
            }
            for quickConnect in queue.quickConnects ?? [] {
                graph.addEdge(from: queue.address, to: ResourceAddress(.quickConnect, quickConnect))
            }
        }
        for profile in routingProfiles {
            graph.addEdge(from: profile.address, to: ResourceAddress(.queue, profile.defaultOutboundQueue))
            for entry in profile.queues {
                graph.addEdge(from: profile.address, to: ResourceAddress(.queue, entry.queue))
            }
        }
        for flow in flows {
            for reference in flow.content.references {
                graph.addEdge(from: flow.address, to: reference, breakable: true)
            }
        }
        for module in flowModules {
            for reference in module.content.references {
                graph.addEdge(from: module.address, to: reference, breakable: true)
            }
        }
        for group in userHierarchy.groups {
            if let parent = group.parentPath {
                graph.addEdge(from: group.address, to: ResourceAddress(.hierarchyGroup, parent))
            }
        }
        for user in users {
            graph.addEdge(from: user.address, to: ResourceAddress(.routingProfile, user.routingProfile))
            for profile in user.securityProfiles {
                graph.addEdge(from: user.address, to: ResourceAddress(.securityProfile, profile))
            }
            if let group = user.hierarchyGroup {
                graph.addEdge(from: user.address, to: ResourceAddress(.hierarchyGroup, group))
            }
        }
        return graph
    }
}
