import ArgumentParser
import Model

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
