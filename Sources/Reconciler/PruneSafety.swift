import Model

/// Decides which of this stack's undeclared resources `--prune` may delete, and what each
/// delete must wait for. A delete is refused while anything outside the plan still uses the
/// resource (in any stack, managed or not), while a declared resource still refers to it, and
/// for the instance's administrators unless the resource is named with `--allow-prune`.
struct PruneSafety {
    struct Refusal: Sendable {
        var resource: LiveResource
        var reason: String
        /// Refused only because it is protected: `--allow-prune` would let it go.
        var protected: Bool
    }

    /// Deletable orphans, each with the live addresses whose changes must run before it.
    var deletable: [(resource: LiveResource, waitsFor: [ResourceAddress])] = []
    var refused: [Refusal] = []

    init(orphans: [LiveResource], live: LiveState, desired: DesiredState, renames: Renames, allowPrune: Set<ResourceAddress>) {
        var dependents: [ResourceAddress: [LiveResource]] = [:]
        for resource in live.resources.values {
            for target in KindRegistry.handler(for: resource.address.kind)?.liveReferences(resource) ?? [] where target != resource.address {
                dependents[target, default: []].append(resource)
            }
        }
        let declared = Dictionary(desired.declaredResources.map { ($0.address, Set($0.references.map(\.to))) },
                                  uniquingKeysWith: { a, _ in a })
        var reasons: [ResourceAddress: String] = [:]
        var protected = Set<ResourceAddress>()
        for orphan in orphans {
            if let reason = Self.protection(orphan), !allowPrune.contains(orphan.address) {
                reasons[orphan.address] = reason
                protected.insert(orphan.address)
            }
        }
        let orphanAddresses = Set(orphans.map(\.address))
        var changed = true
        while changed {  // a refused delete keeps what it refers to alive too
            changed = false
            for orphan in orphans where reasons[orphan.address] == nil {
                for dependent in dependents[orphan.address] ?? [] {
                    let name = renames.name(dependent.address.kind, dependent.address.name)
                    let holder = ResourceAddress(dependent.address.kind, name)
                    let reason: String?
                    if orphanAddresses.contains(dependent.address) {
                        reason = reasons[dependent.address].map { _ in "\(dependent.address), whose delete is refused, uses it" }
                    } else if let references = declared[holder] {
                        reason = references.contains(orphan.address) ? "\(holder) is declared and still refers to it" : nil
                    } else {
                        let owner = dependent.owner.map { "stack '\($0)'" } ?? "no Patchbay stack"
                        reason = "\(dependent.address) (\(owner)) still uses it"
                    }
                    if let reason {
                        reasons[orphan.address] = reason
                        changed = true
                        break
                    }
                }
            }
        }
        for orphan in orphans {
            if let reason = reasons[orphan.address] {
                refused.append(Refusal(resource: orphan, reason: reason, protected: protected.contains(orphan.address)))
            } else {
                deletable.append((orphan, (dependents[orphan.address] ?? []).map(\.address).sorted()))
            }
        }
    }

    /// Why a resource is never pruned without `--allow-prune`: the instance's administrators.
    static func protection(_ resource: LiveResource) -> String? {
        guard resource.address.kind == .user else { return nil }
        if resource.address.name == "admin" { return "it is the instance's own administrator" }
        if CallShapes.strings(resource.fields["securityProfiles"]).contains("Admin") { return "it holds the Admin security profile" }
        return nil
    }
}
