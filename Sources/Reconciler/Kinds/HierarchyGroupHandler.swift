import ConnectAPI
import Model

/// A hierarchy group, addressed by its path (`Americas/New York`).
struct HierarchyGroupHandler: KindHandler {
    let kind = ResourceKind.hierarchyGroup
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

    func deleteCalls(_ live: LiveResource) -> [PlannedCall] {
        [CallShapes.delete(.deleteUserHierarchyGroup, "HierarchyGroupId", live)]
    }

    func find(_ path: String, reader: any ConnectReader, instanceId: String) async throws -> FoundResource? {
        let leaf = String(path.split(separator: "/").last ?? "")
        let criteria = UserHierarchyGroupSearchCriteria(StringCondition: StringCondition(FieldName: "name", Value: leaf, ComparisonType: .EXACT))
        for try await page in reader.pages(SearchRequest<ConnectAPI.HierarchyGroup>(instanceId: instanceId, criteria: criteria)) {
            if let g = page.items.first(where: { LiveProjection.path(of: $0) == path }), let id = g.Id {
                return FoundResource(id: id, arn: g.Arn ?? "", tags: g.Tags ?? [:])
            }
        }
        return nil
    }
}
