import ConnectAPI
import Model

struct SecurityProfileHandler: KindHandler {
    let kind = ResourceKind.securityProfile

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

    func find(_ name: String, reader: any ConnectReader, instanceId: String) async throws -> FoundResource? {
        let criteria = SecurityProfileSearchCriteria(StringCondition: StringCondition(FieldName: "name", Value: name, ComparisonType: .EXACT))
        for try await page in reader.searchSecurityProfiles(instanceId: instanceId, criteria: criteria) {
            if let s = page.items.first(where: { $0.SecurityProfileName == name }), let id = s.Id {
                return FoundResource(id: id, arn: s.Arn ?? "", tags: s.Tags ?? [:])
            }
        }
        return nil
    }
}

extension SecurityProfileHandler {
    func search(_ context: LiveReadContext) async throws -> [SecurityProfileSearchSummary] {
        try await context.all("security profiles", context.reader.searchSecurityProfiles(instanceId: context.instanceId))
    }

    func identity(of s: SecurityProfileSearchSummary) -> LiveIdentity? {
        guard let id = s.Id, let name = s.SecurityProfileName else { return nil }
        return LiveIdentity(id: id, arn: s.Arn ?? "", address: ResourceAddress(.securityProfile, name))
    }

    /// SearchSecurityProfiles lacks the permissions: ListSecurityProfilePermissions, unless the
    /// fingerprint tag matches the manifests.
    func details(_ s: SecurityProfileSearchSummary, _ identity: LiveIdentity, _ context: DetailContext) -> DetailPlan {
        if let mine = context.declared[identity.address], let permissions = mine["permissions"],
           s.Tags?[Fingerprint.permissionsTag] == Fingerprint.of(permissions) {
            return .trusted(["permissions": permissions])
        }
        let read = context.read, id = identity.id
        return .fetch {
            let permissions = try await read.items(read.reader.listSecurityProfilePermissions(instanceId: read.instanceId,
                                                                                             securityProfileId: id))
            return ["permissions": .strings(permissions)]
        }
    }

    func project(_ s: SecurityProfileSearchSummary, _ identity: LiveIdentity, _ names: NameIndex) -> LiveProjected {
        LiveProjected(fields: ["description": .string(s.Description ?? "")], tags: s.Tags ?? [:],
                      isDefault: ConnectDefaults.securityProfiles.contains(identity.address.name))
    }
}
