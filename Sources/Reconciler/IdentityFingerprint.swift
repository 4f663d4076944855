import Crypto
import Foundation

/// Fingerprints of the fields Search does not return, kept in tags with the time of the write.
///
/// SearchUsers lacks e-mail, secondary e-mail and mobile; SearchRoutingProfiles lacks each
/// queue's priority, delay and channel; SearchSecurityProfiles lacks permissions. Reading
/// them costs one call per resource. Whenever Patchbay writes such a resource it ends with a
/// tag `fp@T`: the fingerprint of those fields and `T`, the service's clock when that tag was
/// sent (`ServerTime`, from the responses' `Date` headers — never the local clock). The
/// verified read (the default) trusts the fingerprint only when the resource's
/// `LastModifiedTime` (ListUsers, ListRoutingProfiles, ListSecurityProfiles) is not later than
/// `T + margin`: anything modified since — console, CLI, another tool — gets its per-resource
/// call. `--refresh full` makes every call.
public enum Fingerprint {
    public static let identityTag = "patchbay:identity"
    public static let queuesTag = "patchbay:queues"
    public static let permissionsTag = "patchbay:permissions"

    /// A prompt's audio source (`PromptHandler`), stamped like the fingerprints: Connect never
    /// returns the source, so a prompt modified after the stamp has an unknown one.
    public static let audioTag = "patchbay:audio"
    /// Stamped when sent, and never shown in plans.
    static let tags: Set<String> = [identityTag, queuesTag, permissionsTag, audioTag]

    /// Whether a field-change path is one of the fingerprint tags (`tags["patchbay:queues"]`).
    static func isFingerprintPath(_ path: String) -> Bool {
        tags.contains { path == "tags[\"\($0)\"]" }
    }

    /// The change as a reviewer sees it: fingerprint tags are Patchbay's bookkeeping, not part of
    /// the configuration, so they are never shown (the calls that rewrite them still run).
    static func displayed(_ changes: [FieldChange]) -> [FieldChange] {
        changes.compactMap { change in
            if isFingerprintPath(change.path) { return nil }
            guard change.path == "tags" else { return change }
            func strip(_ value: FieldValue?) -> FieldValue? {
                guard case var .object(tags)? = value else { return value }
                for tag in Fingerprint.tags { tags[tag] = nil }
                return .object(tags)
            }
            return FieldChange(path: change.path, before: strip(change.before), after: strip(change.after))
        }
    }

    /// How much later than the stamp `T` a `LastModifiedTime` may be and still be Patchbay's own
    /// write. `T` is an upper bound of the service's clock when the tag was sent, so the data
    /// writes before it are covered without margin; the margin covers the tag write itself when
    /// TagResource bumps `LastModifiedTime` (not documented either way: it is then stamped by
    /// Connect while the request is processed, after `T` by the request's time in flight, well
    /// under a second), and differences between the clocks of Connect's front end (`Date`) and
    /// its store (`LastModifiedTime`), NTP-disciplined to milliseconds. A change by anyone else
    /// within this second after Patchbay's write is the one thing the verified read cannot see.
    public static let margin: Double = 1.0

    /// `fp@T` split into the fingerprint and the stamp (nil for a tag without one).
    static func parse(_ tag: String) -> (fingerprint: Substring, stamp: Double?) {
        guard let at = tag.lastIndex(of: "@") else { return (tag[...], nil) }
        return (tag[..<at], Double(tag[tag.index(after: at)...]))
    }

    /// The tag's fingerprint without its stamp (what plans compare and show).
    static func unstamped(_ tag: String) -> String { String(parse(tag).fingerprint) }

    /// Whether a fingerprint tag vouches for `expected`: it matches, carries a stamp, and nothing
    /// modified the resource after the stamp (`lastModified`, nil: unknown, not trusted).
    static func vouches(_ tag: String?, for expected: String, lastModified: Double?) -> Bool {
        guard let tag, let lastModified else { return false }
        let (fingerprint, stamp) = parse(tag)
        guard fingerprint == expected, let stamp else { return false }
        return lastModified <= stamp + margin
    }

    /// A short, stable digest of a normalised field value.
    public static func of(_ value: FieldValue) -> String {
        let digest = SHA256.hash(data: Data(value.json.compact().utf8))
        return digest.prefix(8).hexString
    }

    /// The lower-case hex SHA-256 of `text`.
    static func sha256Hex(_ text: String) -> String { sha256Hex(Data(text.utf8)) }
    static func sha256Hex(_ data: Data) -> String { SHA256.hash(data: data).hexString }

    /// The identity fields of a user, as fingerprinted.
    static func identity(_ fields: [String: FieldValue]) -> FieldValue {
        .object(["email": fields["email"] ?? "", "secondaryEmail": fields["secondaryEmail"] ?? "", "mobile": fields["mobile"] ?? ""])
    }
}

/// How much of the instance a plan reads.
public enum RefreshMode: String, Sendable, CaseIterable {
    /// The default: per-resource calls only for resources modified since Patchbay last wrote
    /// them (or whose fingerprint differs from the manifests); see `Fingerprint`.
    case verified
    /// Read every field of every declared resource.
    case full

    /// `fast`, the name of the fingerprint-trusting read before it was verified, means `verified`.
    public init?(argument: String) {
        switch argument {
        case "verified", "fast": self = .verified
        case "full": self = .full
        default: return nil
        }
    }
}

extension Sequence where Element == UInt8 {
    /// Lower-case hex, without Foundation's formatter (it shows up in profiles).
    var hexString: String {
        let digits = Array("0123456789abcdef".utf8)
        var bytes: [UInt8] = []
        for byte in self { bytes.append(digits[Int(byte >> 4)]); bytes.append(digits[Int(byte & 0x0f)]) }
        return String(decoding: bytes, as: UTF8.self)
    }
}
