import Model

/// A per-instance resource quota of Amazon Connect: its default for new accounts and its
/// Service Quotas code (connect-api.md §4: Admin Guide "Amazon Connect service quotas"). Each
/// kind's handler names its own (`KindHandler.instanceQuota`).
public struct InstanceQuota: Sendable, Equatable {
    /// The key of `--quota KEY=N` (the manifest's top-level key of the kind).
    public let key: String
    /// Words for messages: "users per instance".
    public let name: String
    public let defaultValue: Int
    /// Service Quotas quota code (service `connect`); nil where the quota is not adjustable.
    public let code: String?

    public init(key: String, name: String, defaultValue: Int, code: String?) {
        self.key = key
        self.name = name
        self.defaultValue = defaultValue
        self.code = code
    }

    /// Every kind's quota, in creation order (what `--quota` accepts).
    public static var all: [InstanceQuota] { KindRegistry.handlers.compactMap(\.instanceQuota) }
}

/// Quota headroom before apply (issue 14 item 4): a plan whose creates would take a kind past
/// its instance quota says so before the first call, instead of apply failing half-way with
/// LimitExceededException (terraform-provider-aws #41118).
enum QuotaHeadroom {
    /// `stated` holds the account's quotas as the user gave them (`--quota users=6000`): past one
    /// of those, the plan is an error; past a default, a warning (the account may have raised it:
    /// Patchbay cannot read Service Quotas).
    static func check(_ candidates: [Planner.Candidate], live: LiveState, stated: [String: Int],
                      location: (ResourceAddress) -> SourceLocation?) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for handler in KindRegistry.handlers {
            guard let quota = handler.instanceQuota else { continue }
            let kind = handler.kind
            let creates = candidates.filter { $0.address.kind == kind && $0.change.action == .create }
            guard !creates.isEmpty else { continue }
            let deletes = candidates.filter { $0.address.kind == kind && $0.change.action == .delete }.count
            let existing = live.resources.keys.filter { $0.kind == kind }.count
            let after = existing + creates.count - deletes
            let limit = stated[quota.key] ?? quota.defaultValue
            guard after > limit else { continue }
            let room = max(0, limit - existing)
            let first = creates.map(\.address).sorted().dropFirst(room).first
            let counts = "the instance has \(existing) \(kind.displayName)\(existing == 1 ? "" : "s"); this plan creates \(creates.count)"
                + (deletes > 0 ? " and deletes \(deletes)" : "") + ", \(after) in all"
            let failing = "apply would fail with LimitExceededException after \(room) create\(room == 1 ? "" : "s")"
            if let stated = stated[quota.key] {
                diagnostics.append(.error("\(counts): more than the \(stated) \(quota.name) given with --quota \(quota.key)=\(stated); \(failing)",
                                          at: first.flatMap(location)))
            } else {
                let raise = quota.code.map { "if the account's quota (Service Quotas, connect \($0)) is higher, say so with --quota \(quota.key)=N" }
                    ?? "Connect does not let this quota be raised"
                diagnostics.append(.warning("\(counts): more than Connect's default of \(quota.defaultValue) \(quota.name); \(raise), else \(failing)",
                                            at: first.flatMap(location)))
            }
        }
        return diagnostics
    }

    /// `--quota KEY=N` values by key; an unknown key or a bad number is an error message.
    public static func parse(_ values: [String]) -> Result<[String: Int], QuotaArgumentError> {
        var quotas: [String: Int] = [:]
        let keys = InstanceQuota.all.map(\.key)
        for value in values {
            let parts = value.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, let n = Int(parts[1]), n >= 0 else {
                return .failure(QuotaArgumentError(message: "--quota takes KEY=N such as users=6000, not '\(value)'"))
            }
            guard keys.contains(parts[0]) else {
                return .failure(QuotaArgumentError(message: "--quota: unknown quota '\(parts[0])'; known: \(keys.joined(separator: ", "))"))
            }
            quotas[parts[0]] = n
        }
        return .success(quotas)
    }
}

public struct QuotaArgumentError: Error, CustomStringConvertible, Sendable {
    public let message: String
    public var description: String { message }
}

extension Planner {
    /// `--quota KEY=N` values by key (see `QuotaHeadroom`).
    public static func parseQuotas(_ values: [String]) -> Result<[String: Int], QuotaArgumentError> { QuotaHeadroom.parse(values) }
}
