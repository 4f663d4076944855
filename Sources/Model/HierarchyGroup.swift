/// A user hierarchy group, addressed by its path from the root (`Americas/New York`).
public struct HierarchyGroup: Sendable, Hashable {
    /// Path components from the top level down; never empty.
    public var path: [String]

    public init(path: [String]) { self.path = path }

    /// The group's own name (last path component).
    public var name: String { path.last ?? "" }
    /// `Americas/New York`
    public var pathString: String { path.joined(separator: "/") }
    /// The parent group's path string, `nil` for a top-level group.
    public var parentPath: String? { path.count > 1 ? path.dropLast().joined(separator: "/") : nil }
    /// 1-based hierarchy level of this group.
    public var level: Int { path.count }

    public var address: ResourceAddress { ResourceAddress(.hierarchyGroup, pathString) }
}
