/// A typed resource identity: kind plus name, rendered `kind.name` (`queue.Support`,
/// `hierarchyGroup.Americas/New York`). Used for graph nodes, plan lines and diagnostics.
public struct ResourceAddress: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var kind: ResourceKind
    public var name: String

    public init(_ kind: ResourceKind, _ name: String) {
        self.kind = kind
        self.name = name
    }

    /// Parses `kind.name`; the name may itself contain dots.
    public init?(parsing text: String) {
        guard let dot = text.firstIndex(of: "."),
              let kind = ResourceKind(rawValue: String(text[..<dot])) else { return nil }
        let name = String(text[text.index(after: dot)...])
        guard !name.isEmpty else { return nil }
        self.init(kind, name)
    }

    public var description: String { "\(kind.rawValue).\(name)" }

    /// Orders by kind (creation order), then name.
    public static func < (lhs: ResourceAddress, rhs: ResourceAddress) -> Bool {
        if lhs.kind != rhs.kind { return lhs.kind < rhs.kind }
        return lhs.name < rhs.name
    }
}
