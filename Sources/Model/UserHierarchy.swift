/// The user hierarchy: level names (top first, at most 5) and the group tree.
public struct UserHierarchy: Sendable, Hashable {
    /// Level names, top level first. Empty means the manifest does not manage the structure.
    public var levels: [String]
    /// Every group (parents before children), sorted by path.
    public var groups: [HierarchyGroup]

    public init(levels: [String] = [], groups: [HierarchyGroup] = []) {
        self.levels = levels
        self.groups = groups
    }
}
