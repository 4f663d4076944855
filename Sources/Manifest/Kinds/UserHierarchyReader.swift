import Model
import Yams

/// `userHierarchy:` — the hierarchy's level names and its group tree. Not a name → body section:
/// `levels` may be given once, and groups merge across files, each addressed by its path.
struct UserHierarchyReader: ManifestSection {
    let key = ResourceKind.userHierarchy.manifestSection
    static let spec = ObjectSpec("userHierarchy", "Hierarchy levels and the group tree.", [
        FieldSpec("levels", .list(.string(minLength: 1, maxLength: 50), minItems: 1, maxItems: 5), "Level names, top first (1 to 5)."),
        FieldSpec("groups", .groupTree, "Group tree; a group is addressed by its path \"Americas/New York\"."),
    ])
    var field: FieldSpec { FieldSpec(key, .object(Self.spec), "Hierarchy levels and groups.") }

    /// The level names, kept with where they were declared (under the `userHierarchy` kind).
    private struct Levels: Sendable {
        var names: [String]
        var location: SourceLocation
    }

    func readSection(_ node: Node, into assembler: ManifestAssembler) {
        let owner = "'userHierarchy'"
        let context = assembler.context
        guard let e = context.object(node, spec: Self.spec, owner: owner) else { return }
        if let levelsNode = e["levels"]?.value {
            let location = context.location(levelsNode)
            if let first = assembler.values(of: .userHierarchy, as: Levels.self).first {
                context.duplicate("'levels' of 'userHierarchy'", first: first.location, again: location)
            } else if let list = context.stringList(levelsNode, what: "'levels' in \(owner)") {
                if list.isEmpty || list.count > 5 {
                    context.error("'levels' in \(owner) must name 1 to 5 levels, found \(list.count)", at: levelsNode)
                }
                var seen: Set<String> = []
                for (level, levelNode) in list where !seen.insert(level).inserted {
                    context.error("hierarchy level '\(level)' is listed twice", at: levelNode)
                }
                assembler.append(Levels(names: list.map(\.0), location: location), to: .userHierarchy)
            }
        }
        if let groupsNode = e["groups"]?.value { readGroups(groupsNode, parent: [], assembler) }
    }

    private func readGroups(_ node: Node, parent: [String], _ assembler: ManifestAssembler) {
        let context = assembler.context
        guard case .mapping(let mapping) = node else {
            if case .scalar(let s) = node, ReadContext.isNull(s) { return }
            let what = parent.isEmpty ? "'groups' in 'userHierarchy'" : "hierarchy group '\(parent.joined(separator: "/"))'"
            context.error("\(what) must be a mapping of child groups, found \(context.describe(node))", at: node)
            return
        }
        for (name, keyNode, children) in context.pairs(of: mapping, owner: "hierarchy groups") {
            let path = parent + [name]
            let pathString = path.joined(separator: "/")
            if name.isEmpty || name.contains("/") || name.count > 100 {
                context.error("hierarchy group name '\(name)' must be 1 to 100 characters without '/'", at: keyNode)
                continue
            }
            if path.count > 5 {
                context.error("hierarchy group '\(pathString)' is nested \(path.count) levels deep; Connect allows at most 5", at: keyNode)
                continue
            }
            if assembler.declared[.hierarchyGroup]?[pathString] == nil {
                assembler.declared[.hierarchyGroup, default: [:]][pathString] = context.location(keyNode)
                assembler.append(HierarchyGroup(path: path), to: .hierarchyGroup)
            }
            readGroups(children, parent: path, assembler)
        }
    }

    /// No group may be deeper than the declared levels, and no two groups may share a name
    /// under different parents: Connect keeps hierarchy group names unique in an instance, as the
    /// emulator does (docs/emulator.md, "Hierarchy group names"), so the second create would fail.
    func check(_ assembler: ManifestAssembler) {
        var byName: [String: HierarchyGroup] = [:]
        for group in assembler.values(of: .hierarchyGroup, as: HierarchyGroup.self).sorted(by: { $0.pathString < $1.pathString }) {
            guard let first = byName[group.name] else { byName[group.name] = group; continue }
            let location = assembler.declared[.hierarchyGroup]?[group.pathString]
            let firstLocation = assembler.declared[.hierarchyGroup]?[first.pathString]
            assembler.context.error("hierarchy group '\(group.pathString)' has the same name as '\(first.pathString)'; hierarchy group names are unique in an instance, whatever their parent",
                                    at: location, notes: firstLocation.map { [.init("'\(first.pathString)' is here", at: $0)] } ?? [])
        }
        guard let levels = assembler.values(of: .userHierarchy, as: Levels.self).first?.names, !levels.isEmpty else { return }
        let groups = assembler.values(of: .hierarchyGroup, as: HierarchyGroup.self).sorted { $0.pathString < $1.pathString }
        for group in groups where group.level > levels.count {
            assembler.context.error("hierarchy group '\(group.pathString)' is at level \(group.level) but only \(levels.count) levels are declared",
                                    at: assembler.declared[.hierarchyGroup]?[group.pathString])
        }
    }

    func store(from assembler: ManifestAssembler, into desired: inout DesiredState) {
        let levels = assembler.values(of: .userHierarchy, as: Levels.self).first?.names ?? []
        let groups = assembler.values(of: .hierarchyGroup, as: HierarchyGroup.self)
        desired.userHierarchy = UserHierarchy(levels: levels, groups: groups.sorted { $0.path.lexicographicallyPrecedes($1.path) })
    }
}
