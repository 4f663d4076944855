import ConnectAPI
import Model

struct SecurityProfileHandler: SearchableKind {
    let readLabel = "security profiles"
    let kind = ResourceKind.securityProfile
    /// Connect's default quota (connect-api.md §4, Admin Guide "Amazon Connect service quotas").
    let instanceQuota: InstanceQuota? = InstanceQuota(key: "securityProfiles", name: "security profiles per instance", defaultValue: 100, code: "L-F325A715")

    /// The access-control fields DescribeSecurityProfile returns (SearchSecurityProfiles does not).
    static let describedFields = ["allowedAccessControlTags", "tagRestrictedResources", "hierarchyRestrictedResources",
                                  "allowedAccessControlHierarchyGroup"]
    /// The optional fields, each managed only where declared.
    static let optionalFields = describedFields + ["applications"]

    func declared(in desired: DesiredState) -> [Model.SecurityProfile] { desired.securityProfiles }

    func fields(of s: Model.SecurityProfile, content: FlowContentProjector) -> [String: FieldValue] {
        var fields: [String: FieldValue] = ["description": .string(s.description ?? ""), "permissions": .strings(s.permissions)]
        if let tags = s.allowedAccessControlTags { fields["allowedAccessControlTags"] = .object(tags.mapValues(FieldValue.string)) }
        if let names = s.tagRestrictedResources { fields["tagRestrictedResources"] = .strings(names) }
        if let names = s.hierarchyRestrictedResources { fields["hierarchyRestrictedResources"] = .strings(names) }
        if let group = s.allowedAccessControlHierarchyGroup { fields["allowedAccessControlHierarchyGroup"] = .string(group) }
        if let applications = s.applications {
            fields["applications"] = Self.applications(applications.map { ($0.namespace, $0.permissions, $0.type.rawValue) })
        }
        return fields
    }

    /// Applications keyed by namespace: `{ applicationPermissions, type }`.
    static func applications(_ items: [(namespace: String, permissions: [String], type: String)]) -> FieldValue {
        .object(Dictionary(items.map { item in
            (item.namespace, FieldValue.object(["applicationPermissions": .strings(item.permissions), "type": .string(item.type)]))
        }, uniquingKeysWith: { a, _ in a }))
    }

    /// The permissions alone (the tags written before the optional fields existed stay valid), or
    /// with the optional fields the manifests declare.
    static func fingerprint(_ fields: [String: FieldValue]) -> String {
        let declared = optionalFields.filter { fields[$0] != nil }
        guard !declared.isEmpty else { return Fingerprint.of(fields["permissions"] ?? .null) }
        var covered: [String: FieldValue] = ["permissions": fields["permissions"] ?? .null]
        for key in declared { covered[key] = fields[key] }
        return Fingerprint.of(.object(covered))
    }

    func fingerprintTags(_ fields: [String: FieldValue]) -> [String: String] {
        [Fingerprint.permissionsTag: Self.fingerprint(fields)]
    }

    func createCalls(_ s: Model.SecurityProfile, fields: [String: FieldValue], tags: [String: String], placeholder: Bool) -> [PlannedCall] {
        var members: [String: CallValue?] = [
            "InstanceId": .instanceId, "SecurityProfileName": .string(s.name), "Description": CallShapes.nonEmpty(s.description),
            "Permissions": .strings(s.permissions.sorted()), "Tags": .map(tags),
        ]
        members.merge(optionalMembers(s)) { _, new in new }
        return [PlannedCall(.createSecurityProfile, members, creates: CallShapes.creates(s.address, "SecurityProfileId", "SecurityProfileArn"))]
    }

    func updateCalls(_ s: Model.SecurityProfile, fields: [String: FieldValue], live: LiveResource, changed: Set<String>) -> [PlannedCall] {
        guard !changed.isDisjoint(with: ["description", "permissions"] + Self.optionalFields) else { return [] }
        var members: [String: CallValue?] = [
            "InstanceId": .instanceId, "SecurityProfileId": .string(live.id), "Description": .string(s.description ?? ""),
            "Permissions": .strings(s.permissions.sorted()),
        ]
        // Every declared member, changed or not, as Permissions always are: whether Connect clears a
        // member an update leaves out is not documented, and one call carries them all anyway.
        members.merge(optionalMembers(s)) { _, new in new }
        return [PlannedCall(.updateSecurityProfile, members)]
    }

    /// The declared optional fields as CreateSecurityProfile / UpdateSecurityProfile members.
    private func optionalMembers(_ s: Model.SecurityProfile) -> [String: CallValue?] {
        var members: [String: CallValue?] = [:]
        if let tags = s.allowedAccessControlTags { members["AllowedAccessControlTags"] = .object(tags.mapValues(CallValue.string)) }
        if let names = s.tagRestrictedResources { members["TagRestrictedResources"] = .strings(names) }
        if let names = s.hierarchyRestrictedResources { members["HierarchyRestrictedResources"] = .strings(names) }
        if let group = s.allowedAccessControlHierarchyGroup {
            members["AllowedAccessControlHierarchyGroupId"] = .id(ResourceAddress(.hierarchyGroup, group))
        }
        if let applications = s.applications {
            members["Applications"] = .list(applications.map {
                ["Namespace": .string($0.namespace), "ApplicationPermissions": .strings($0.permissions), "Type": .string($0.type.rawValue)]
            })
        }
        return members
    }

    func deleteCalls(_ live: LiveResource) -> [PlannedCall] {
        [CallShapes.delete(.deleteSecurityProfile, "SecurityProfileId", live)]
    }

    func liveReferences(_ live: LiveResource) -> [ResourceAddress] {
        CallShapes.reference(live.fields, "allowedAccessControlHierarchyGroup", .hierarchyGroup)
    }

    func translatingRenames(_ fields: [String: FieldValue], _ renames: Renames) -> [String: FieldValue] {
        renames.renaming(fields, "allowedAccessControlHierarchyGroup", .hierarchyGroup)
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

    /// SearchSecurityProfiles lacks the permissions, the access-control fields and the
    /// applications: ListSecurityProfilePermissions, then one DescribeSecurityProfile where the
    /// manifests declare an access-control field and ListSecurityProfileApplications where they
    /// declare applications; none of them when the fingerprint tag matches the manifests and
    /// nothing modified the profile since it was written.
    func details(_ s: SecurityProfileSearchSummary, _ identity: LiveIdentity, _ context: DetailContext) -> DetailPlan {
        if let mine = context.vouched(identity, tag: s.Tags?[Fingerprint.permissionsTag], fingerprint: Self.fingerprint),
           let permissions = mine["permissions"] {
            var trusted = ["permissions": permissions]
            for key in Self.optionalFields { trusted[key] = mine[key] }
            return .trusted(trusted)
        }
        let read = context.read, names = context.names, id = identity.id
        // Only the managed fields: one the manifests leave out is not compared.
        let described = Set(Self.describedFields.filter { context.manages($0, of: identity.address) })
        let applications = context.manages("applications", of: identity.address)
        return .fetch {
            let permissions = try await read.items(read.reader.pages(ListRequest<Listings.SecurityProfilePermissions>(instanceId: read.instanceId, parentId: id)))
            var fields: [String: FieldValue] = ["permissions": .strings(permissions)]
            if !described.isEmpty {
                let p = try await read.one { try await read.reader.describe(ConnectAPI.SecurityProfile.self, instanceId: read.instanceId, id: id) }
                let all: [String: FieldValue] = [
                    "allowedAccessControlTags": .object((p.AllowedAccessControlTags ?? [:]).mapValues(FieldValue.string)),
                    "tagRestrictedResources": .strings(p.TagRestrictedResources ?? []),
                    "hierarchyRestrictedResources": .strings(p.HierarchyRestrictedResources ?? []),
                    "allowedAccessControlHierarchyGroup": names.name(.hierarchyGroup, p.AllowedAccessControlHierarchyGroupId),
                ]
                fields.merge(all.filter { described.contains($0.key) }) { _, new in new }
            }
            if applications {
                let items = try await read.items(read.reader.pages(ListRequest<Listings.SecurityProfileApplications>(instanceId: read.instanceId, parentId: id)))
                // An application without a Type predates MCP servers: a third-party application.
                fields["applications"] = Self.applications(items.map {
                    ($0.Namespace ?? "", $0.ApplicationPermissions ?? [], $0.Type ?? "THIRD_PARTY_APPLICATION")
                })
            }
            return fields
        }
    }

    func project(_ s: SecurityProfileSearchSummary, _ identity: LiveIdentity, _ names: NameIndex) -> LiveProjected {
        LiveProjected(fields: ["description": .string(s.Description ?? "")], tags: s.Tags ?? [:],
                      isDefault: ConnectDefaults.securityProfiles.contains(identity.address.name))
    }

    /// The optional fields as the manifest writes them: left out where Connect has its default (none).
    func exported(_ live: LiveResource, _ export: ExportContext) -> ExportedResource? {
        if let external = export.external(live) { return external }
        var fields = live.fields
        for key in Self.optionalFields {
            switch fields[key] {
            case .null?, .object([:])?, .unorderedSet([])?, .list([])?: fields[key] = nil
            default: break
            }
        }
        if case let .object(applications)? = fields["applications"] {
            fields["applications"] = .list(applications.keys.sorted().map { namespace in
                guard case var .object(application)? = applications[namespace] else { return .null }
                application["namespace"] = .string(namespace)
                if application["type"] == .string("THIRD_PARTY_APPLICATION") { application["type"] = nil }
                return .object(application)
            })
        }
        return .named(live, fields)
    }
}
