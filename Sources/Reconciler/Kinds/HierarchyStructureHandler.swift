import ConnectAPI
import Model

/// The user hierarchy structure: the instance's level names, one singleton set as a whole.
struct HierarchyStructureHandler: KindHandler {
    let kind = ResourceKind.userHierarchy
    let isOwned = false

    func declared(in desired: DesiredState) -> [HierarchyStructureDeclaration] {
        desired.userHierarchy.levels.isEmpty ? [] : [HierarchyStructureDeclaration(levels: desired.userHierarchy.levels)]
    }

    func fields(of resource: HierarchyStructureDeclaration, content: FlowContentProjector) -> [String: FieldValue] {
        ["levels": .list(resource.levels.map(FieldValue.string))]
    }

    func createCalls(_ resource: HierarchyStructureDeclaration, fields: [String: FieldValue], tags: [String: String],
                     placeholder: Bool) -> [PlannedCall] {
        [update(resource.levels)]
    }

    func updateCalls(_ resource: HierarchyStructureDeclaration, fields: [String: FieldValue], live: LiveResource,
                     changed: Set<String>) -> [PlannedCall] {
        changed.contains("levels") ? [update(resource.levels)] : []
    }

    /// Fewer levels: the groups on the levels that go must be deleted first.
    func waitsForDeletes(_ change: PlannedChange) -> [ResourceKind] {
        guard let levels = change.fields.first(where: { $0.path == "levels" }),
              case let .list(before)? = levels.before, case let .list(after)? = levels.after, after.count < before.count else { return [] }
        return [.hierarchyGroup]
    }

    /// The structure cannot be deleted, only set; Patchbay never owns it.
    func deleteCalls(_ live: LiveResource) -> [PlannedCall] { [] }

    func find(_ name: String, reader: any ConnectReader, instanceId: String) async throws -> FoundResource? { nil }

    /// `UpdateUserHierarchyStructure` takes the complete structure: omitted levels are removed.
    private func update(_ levels: [String]) -> PlannedCall {
        let members = ["LevelOne", "LevelTwo", "LevelThree", "LevelFour", "LevelFive"]
        var structure: [String: CallValue] = [:]
        for (member, name) in zip(members, levels) { structure[member] = ["Name": .string(name)] }
        return PlannedCall(.updateUserHierarchyStructure, ["InstanceId": .instanceId, "HierarchyStructure": .object(structure)])
    }
}

extension HierarchyStructureHandler {
    func search(_ context: LiveReadContext) async throws -> [HierarchyStructure] {
        let reader = context.reader, instanceId = context.instanceId
        return [try await context.one { try await reader.describe(HierarchyStructure.self, instanceId: instanceId) }]
    }

    func identity(of raw: HierarchyStructure) -> LiveIdentity? {
        LiveIdentity(id: "", arn: "", address: ResourceAddress(.userHierarchy, HierarchyStructureDeclaration.name))
    }

    func project(_ raw: HierarchyStructure, _ identity: LiveIdentity, _ names: NameIndex) -> LiveProjected {
        LiveProjected(fields: ["levels": .list(Self.levels(raw).map(FieldValue.string))], tags: [:])
    }

    /// Level names, top first, up to the first level not set.
    static func levels(_ s: HierarchyStructure) -> [String] {
        var levels: [String] = []
        for level in [s.LevelOne, s.LevelTwo, s.LevelThree, s.LevelFour, s.LevelFive] {
            guard let name = level?.Name else { break }
            levels.append(name)
        }
        return levels
    }
}

extension HierarchyStructureHandler {
    /// `levels:` of `userHierarchy:` (the groups go in the same section, see `HierarchyGroupHandler`).
    func exported(_ live: LiveResource, _ export: ExportContext) -> ExportedResource? {
        guard let levels = live.fields["levels"], levels != .list([]) else { return nil }
        return ExportedResource(address: live.address, path: ["levels"], body: levels)
    }
}
