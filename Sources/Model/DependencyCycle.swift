/// A reference cycle: `nodes[0] → nodes[1] → … → nodes[0]`.
public struct DependencyCycle: Error, Sendable, Hashable, CustomStringConvertible {
    public var nodes: [ResourceAddress]

    public init(nodes: [ResourceAddress]) { self.nodes = nodes }

    /// `queue.A → flow.B → queue.A`
    public var description: String {
        (nodes + nodes.prefix(1)).map(\.description).joined(separator: " → ")
    }
}
