import Crypto
import Foundation

/// SearchUsers does not return a user's e-mail, secondary e-mail or mobile; reading them
/// costs one DescribeUser per user. Patchbay records a fingerprint of the values it set in
/// the tag `patchbay:identity`; a fast read trusts that tag when it matches the manifests
/// and describes only the users whose fingerprint differs (or who have none). A full read
/// (`--refresh full`) describes every declared user, which also catches an e-mail changed by
/// hand in the console.
public enum IdentityFingerprint {
    public static let tag = "patchbay:identity"

    public static func of(email: String, secondaryEmail: String, mobile: String) -> String {
        let digest = SHA256.hash(data: Data([email, secondaryEmail, mobile].joined(separator: "\u{0}").utf8))
        return digest.prefix(8).map { String(format: "%02x", $0) }.joined()
    }
}

/// How much of the instance a plan reads.
public enum RefreshMode: String, Sendable, CaseIterable {
    /// Trust `patchbay:identity` fingerprints instead of describing every user.
    case fast
    /// Describe every declared user.
    case full
}
