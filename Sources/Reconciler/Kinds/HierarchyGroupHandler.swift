import ConnectAPI
import Model

/// A hierarchy group, addressed by its path (`Americas/New York`).
struct HierarchyGroupHandler: SearchableKind {
    let readLabel = "hierarchy groups"
    let kind = ResourceKind.hierarchyGroup
    /// Connect's default quota (connect-api.md §4, Admin Guide "Amazon Connect service quotas").
    let instanceQuota: InstanceQuota? = InstanceQuota(key: "hierarchyGroups", name: "user hierarchy groups per instance", defaultValue: 500, code: "L-D68AAAE4")
    let waitsFor = [ResourceKind.userHierarchy]

    func declared(in desired: DesiredState) -> [Model.HierarchyGroup] { desired.userHierarchy.groups }

    func fields(of g: Model.HierarchyGroup, content: FlowContentProjector) -> [String: FieldValue] {
        ["parent": .optional(g.parentPath)]
    }

    func replaceReason(_ address: ResourceAddress, changed: Set<String>, renamedFrom: String?, live: LiveResource) -> String? {
        changed.contains("parent") ? "a hierarchy group cannot move: it is deleted and created under its new parent" : nil
    }

    func createCalls(_ g: Model.HierarchyGroup, fields: [String: FieldValue], tags: [String: String], placeholder: Bool) -> [PlannedCall] {
        [PlannedCall(.createUserHierarchyGroup, [
            "InstanceId": .instanceId, "Name": .string(g.name),
            "ParentGroupId": g.parentPath.map { .id(ResourceAddress(.hierarchyGroup, $0)) }, "Tags": .map(tags),
        ], creates: CallShapes.creates(g.address, "HierarchyGroupId", "HierarchyGroupArn"))]
    }

    /// Only the parent is compared, and a new parent is a replace: nothing changes in place.
    func updateCalls(_ g: Model.HierarchyGroup, fields: [String: FieldValue], live: LiveResource, changed: Set<String>) -> [PlannedCall] { [] }

    func liveReferences(_ live: LiveResource) -> [ResourceAddress] {
        CallShapes.reference(live.fields, "parent", .hierarchyGroup)
    }

    func deleteCalls(_ live: LiveResource) -> [PlannedCall] {
        [CallShapes.delete(.deleteUserHierarchyGroup, "HierarchyGroupId", live)]
    }

}

extension HierarchyGroupHandler {
    func criteria(named name: String?) -> ConnectAPI.HierarchyGroup.SearchCriteria? {
        name.map { path in StringSearchCriteria(StringCondition: .exact("name", path.split(separator: "/").last.map(String.init))) }
    }

    /// Level "0" is Connect's root, not a group of the hierarchy.
    func identity(of g: ConnectAPI.HierarchyGroup) -> LiveIdentity? {
        guard g.LevelId != "0", let id = g.Id else { return nil }
        return LiveIdentity(id: id, arn: g.Arn ?? "", address: ResourceAddress(.hierarchyGroup, Self.path(of: g)))
    }

    func project(_ g: ConnectAPI.HierarchyGroup, _ identity: LiveIdentity, _ names: NameIndex) -> LiveProjected {
        let parent = identity.address.name.split(separator: "/").dropLast().joined(separator: "/")
        return LiveProjected(fields: ["parent": parent.isEmpty ? .null : .string(parent)], tags: g.Tags ?? [:])
    }

    /// `Americas/New York`: the names on the group's path, top first.
    static func path(of group: ConnectAPI.HierarchyGroup) -> String {
        let p = group.HierarchyPath
        let names = [p?.LevelOne, p?.LevelTwo, p?.LevelThree, p?.LevelFour, p?.LevelFive].compactMap { $0?.Name }
        return names.isEmpty ? (group.Name ?? "") : names.joined(separator: "/")
    }
}

extension HierarchyGroupHandler {
    /// A group is its place in the tree (`groups: { Americas: { New York: {} } }`), which takes no
    /// other keys: no tags, and no `external: true` (another stack's group is written like the others).
    func exported(_ live: LiveResource, _ export: ExportContext) -> ExportedResource? {
        ExportedResource(address: live.address, path: ["groups"] + live.address.name.split(separator: "/").map(String.init),
                         body: .object([:]))
    }
}
