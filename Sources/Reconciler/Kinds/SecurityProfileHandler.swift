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
        for try await page in reader.pages(SearchRequest<SecurityProfileSearchSummary>(instanceId: instanceId, criteria: criteria)) {
            if let s = page.items.first(where: { $0.SecurityProfileName == name }), let id = s.Id {
                return FoundResource(id: id, arn: s.Arn ?? "", tags: s.Tags ?? [:])
            }
        }
        return nil
    }
}
