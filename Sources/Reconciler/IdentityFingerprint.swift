import Crypto
import Foundation

/// Fingerprints of the fields Search does not return, kept in tags.
///
/// SearchUsers lacks e-mail, secondary e-mail and mobile; SearchRoutingProfiles lacks each
/// queue's priority, delay and channel; SearchSecurityProfiles lacks permissions. Reading
/// them costs one call per resource. Whenever Patchbay writes those fields it also writes a
/// fingerprint of them to a tag; `--refresh fast` trusts a fingerprint that matches the
/// manifests and skips the per-resource call, `--refresh full` (the default) makes every call
/// and so also catches a change made by hand in the console.
public enum Fingerprint {
    public static let identityTag = "patchbay:identity"
    public static let queuesTag = "patchbay:queues"
    public static let permissionsTag = "patchbay:permissions"

    static let tags: Set<String> = [identityTag, queuesTag, permissionsTag]

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

    /// A short, stable digest of a normalised field value.
    public static func of(_ value: FieldValue) -> String {
        let digest = SHA256.hash(data: Data(value.json.compact().utf8))
        return digest.prefix(8).hexString
    }

    /// The identity fields of a user, as fingerprinted.
    static func identity(_ fields: [String: FieldValue]) -> FieldValue {
        .object(["email": fields["email"] ?? "", "secondaryEmail": fields["secondaryEmail"] ?? "", "mobile": fields["mobile"] ?? ""])
    }
}

/// How much of the instance a plan reads.
public enum RefreshMode: String, Sendable, CaseIterable {
    /// Trust the fingerprint tags Patchbay wrote instead of one call per resource.
    case fast
    /// Read every field of every declared resource.
    case full
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
