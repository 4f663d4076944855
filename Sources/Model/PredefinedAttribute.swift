/// A predefined attribute (design.md §3b): a name and the values agents' proficiencies and
/// routing criteria may use (`Language: [English, Spanish]`). Connect keeps no tags and no ARN
/// for it (CreatePredefinedAttribute has no `Tags` member): it belongs to no stack, like the
/// instance's integrations, and only `--prune` deletes an undeclared one.
public struct PredefinedAttribute: Sendable, Hashable {
    public var name: String
    /// The values, as a set (sorted, no duplicates).
    public var values: [String]

    public init(name: String, values: [String], _ configure: (inout Self) -> Void = { _ in }) {
        self.name = name
        self.values = Array(Set(values)).sorted()
        configure(&self)
    }

    public var address: ResourceAddress { ResourceAddress(.predefinedAttribute, name) }
}

extension PredefinedAttribute: DeclaredResource {
    public var references: [Reference] { [] }
}
