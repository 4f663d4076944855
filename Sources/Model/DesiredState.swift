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
    public var quickConnects: [QuickConnect]
    public var routingProfiles: [RoutingProfile]
    public var flows: [Flow]
    public var flowModules: [FlowModule]
    public var securityProfiles: [SecurityProfile]
    public var userHierarchy: UserHierarchy
    public var users: [User]
    /// Sorted by name.
    public var agentStatuses: [AgentStatus] = []
    /// Claimed numbers whose flow and description the manifests set, by number.
    public var phoneNumbers: [PhoneNumber] = []
    /// Lambda functions and Lex bot aliases to associate with the instance, by ARN.
    public var integrations: [Integration] = []
    /// Predefined attributes and their values, by name.
    public var predefinedAttributes: [PredefinedAttribute] = []
    /// Prompts, by name.
    public var prompts: [Prompt] = []
    /// Where prompts' `audio:` files are uploaded (`promptBucket`, per environment too).
    public var promptBucket: PromptBucket?
    /// Task templates, by name.
    public var taskTemplates: [TaskTemplate] = []
    /// Resources declared `external: true`: referenced, never changed; `plan` fails if missing. Sorted.
    public var externals: [ResourceAddress]
    /// Where each declared resource (managed or external) was declared.
    public var declarations: [ResourceAddress: SourceLocation]

    public init(stack: String = "default", instance: InstanceTarget? = nil, environment: String? = nil,
                tags: [String: String] = [:], hoursOfOperation: [HoursOfOperation] = [], queues: [Queue] = [],
                quickConnects: [QuickConnect] = [],
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
        self.quickConnects = quickConnects.sorted { $0.name < $1.name }
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

    /// Every declared (managed) resource, the hierarchy structure first when it is declared.
    /// Adding a kind: one line here.
    public var declaredResources: [any DeclaredResource] {
        var all: [any DeclaredResource] = []
        if !userHierarchy.levels.isEmpty { all.append(HierarchyStructureDeclaration(levels: userHierarchy.levels)) }
        all += hoursOfOperation as [any DeclaredResource]
        all += queues as [any DeclaredResource]
        all += quickConnects as [any DeclaredResource]
        all += routingProfiles as [any DeclaredResource]
        all += flows as [any DeclaredResource]
        all += flowModules as [any DeclaredResource]
        all += securityProfiles as [any DeclaredResource]
        all += userHierarchy.groups as [any DeclaredResource]
        all += users as [any DeclaredResource]
        all += agentStatuses as [any DeclaredResource]
        all += phoneNumbers as [any DeclaredResource]
        all += integrations as [any DeclaredResource]
        all += predefinedAttributes as [any DeclaredResource]
        all += prompts as [any DeclaredResource]
        all += taskTemplates as [any DeclaredResource]
        return all
    }

    /// Addresses of all managed (non-external) resources, sorted (the hierarchy structure is not one).
    public var managedAddresses: [ResourceAddress] {
        declaredResources.map(\.address).filter { $0.kind != .userHierarchy }.sorted()
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
        for resource in declaredResources where resource.address.kind != .userHierarchy {
            for reference in resource.references {
                graph.addEdge(from: resource.address, to: reference.to, breakable: reference.breakable)
            }
        }
        return graph
    }
}
