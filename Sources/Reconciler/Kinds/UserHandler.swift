import ConnectAPI
import Model

struct UserHandler: SearchableKind {
    let readLabel = "users"
    let kind = ResourceKind.user
    /// Connect's default quota (connect-api.md §4, Admin Guide "Amazon Connect service quotas").
    let instanceQuota: InstanceQuota? = InstanceQuota(key: "users", name: "users per instance", defaultValue: 500, code: "L-9A46857E")

    func declared(in desired: DesiredState) -> [Model.User] { desired.users }

    func fields(of u: Model.User, content: FlowContentProjector) -> [String: FieldValue] {
        var fields: [String: FieldValue] = [
            "firstName": .string(u.firstName ?? ""),
            "lastName": .string(u.lastName ?? ""),
            "email": .string(u.email ?? ""),
            "secondaryEmail": .string(u.secondaryEmail ?? ""),
            "mobile": .string(u.mobile ?? ""),
            "routingProfile": .string(u.routingProfile),
            "securityProfiles": .strings(u.securityProfiles),
            "hierarchyGroup": .optional(u.hierarchyGroup),
            "phone": Projection.phone(type: u.phone.type.rawValue, autoAccept: u.phone.autoAccept,
                                      afterContactWorkSeconds: u.phone.afterContactWorkSeconds,
                                      deskPhoneNumber: u.phone.deskPhoneNumber),
        ]
        if u.password != nil { fields["password"] = .sensitive }
        if let p = u.proficiencies { fields["proficiencies"] = Self.proficienciesValue(p) }
        return fields
    }

    func fingerprintTags(_ fields: [String: FieldValue]) -> [String: String] {
        [Fingerprint.identityTag: Fingerprint.of(Fingerprint.identity(fields))]
    }

    func replaceReason(_ address: ResourceAddress, changed: Set<String>, renamedFrom: String?, live: LiveResource) -> String? {
        guard let renamedFrom else { return nil }
        return "Connect cannot change a username: user '\(renamedFrom)' is deleted and '\(address.name)' created in its place; the old user's id, history and metrics are lost"
    }

    func createCalls(_ u: Model.User, fields: [String: FieldValue], tags: [String: String], placeholder: Bool) -> [PlannedCall] {
        [PlannedCall(.createUser, [
            "InstanceId": .instanceId, "Username": .string(u.username),
            "Password": u.password == nil ? nil : .secret(u.address, field: "password"),
            "IdentityInfo": identity(u), "PhoneConfig": phoneConfig(u.phone),
            "SecurityProfileIds": securityProfileIds(u),
            "RoutingProfileId": .id(ResourceAddress(.routingProfile, u.routingProfile)),
            "HierarchyGroupId": u.hierarchyGroup.map { .id(ResourceAddress(.hierarchyGroup, $0)) }, "Tags": .map(tags),
        ], creates: CallShapes.creates(u.address, "UserId", "UserArn"))] + proficiencyCreateCalls(u)
    }

    func updateCalls(_ u: Model.User, fields: [String: FieldValue], live: LiveResource, changed: Set<String>) -> [PlannedCall] {
        let id = CallValue.string(live.id)
        var calls: [PlannedCall] = []
        if !changed.isDisjoint(with: ["firstName", "lastName", "email", "secondaryEmail", "mobile"]) {
            calls.append(PlannedCall(.updateUserIdentityInfo, ["InstanceId": .instanceId, "UserId": id, "IdentityInfo": identity(u)]))
        }
        if changed.contains("phone") {
            calls.append(PlannedCall(.updateUserPhoneConfig, ["InstanceId": .instanceId, "UserId": id, "PhoneConfig": phoneConfig(u.phone)]))
        }
        if changed.contains("routingProfile") {
            calls.append(PlannedCall(.updateUserRoutingProfile, ["InstanceId": .instanceId, "UserId": id,
                "RoutingProfileId": .id(ResourceAddress(.routingProfile, u.routingProfile))]))
        }
        if changed.contains("securityProfiles") {
            calls.append(PlannedCall(.updateUserSecurityProfiles, ["InstanceId": .instanceId, "UserId": id,
                                                                   "SecurityProfileIds": securityProfileIds(u)]))
        }
        if changed.contains("hierarchyGroup") {
            // Without HierarchyGroupId the user leaves its group.
            calls.append(PlannedCall(.updateUserHierarchy, ["InstanceId": .instanceId, "UserId": id,
                "HierarchyGroupId": u.hierarchyGroup.map { .id(ResourceAddress(.hierarchyGroup, $0)) }]))
        }
        if changed.contains("proficiencies") { calls += proficiencyUpdateCalls(u, live: live) }
        return calls
    }

    func deleteCalls(_ live: LiveResource) -> [PlannedCall] { [CallShapes.delete(.deleteUser, "UserId", live)] }

    func liveReferences(_ live: LiveResource) -> [ResourceAddress] {
        CallShapes.reference(live.fields, "routingProfile", .routingProfile)
            + CallShapes.strings(live.fields["securityProfiles"]).map { ResourceAddress(.securityProfile, $0) }
            + CallShapes.reference(live.fields, "hierarchyGroup", .hierarchyGroup)
            + Self.proficiencies(live.fields["proficiencies"]).keys.sorted().map { ResourceAddress(.predefinedAttribute, $0) }
    }

    func translatingRenames(_ fields: [String: FieldValue], _ renames: Renames) -> [String: FieldValue] {
        renames.renaming(fields, "routingProfile", .routingProfile)
    }

    func secrets(_ u: Model.User) -> [String: SensitiveValue] { u.password.map { ["password": $0] } ?? [:] }

    private func securityProfileIds(_ u: Model.User) -> CallValue {
        .list(u.securityProfiles.sorted().map { .id(ResourceAddress(.securityProfile, $0)) })
    }

    private func identity(_ u: Model.User) -> CallValue {
        [
            "FirstName": CallShapes.nonEmpty(u.firstName), "LastName": CallShapes.nonEmpty(u.lastName),
            "Email": CallShapes.nonEmpty(u.email), "SecondaryEmail": CallShapes.nonEmpty(u.secondaryEmail),
            "Mobile": CallShapes.nonEmpty(u.mobile),
        ]
    }

    private func phoneConfig(_ p: Model.PhoneConfig) -> CallValue {
        [
            "PhoneType": .string(p.type.rawValue), "AutoAccept": .bool(p.autoAccept),
            "AfterContactWorkTimeLimit": .int(p.afterContactWorkSeconds), "DeskPhoneNumber": .optional(p.deskPhoneNumber),
        ]
    }
}

extension UserHandler {
    func criteria(named name: String?) -> UserSearchSummary.SearchCriteria? {
        name.map { _ in UserSearchCriteria(StringCondition: .exact("Username", name)) }
    }

    func identity(of u: UserSearchSummary) -> LiveIdentity? {
        guard let id = u.Id, let name = u.Username else { return nil }
        return LiveIdentity(id: id, arn: u.Arn ?? "", address: ResourceAddress(.user, name))
    }

    /// SearchUsers lacks e-mail, secondary e-mail and mobile: DescribeUser, unless the
    /// fingerprint tag matches the manifests and nothing modified the user since it was written.
    func details(_ u: UserSearchSummary, _ identity: LiveIdentity, _ context: DetailContext) -> DetailPlan {
        withProficiencies(identityDetails(u, identity, context), identity, context)
    }

    private func identityDetails(_ u: UserSearchSummary, _ identity: LiveIdentity, _ context: DetailContext) -> DetailPlan {
        if let mine = context.vouched(identity, tag: u.Tags?[Fingerprint.identityTag], fingerprint: { Fingerprint.of(Fingerprint.identity($0)) }) {
            return .trusted(["email": mine["email"] ?? "", "secondaryEmail": mine["secondaryEmail"] ?? "",
                             "mobile": mine["mobile"] ?? ""])
        }
        let read = context.read, id = identity.id
        return .fetch {
            let user = try await read.one { try await read.reader.describe(ConnectAPI.User.self, instanceId: read.instanceId, id: id) }
            let info = user.IdentityInfo
            return ["email": .string(info?.Email ?? ""), "secondaryEmail": .string(info?.SecondaryEmail ?? ""),
                    "mobile": .string(info?.Mobile ?? "")]
        }
    }

    /// "When returned by a SearchUsers call, AfterContactWorkTimeLimit is returned in
    /// milliseconds" (UserPhoneConfig, Amazon Connect API reference); Patchbay writes seconds.
    static func seconds(fromSearchMilliseconds milliseconds: Int?) -> Int {
        ((milliseconds ?? 0) + 500) / 1000
    }

    func project(_ u: UserSearchSummary, _ identity: LiveIdentity, _ names: NameIndex) -> LiveProjected {
        LiveProjected(fields: [
            "firstName": .string(u.IdentityInfo?.FirstName ?? ""),
            "lastName": .string(u.IdentityInfo?.LastName ?? ""),
            "routingProfile": names.name(.routingProfile, u.RoutingProfileId),
            "securityProfiles": .strings((u.SecurityProfileIds ?? []).map { names.knownName(.securityProfile, $0) ?? $0 }),
            "hierarchyGroup": names.name(.hierarchyGroup, u.HierarchyGroupId),
            "phone": Projection.phone(type: u.PhoneConfig?.PhoneType?.rawValue ?? "SOFT_PHONE",
                                      autoAccept: u.PhoneConfig?.AutoAccept ?? false,
                                      afterContactWorkSeconds: Self.seconds(fromSearchMilliseconds: u.PhoneConfig?.AfterContactWorkTimeLimit),
                                      deskPhoneNumber: u.PhoneConfig?.DeskPhoneNumber.flatMap { $0.isEmpty ? nil : $0 }),
        ], tags: u.Tags ?? [:])
    }
}

extension UserHandler {
    var exportComments: [String] {
        ["Passwords are not exported: Connect never returns them. A user that apply creates in an instance whose",
         "identity management is CONNECT_MANAGED needs one: add  password: \"${env:SOME_VARIABLE}\"  to that user",
         "(read from the environment, used on create only, never printed)."]
    }

    /// No password (Connect never returns one); `phone` only where it differs from the default
    /// (soft phone, no auto-accept, no after-contact work), and then only the keys that differ.
    func exported(_ live: LiveResource, _ export: ExportContext) -> ExportedResource? {
        if let external = export.external(live) { return external }
        var fields = live.fields
        fields["password"] = nil
        if fields["proficiencies"] == .object([:]) { fields["proficiencies"] = nil }
        if case let .object(phone)? = fields["phone"] {
            let set = ExportBody.dropping(["autoAccept": false, "afterContactWorkSeconds": 0, "deskPhoneNumber": .null], from: phone)
            fields["phone"] = set == ["type": "SOFT_PHONE"] ? nil : .object(set)
        }
        return .named(live, fields)
    }
}
