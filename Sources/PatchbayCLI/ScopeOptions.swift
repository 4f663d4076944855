import ArgumentParser
import Model
import Reconciler

/// What a plan covers, shared by `plan` and `apply`: `--prune`, `--allow-prune`, `--target`.
struct ScopeOptions: ParsableArguments {
    @Flag(help: "Also delete resources tagged with this stack that the manifests no longer declare.")
    var prune = false

    @Option(name: .customLong("allow-prune"),
            help: ArgumentHelp("With --prune, also delete this protected resource (an administrator user), e.g. user.admin. Repeatable.",
                               valueName: "ADDRESS"))
    var allowPrune: [String] = []

    @Option(name: .customLong("target"),
            help: ArgumentHelp("Plan only this resource and what it needs (what it refers to), e.g. queue.Support. Repeatable; the plan says it is partial.",
                               valueName: "ADDRESS"))
    var target: [String] = []

    /// Whether any of them was given (they cannot be with `apply --plan`: the plan file holds them).
    var isSet: Bool { prune || !allowPrune.isEmpty || !target.isEmpty }

    /// Option values as addresses (`user.admin`); a malformed one is a usage error naming `flag`.
    static func addresses(_ values: [String], flag: String) throws -> Set<ResourceAddress> {
        Set(try values.map { value in
            guard let address = ResourceAddress(parsing: value) else {
                let example = flag == "--target" ? "queue.Support" : "user.admin"
                throw ValidationError("\(flag) takes a resource address such as \(example), not '\(value)'")
            }
            return address
        })
    }
}

/// `--quota KEY=N` for `plan` and `apply`: the account's per-instance resource quotas where they
/// are raised above Connect's defaults (Patchbay cannot read Service Quotas).
struct QuotaOptions: ParsableArguments {
    @Option(name: .customLong("quota"),
            help: ArgumentHelp("The instance's quota for a kind, where the account's differs from Connect's default, e.g. users=6000. Repeatable. A plan whose creates go past a default quota warns; past a quota given here it is an error.",
                               valueName: "KEY=N"))
    var quota: [String] = []

    /// The values by key; an unknown key or a malformed value is a usage error.
    func quotas() throws -> [String: Int] {
        switch Planner.parseQuotas(quota) {
        case let .success(quotas): return quotas
        case let .failure(error): throw ValidationError(error.message)
        }
    }
}
