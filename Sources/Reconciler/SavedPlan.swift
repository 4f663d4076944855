import Crypto
import Foundation

/// `plan --out FILE` / `apply --plan FILE`: the plan document plus where it came from and
/// a digest that detects edits.
///
/// Apply recomputes the plan from the same manifests and a fresh read of the instance,
/// and runs only if the instance still has the fingerprint the plan was made from, the file
/// is unedited, and the recomputed changes are exactly the saved ones.
public struct SavedPlan: Sendable {
    public struct Source: Sendable, Equatable {
        public var path: String
        public var environment: String?
        public var prune: Bool
        /// `--allow-prune` addresses, sorted.
        public var allowPrune: [String]
        /// `--target` addresses, sorted.
        public var targets: [String]
        public init(path: String, environment: String?, prune: Bool, allowPrune: [String] = [], targets: [String] = []) {
            self.path = path
            self.environment = environment
            self.prune = prune
            self.allowPrune = allowPrune
            self.targets = targets
        }
    }

    public enum Problem: Error, CustomStringConvertible, Sendable {
        case unreadable(String)
        case edited
        case unsupportedVersion(Int)
        case stateChanged(saved: String, now: String)
        case planChanged

        public var description: String {
            switch self {
            case let .unreadable(why): "the plan file cannot be read: \(why)"
            case .edited: "the plan file was edited after it was written (its planDigest does not match); run plan again"
            case let .unsupportedVersion(v): "the plan file has formatVersion \(v); this patchbay reads formatVersion 1"
            case let .stateChanged(saved, now):
                "the instance changed since the plan was made (state fingerprint \(saved), now \(now)); run plan again"
            case .planChanged:
                "the manifests or the instance no longer give the saved plan's changes; run plan again"
            }
        }
    }

    public var stateFingerprint: String
    public var source: Source
    /// The saved `changes`, canonicalised, for comparison with a recomputed plan.
    public var canonicalChanges: String

    /// The document `plan --out` writes: the §4 plan document plus `source` and `planDigest`.
    public static func encode(_ plan: Plan, source: Source) -> String {
        guard case var .object(members) = PlanDocument.json(plan) else { return "" }
        members.append(("source", .object([
            ("path", .string(source.path)),
            ("environment", source.environment.map(JSONValue.string) ?? .null),
            ("prune", .bool(source.prune)),
        ] + (source.allowPrune.isEmpty ? [] : [("allowPrune", .array(source.allowPrune.map(JSONValue.string)))])
          + (source.targets.isEmpty ? [] : [("targets", .array(source.targets.map(JSONValue.string)))]))))
        let digest = Self.digest(of: JSONValue.object(members).compact())
        members.append(("planDigest", .string(digest)))
        return JSONValue.object(members).rendered()
    }

    public static func decode(_ text: String) throws -> SavedPlan {
        guard let data = text.data(using: .utf8),
              var object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
            throw Problem.unreadable("not a JSON object")
        }
        guard let version = object["formatVersion"] as? Int else { throw Problem.unreadable("no formatVersion") }
        guard version == Plan.formatVersion else { throw Problem.unsupportedVersion(version) }
        guard let digest = object.removeValue(forKey: "planDigest") as? String else { throw Problem.unreadable("no planDigest") }
        guard let canonical = canonical(object), digest == Self.digest(of: canonical) else { throw Problem.edited }
        guard let fingerprint = object["stateFingerprint"] as? String,
              let source = object["source"] as? [String: Any], let path = source["path"] as? String,
              let changes = object["changes"], let canonicalChanges = Self.canonical(changes) else {
            throw Problem.unreadable("missing stateFingerprint, source or changes")
        }
        return SavedPlan(stateFingerprint: fingerprint,
                         source: Source(path: path, environment: source["environment"] as? String,
                                        prune: source["prune"] as? Bool ?? false,
                                        allowPrune: source["allowPrune"] as? [String] ?? [],
                                        targets: source["targets"] as? [String] ?? []),
                         canonicalChanges: canonicalChanges)
    }

    /// Whether `plan` (recomputed now) is what was saved.
    public func verify(against plan: Plan) throws {
        guard plan.stateFingerprint == stateFingerprint else {
            throw Problem.stateChanged(saved: stateFingerprint, now: plan.stateFingerprint)
        }
        guard case let .object(members) = PlanDocument.json(plan),
              let changes = members.first(where: { $0.0 == "changes" })?.1,
              let data = changes.compact().data(using: .utf8),
              let parsed = try? JSONSerialization.jsonObject(with: data),
              Self.canonical(parsed) == canonicalChanges else {
            throw Problem.planChanged
        }
    }

    /// Canonical JSON (sorted keys) of a parsed value, the same whichever writer produced it.
    static func canonical(_ value: Any) -> String? {
        guard let data = try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .withoutEscapingSlashes, .fragmentsAllowed]) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    static func digest(of compactDocument: String) -> String {
        // Re-canonicalise so the digest does not depend on this writer's key order.
        let canonicalText = compactDocument.data(using: .utf8)
            .flatMap { try? JSONSerialization.jsonObject(with: $0) }
            .flatMap { canonical($0) } ?? compactDocument
        return "sha256:" + SHA256.hash(data: Data(canonicalText.utf8)).hexString
    }
}
