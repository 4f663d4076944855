import Foundation

/// User hierarchy groups: Create, Describe, UpdateUserHierarchyGroupName, Delete, List,
/// Search. (The level structure is in `InstanceOperations`.)
enum HierarchyGroupKind {
    static let handler = KindHandler(
        kind: .hierarchyGroup, quota: { $0.userHierarchyGroupsPerInstance },
        operations: [
            "CreateUserHierarchyGroup": KindHandler.create(.hierarchyGroup, maxName: 100, maxDescription: nil) { s, c, attrs, hidden in
                var level = 1
                if let pid = c.string("ParentGroupId"), !pid.isEmpty {
                    let parent = try s.require(.hierarchyGroup, pid, field: "Parent group")
                    level = s.levelOf(parent) + 1
                    hidden["ParentId"] = .string(parent.id)
                }
                if level > 5 { throw ConnectError.invalidParameter("A hierarchy can have at most 5 levels") }
                if level > s.state.hierarchyLevels.count {
                    throw ConnectError.invalidParameter("Hierarchy level \(level) is not defined; call UpdateUserHierarchyStructure first")
                }
                hidden["Level"] = .int(level)
            },
            "UpdateUserHierarchyGroupName": { s, c in try s.renameOp(.hierarchyGroup, c, nameRequired: true) },
        ],
        references: { r in r.hidden["ParentId"]?.stringValue.map { [ResourceRef(kind: .hierarchyGroup, id: $0)] } ?? [] },
        blockedBy: [.hierarchyGroup, .user],
        searchFields: ["parentid": { $0.hidden["ParentId"]?.stringValue.map { [$0] } ?? [] },
                       "levelid": { [String($0.hidden["Level"]?.intValue ?? 1)] }],
        searchesDescription: false,
        describeExtras: { s, r, o, _ in
            o["LevelId"] = .string(String(s.levelOf(r)))
            o["HierarchyPath"] = s.hierarchyPath(r)
        })
}

extension ConnectService {
    func hierarchyPath(_ g: StoredResource) -> JSONValue {
        var o: [String: JSONValue] = [:]
        for (i, a) in ancestors(g).enumerated() where i < 5 {
            o[Self.levelNames[i]] = ["Id": .string(a.id), "Arn": .string(a.arn), "Name": .string(a.name),
                                     "LastModifiedTime": .double(a.modified), "LastModifiedRegion": .string(region)]
        }
        return .object(o)
    }
}
