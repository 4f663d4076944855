import Foundation

/// Server-side verification of a SigV4-signed request (the emulator), built on the
/// same static functions the signer uses.
public enum SigV4Verifier {
    public enum Result: Sendable, Equatable {
        case valid(accessKeyId: String)
        /// Why the signature was rejected; `code` is the error code AWS returns
        /// (`MissingAuthenticationToken`, `IncompleteSignature`,
        /// `UnrecognizedClientException`, `InvalidSignatureException`).
        case invalid(code: String, message: String)
    }

    /// Verifies a request as received.
    ///
    /// - Parameters:
    ///   - path: the path as received on the wire (still percent-encoded).
    ///   - query: decoded query pairs.
    ///   - headers: all request headers as received.
    ///   - secretAccessKey: returns the secret for an access key id, nil if unknown.
    ///   - service: the expected signing name (`connect`); nil accepts any.
    ///   - now, maxSkew: when set, `X-Amz-Date` must be within `maxSkew` seconds of `now`.
    public static func verify(method: String, path: String, query: [(name: String, value: String)],
                              headers: [(name: String, value: String)], body: Data,
                              secretAccessKey: (String) -> String?, service: String? = nil,
                              now: Date? = nil, maxSkew: Double = 300) -> Result {
        func header(_ name: String) -> String? {
            headers.first { $0.name.lowercased() == name }?.value
        }
        guard let authorization = header("authorization") else {
            return .invalid(code: "MissingAuthenticationToken", message: "Missing Authentication Token")
        }
        guard let auth = SigV4Authorization(header: authorization) else {
            return .invalid(code: "IncompleteSignature", message: "Authorization header is not a valid AWS4-HMAC-SHA256 header")
        }
        guard let amzDate = header("x-amz-date"), let date = SigV4Signer.parseAmzDate(amzDate) else {
            return .invalid(code: "IncompleteSignature", message: "X-Amz-Date header missing or malformed")
        }
        guard amzDate.hasPrefix(auth.dateStamp) else {
            return .invalid(code: "InvalidSignatureException", message: "credential scope date \(auth.dateStamp) does not match X-Amz-Date \(amzDate)")
        }
        if let service, auth.service != service {
            return .invalid(code: "InvalidSignatureException", message: "credential scope service '\(auth.service)' should be '\(service)'")
        }
        if let now, abs(date.timeIntervalSince(now)) > maxSkew {
            return .invalid(code: "InvalidSignatureException", message: "Signature expired: \(amzDate) is more than \(Int(maxSkew)) s from the server time")
        }
        for required in ["host", "x-amz-date"] where !auth.signedHeaders.contains(required) {
            return .invalid(code: "IncompleteSignature", message: "SignedHeaders must include \(required)")
        }
        if header("x-amz-security-token") != nil, !auth.signedHeaders.contains("x-amz-security-token") {
            return .invalid(code: "IncompleteSignature", message: "SignedHeaders must include x-amz-security-token")
        }
        guard let secret = secretAccessKey(auth.accessKeyId) else {
            return .invalid(code: "UnrecognizedClientException", message: "The security token included in the request is invalid.")
        }
        let canonical = SigV4Signer.canonicalRequest(method: method, path: path, query: query, headers: headers,
                                                     signedHeaders: auth.signedHeaders,
                                                     payloadHash: SigV4Signer.sha256Hex(body))
        let sts = SigV4Signer.stringToSign(canonicalRequest: canonical, amzDate: amzDate, scope: auth.scope)
        let expected = SigV4Signer.signature(secretAccessKey: secret, dateStamp: auth.dateStamp, region: auth.region,
                                             service: auth.service, stringToSign: sts)
        guard constantTimeEqual(expected, auth.signature) else {
            return .invalid(code: "InvalidSignatureException",
                            message: "The request signature we calculated does not match the signature you provided.")
        }
        return .valid(accessKeyId: auth.accessKeyId)
    }

    /// Compares in time independent of where the strings differ (signatures, keys).
    public static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var diff: UInt8 = 0
        for i in 0..<x.count { diff |= x[i] ^ y[i] }
        return diff == 0
    }
}
