import Foundation
import SigV4

/// Verifies AWS Signature Version 4 on incoming requests, answering with the 403 errors
/// AWS gives (MissingAuthenticationTokenException, UnrecognizedClientException,
/// InvalidSignatureException, IncompleteSignatureException).
struct SignatureVerifier: Sendable {
    var accessKeyId: String
    var secretAccessKey: String
    var region: String
    var service = "connect"
    /// Largest accepted clock skew, as AWS (5 minutes) plus slack for slow test machines.
    var maxSkew: TimeInterval = 15 * 60

    static let mismatchMessage = "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details."

    struct Request {
        var method: String
        var rawPath: String
        var rawQuery: String
        /// Lower-cased names; repeated headers joined with ",".
        var headers: [String: String]
        var body: [UInt8]
    }

    func verify(_ r: Request, now: Date = Date()) throws {
        guard let auth = r.headers["authorization"], !auth.isEmpty else {
            throw ConnectError.frontDoor(code: "MissingAuthenticationTokenException", status: 403, message: "Missing Authentication Token")
        }
        let incomplete = { (m: String) in ConnectError.frontDoor(code: "IncompleteSignatureException", status: 403, message: m) }
        guard auth.hasPrefix("AWS4-HMAC-SHA256 ") else {
            throw incomplete("Authorization header requires the AWS4-HMAC-SHA256 algorithm. Authorization=\(auth.prefix(20))")
        }
        guard let parsed = SigV4Authorization(header: auth) else {
            throw incomplete("Authorization header requires 'Credential', 'Signature' and 'SignedHeaders' parameters, with a Credential scoped to date/region/service/aws4_request.")
        }
        let (akid, dateStamp, scopeRegion, scopeService) = (parsed.accessKeyId, parsed.dateStamp, parsed.region, parsed.service)
        let signature = parsed.signature
        guard akid == accessKeyId else {
            throw ConnectError.frontDoor(code: "UnrecognizedClientException", status: 403, message: "The security token included in the request is invalid.")
        }
        guard scopeService == service else {
            throw ConnectError.frontDoor(code: "InvalidSignatureException", status: 403, message: "Credential should be scoped to correct service: '\(service)'.")
        }
        guard scopeRegion == region else {
            throw ConnectError.frontDoor(code: "InvalidSignatureException", status: 403,
                               message: "Credential should be scoped to a valid region. This endpoint serves '\(region)', not '\(scopeRegion)'.")
        }
        guard let amzDate = r.headers["x-amz-date"], amzDate.count == 16, amzDate.hasPrefix(dateStamp) else {
            throw incomplete("Authorization requires an X-Amz-Date header matching the credential scope date.")
        }
        if let when = SigV4Signer.parseAmzDate(amzDate), abs(when.timeIntervalSince(now)) > maxSkew {
            throw ConnectError.frontDoor(code: "InvalidSignatureException", status: 403,
                               message: "Signature expired: \(amzDate) is now earlier or later than the allowed clock skew.")
        }
        let signed = parsed.signedHeaders
        guard signed.contains("host") else { throw incomplete("'Host' must be a signed header.") }
        if r.headers["x-amz-security-token"] != nil && !signed.contains("x-amz-security-token") {
            throw ConnectError.frontDoor(code: "InvalidSignatureException", status: 403, message: "'x-amz-security-token' must be a signed header.")
        }
        let payloadHash = r.headers["x-amz-content-sha256"] ?? SigV4Signer.sha256Hex(Data(r.body))
        // The shared SigV4 module's building blocks: `path` is the wire path (labels encoded
        // once; the canonical URI encodes again, except for S3, which signs the path as sent),
        // `query` the decoded pairs.
        let canonical = SigV4Signer.canonicalRequest(method: r.method, path: r.rawPath, query: Self.decodedQuery(r.rawQuery),
                                                     headers: r.headers.map { (name: $0.key, value: $0.value) },
                                                     signedHeaders: signed, payloadHash: payloadHash,
                                                     pathIsCanonical: service == "s3")
        let scope = "\(dateStamp)/\(scopeRegion)/\(scopeService)/aws4_request"
        let sts = SigV4Signer.stringToSign(canonicalRequest: canonical, amzDate: amzDate, scope: scope)
        let expected = SigV4Signer.signature(secretAccessKey: secretAccessKey, dateStamp: dateStamp, region: scopeRegion,
                                             service: scopeService, stringToSign: sts)
        guard SigV4Verifier.constantTimeEqual(expected, signature) else {
            throw ConnectError.frontDoor(code: "InvalidSignatureException", status: 403, message: Self.mismatchMessage)
        }
    }

    static func decodedQuery(_ raw: String) -> [(name: String, value: String)] {
        raw.split(separator: "&").filter { !$0.isEmpty }.map { pair in
            let kv = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let k = String(kv[0]).removingPercentEncoding ?? String(kv[0])
            let v = kv.count > 1 ? (String(kv[1]).removingPercentEncoding ?? String(kv[1])) : ""
            return (name: k, value: v)
        }
    }
}
