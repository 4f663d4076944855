/// A directed graph over resource addresses: an edge runs from a resource to a resource it
/// references (so a resource must be created after everything it points at).
///
/// Edges from flow content (`${queue:Support}` inside a flow) are *breakable*: the planner can
/// create a placeholder flow first and fill its content in afterwards, so a cycle through such
/// an edge is resolvable. A cycle made only of unbreakable edges is not.
public struct DependencyGraph: Sendable, Hashable {
    public struct Edge: Sendable, Hashable, Comparable {
        public var from: ResourceAddress
        public var to: ResourceAddress
        public var breakable: Bool

        public init(from: ResourceAddress, to: ResourceAddress, breakable: Bool) {
            self.from = from
            self.to = to
            self.breakable = breakable
        }

        public static func < (lhs: Edge, rhs: Edge) -> Bool {
            if lhs.from != rhs.from { return lhs.from < rhs.from }
            if lhs.to != rhs.to { return lhs.to < rhs.to }
            return !lhs.breakable && rhs.breakable
        }
    }

    public private(set) var nodes: Set<ResourceAddress> = []
    /// Outgoing edges per node: target → breakable (false wins when both exist).
    private var outgoing: [ResourceAddress: [ResourceAddress: Bool]] = [:]

    public init() {}

    public mutating func addNode(_ node: ResourceAddress) {
        nodes.insert(node)
    }

    /// Adds `from → to` (and both nodes). A second edge between the same nodes stays
    /// unbreakable if either is.
    public mutating func addEdge(from: ResourceAddress, to: ResourceAddress, breakable: Bool = false) {
        nodes.insert(from)
        nodes.insert(to)
        let existing = outgoing[from, default: [:]][to]
        outgoing[from, default: [:]][to] = (existing ?? true) && breakable
    }

    /// All edges, sorted.
    public var edges: [Edge] {
        outgoing.flatMap { from, targets in targets.map { Edge(from: from, to: $0.key, breakable: $0.value) } }.sorted()
    }

    /// What `node` references directly, sorted.
    public func dependencies(of node: ResourceAddress, includingBreakable: Bool = true) -> [ResourceAddress] {
        (outgoing[node] ?? [:]).filter { includingBreakable || !$0.value }.keys.sorted()
    }

    /// Nodes ordered so that every node comes after its dependencies; among nodes that are ready
    /// at the same time the smallest address comes first. Returns `.failure(cycle)` when the
    /// considered edges contain a cycle.
    public func topologicalOrder(includingBreakable: Bool = true) -> Result<[ResourceAddress], DependencyCycle> {
        var remaining: [ResourceAddress: Int] = [:]
        var dependents: [ResourceAddress: [ResourceAddress]] = [:]
        for node in nodes {
            let deps = dependencies(of: node, includingBreakable: includingBreakable)
            remaining[node] = deps.count
            for dep in deps { dependents[dep, default: []].append(node) }
        }
        var ready = remaining.filter { $0.value == 0 }.keys.sorted(by: >)  // pop from the end = smallest
        var order: [ResourceAddress] = []
        order.reserveCapacity(nodes.count)
        while let next = ready.popLast() {
            order.append(next)
            var released: [ResourceAddress] = []
            for dependent in dependents[next] ?? [] {
                remaining[dependent]! -= 1
                if remaining[dependent] == 0 { released.append(dependent) }
            }
            if !released.isEmpty {
                ready += released
                ready.sort(by: >)
            }
        }
        if order.count == nodes.count { return .success(order) }
        return .failure(findCycle(includingBreakable: includingBreakable)!)
    }

    /// A cycle among the considered edges, if any: the smallest node on a cycle first, then the
    /// path back to it (`[a, b, c]` means a → b → c → a). Deterministic.
    public func findCycle(includingBreakable: Bool = true) -> DependencyCycle? {
        enum Mark { case visiting, done }
        var marks: [ResourceAddress: Mark] = [:]
        var stack: [ResourceAddress] = []
        var found: [ResourceAddress]?

        func visit(_ node: ResourceAddress) {
            if found != nil { return }
            marks[node] = .visiting
            stack.append(node)
            for dep in dependencies(of: node, includingBreakable: includingBreakable) {
                if found != nil { return }
                switch marks[dep] {
                case .visiting:
                    found = Array(stack[stack.lastIndex(of: dep)!...])
                    return
                case .done:
                    continue
                case nil:
                    visit(dep)
                }
            }
            stack.removeLast()
            marks[node] = .done
        }

        for node in nodes.sorted() where marks[node] == nil {
            visit(node)
            if let cycle = found {
                let start = cycle.firstIndex(of: cycle.min()!)!
                return DependencyCycle(nodes: Array(cycle[start...] + cycle[..<start]))
            }
        }
        return nil
    }
}
