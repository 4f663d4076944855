import Foundation

/// A parsed `Authorization: AWS4-HMAC-SHA256 Credential=…, SignedHeaders=…, Signature=…`
/// header, for servers that verify signatures (the emulator).
public struct SigV4Authorization: Sendable, Equatable {
    public var accessKeyId: String
    public var dateStamp: String
    public var region: String
    public var service: String
    public var signedHeaders: [String]
    public var signature: String

    public var scope: String { "\(dateStamp)/\(region)/\(service)/aws4_request" }

    public init(accessKeyId: String, dateStamp: String, region: String, service: String,
                signedHeaders: [String], signature: String) {
        self.accessKeyId = accessKeyId
        self.dateStamp = dateStamp
        self.region = region
        self.service = service
        self.signedHeaders = signedHeaders
        self.signature = signature
    }

    /// Parses the header value; nil when it is not a well-formed SigV4 header.
    public init?(header: String) {
        let prefix = SigV4Signer.algorithm + " "
        guard header.hasPrefix(prefix) else { return nil }
        var fields: [String: String] = [:]
        for part in header.dropFirst(prefix.count).split(separator: ",") {
            let trimmed = part.trimmingCharacters(in: .whitespaces)
            guard let eq = trimmed.firstIndex(of: "=") else { return nil }
            fields[String(trimmed[..<eq])] = String(trimmed[trimmed.index(after: eq)...])
        }
        guard let credential = fields["Credential"], let signed = fields["SignedHeaders"],
              let signature = fields["Signature"] else { return nil }
        let scope = credential.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard scope.count == 5, scope[4] == "aws4_request", !scope[0].isEmpty else { return nil }
        self.init(accessKeyId: scope[0], dateStamp: scope[1], region: scope[2], service: scope[3],
                  signedHeaders: signed.split(separator: ";").map(String.init), signature: signature)
    }
}
