import ConnectAPI
import Model

struct SecurityProfileHandler: SearchableKind {
    let readLabel = "security profiles"
    let kind = ResourceKind.securityProfile
    /// Connect's default quota (connect-api.md §4, Admin Guide "Amazon Connect service quotas").
    let instanceQuota: InstanceQuota? = InstanceQuota(key: "securityProfiles", name: "security profiles per instance", defaultValue: 100, code: "L-F325A715")

    func declared(in desired: DesiredState) -> [Model.SecurityProfile] { desired.securityProfiles }

    func fields(of s: Model.SecurityProfile, content: FlowContentProjector) -> [String: FieldValue] {
        ["description": .string(s.description ?? ""), "permissions": .strings(s.permissions)]
    }

    func fingerprintTags(_ fields: [String: FieldValue]) -> [String: String] {
        [Fingerprint.permissionsTag: Fingerprint.of(fields["permissions"] ?? .null)]
    }

    func createCalls(_ s: Model.SecurityProfile, fields: [String: FieldValue], tags: [String: String], placeholder: Bool) -> [PlannedCall] {
        [PlannedCall(.createSecurityProfile, [
            "InstanceId": .instanceId, "SecurityProfileName": .string(s.name), "Description": CallShapes.nonEmpty(s.description),
            "Permissions": .strings(s.permissions.sorted()), "Tags": .map(tags),
        ], creates: CallShapes.creates(s.address, "SecurityProfileId", "SecurityProfileArn"))]
    }

    func updateCalls(_ s: Model.SecurityProfile, fields: [String: FieldValue], live: LiveResource, changed: Set<String>) -> [PlannedCall] {
        guard !changed.isDisjoint(with: ["description", "permissions"]) else { return [] }
        return [PlannedCall(.updateSecurityProfile, [
            "InstanceId": .instanceId, "SecurityProfileId": .string(live.id), "Description": .string(s.description ?? ""),
            "Permissions": .strings(s.permissions.sorted()),
        ])]
    }

    func deleteCalls(_ live: LiveResource) -> [PlannedCall] {
        [CallShapes.delete(.deleteSecurityProfile, "SecurityProfileId", live)]
    }

}

extension SecurityProfileHandler {
    func criteria(named name: String?) -> SecurityProfileSearchSummary.SearchCriteria? {
        name.map { _ in StringSearchCriteria(StringCondition: .exact("name", name)) }
    }

    func identity(of s: SecurityProfileSearchSummary) -> LiveIdentity? {
        guard let id = s.Id, let name = s.SecurityProfileName else { return nil }
        return LiveIdentity(id: id, arn: s.Arn ?? "", address: ResourceAddress(.securityProfile, name))
    }

    /// SearchSecurityProfiles lacks the permissions: ListSecurityProfilePermissions, unless the
    /// fingerprint tag matches the manifests and nothing modified the profile since it was written.
    func details(_ s: SecurityProfileSearchSummary, _ identity: LiveIdentity, _ context: DetailContext) -> DetailPlan {
        if let mine = context.vouched(identity, tag: s.Tags?[Fingerprint.permissionsTag], fingerprint: { Fingerprint.of($0["permissions"] ?? .null) }),
           let permissions = mine["permissions"] {
            return .trusted(["permissions": permissions])
        }
        let read = context.read, id = identity.id
        return .fetch {
            let permissions = try await read.items(read.reader.pages(ListRequest<Listings.SecurityProfilePermissions>(instanceId: read.instanceId, parentId: id)))
            return ["permissions": .strings(permissions)]
        }
    }

    func project(_ s: SecurityProfileSearchSummary, _ identity: LiveIdentity, _ names: NameIndex) -> LiveProjected {
        LiveProjected(fields: ["description": .string(s.Description ?? "")], tags: s.Tags ?? [:],
                      isDefault: ConnectDefaults.securityProfiles.contains(identity.address.name))
    }
}
