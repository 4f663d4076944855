import ConnectAPI
import Model

/// Users' routing proficiencies (Associate/Update/Disassociate/ListUserProficiencies), the user's
/// field `proficiencies` (attribute → value → level).
///
/// Read per user, only where the manifests manage them (a user that declares `proficiencies`):
/// one ListUserProficiencies page per such user, whatever the fingerprint says. They do not join
/// the identity fingerprint, because that tag is trusted only while the user's LastModifiedTime
/// has not moved past Patchbay's write, and nothing documents that the proficiency operations move
/// it (the API reference is silent): a console edit of a level could then hide behind an unchanged
/// fingerprint. An instance whose manifests declare no proficiencies makes no per-user call for them.
extension UserHandler {
    static func proficienciesValue(_ p: [String: [String: Int]]) -> FieldValue {
        .object(p.mapValues { .object($0.mapValues(FieldValue.int)) })
    }

    static func proficienciesValue(_ list: [ConnectAPI.UserProficiency]) -> FieldValue {
        var p: [String: [String: Int]] = [:]
        for item in list { p[item.AttributeName, default: [:]][item.AttributeValue] = Int(item.Level.rounded()) }
        return proficienciesValue(p)
    }

    /// The live proficiencies in a field value (`[:]` when absent).
    static func proficiencies(_ value: FieldValue?) -> [String: [String: Int]] {
        guard case let .object(attributes)? = value else { return [:] }
        var p: [String: [String: Int]] = [:]
        for (attribute, values) in attributes {
            guard case let .object(levels) = values else { continue }
            for (value, level) in levels { if case let .int(l) = level { p[attribute, default: [:]][value] = l } }
        }
        return p
    }

    private static func entries(_ p: [String: [String: Int]]) -> [(attribute: String, value: String, level: Int)] {
        p.flatMap { attribute, values in values.map { (attribute, $0.key, $0.value) } }
            .sorted { ($0.attribute, $0.value) < ($1.attribute, $1.value) }
    }

    private static func list(_ entries: [(attribute: String, value: String, level: Int)], levels: Bool) -> CallValue {
        .list(entries.map { e in
            levels ? ["AttributeName": .string(e.attribute), "AttributeValue": .string(e.value), "Level": .int(e.level)]
                   : ["AttributeName": .string(e.attribute), "AttributeValue": .string(e.value)]
        })
    }

    /// After CreateUser: one AssociateUserProficiencies with all of them (none when there are none).
    func proficiencyCreateCalls(_ u: Model.User) -> [PlannedCall] {
        let all = Self.entries(u.proficiencies ?? [:])
        guard !all.isEmpty else { return [] }
        return [PlannedCall(.associateUserProficiencies, ["InstanceId": .instanceId, "UserId": .id(u.address),
                                                          "UserProficiencies": Self.list(all, levels: true)])]
    }

    /// Only the entries that changed: Disassociate the removed, Update the levels that differ,
    /// Associate the new, one call each at most.
    func proficiencyUpdateCalls(_ u: Model.User, live: LiveResource) -> [PlannedCall] {
        guard let desired = u.proficiencies else { return [] }
        let held = Self.proficiencies(live.fields["proficiencies"])
        let want = Self.entries(desired), have = Self.entries(held)
        let removed = have.filter { desired[$0.attribute]?[$0.value] == nil }
        let added = want.filter { held[$0.attribute]?[$0.value] == nil }
        let changed = want.filter { e in held[e.attribute]?[e.value].map { $0 != e.level } ?? false }
        let target: [String: CallValue?] = ["InstanceId": .instanceId, "UserId": .string(live.id)]
        var calls: [PlannedCall] = []
        func call(_ op: ConnectOperation, _ items: CallValue) -> PlannedCall {
            var input = target
            input["UserProficiencies"] = items
            return PlannedCall(op, input.compactMapValues { $0 })
        }
        if !removed.isEmpty { calls.append(call(.disassociateUserProficiencies, Self.list(removed, levels: false))) }
        if !changed.isEmpty { calls.append(call(.updateUserProficiencies, Self.list(changed, levels: true))) }
        if !added.isEmpty { calls.append(call(.associateUserProficiencies, Self.list(added, levels: true))) }
        return calls
    }

    /// The user's other details, then its proficiencies where the manifests manage them.
    func withProficiencies(_ base: DetailPlan, _ identity: LiveIdentity, _ context: DetailContext) -> DetailPlan {
        guard context.manages("proficiencies", of: identity.address) else { return base }
        let read = context.read, id = identity.id
        return base.then { fields in
            var fields = fields
            let list = try await read.items(read.reader.pages(ListRequest<Listings.UserProficiencies>(instanceId: read.instanceId, parentId: id)))
            fields["proficiencies"] = Self.proficienciesValue(list)
            return fields
        }
    }
}
