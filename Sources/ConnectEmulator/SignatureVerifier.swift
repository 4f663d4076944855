import Foundation

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
            throw ConnectError(code: "MissingAuthenticationTokenException", status: 403, message: "Missing Authentication Token")
        }
        let incomplete = { (m: String) in ConnectError(code: "IncompleteSignatureException", status: 403, message: m) }
        guard auth.hasPrefix("AWS4-HMAC-SHA256 ") else {
            throw incomplete("Authorization header requires the AWS4-HMAC-SHA256 algorithm. Authorization=\(auth.prefix(20))")
        }
        var fields: [String: String] = [:]
        for part in auth.dropFirst("AWS4-HMAC-SHA256 ".count).split(separator: ",") {
            let kv = part.trimmingCharacters(in: .whitespaces).split(separator: "=", maxSplits: 1)
            if kv.count == 2 { fields[String(kv[0])] = String(kv[1]) }
        }
        guard let credential = fields["Credential"], let signedHeaders = fields["SignedHeaders"], let signature = fields["Signature"] else {
            throw incomplete("Authorization header requires 'Credential', 'Signature' and 'SignedHeaders' parameters.")
        }
        let scopeParts = credential.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard scopeParts.count == 5, scopeParts[4] == "aws4_request" else {
            throw incomplete("Credential should be scoped to a valid region, service and aws4_request terminator.")
        }
        let (akid, dateStamp, scopeRegion, scopeService) = (scopeParts[0], scopeParts[1], scopeParts[2], scopeParts[3])
        guard akid == accessKeyId else {
            throw ConnectError(code: "UnrecognizedClientException", status: 403, message: "The security token included in the request is invalid.")
        }
        guard scopeService == service else {
            throw ConnectError(code: "InvalidSignatureException", status: 403, message: "Credential should be scoped to correct service: '\(service)'.")
        }
        guard scopeRegion == region else {
            throw ConnectError(code: "InvalidSignatureException", status: 403,
                               message: "Credential should be scoped to a valid region. This endpoint serves '\(region)', not '\(scopeRegion)'.")
        }
        guard let amzDate = r.headers["x-amz-date"], amzDate.count == 16, amzDate.hasPrefix(dateStamp) else {
            throw incomplete("Authorization requires an X-Amz-Date header matching the credential scope date.")
        }
        if let when = Self.parseAmzDate(amzDate), abs(when.timeIntervalSince(now)) > maxSkew {
            throw ConnectError(code: "InvalidSignatureException", status: 403,
                               message: "Signature expired: \(amzDate) is now earlier or later than the allowed clock skew.")
        }
        let signed = signedHeaders.split(separator: ";").map(String.init)
        guard signed.contains("host") else { throw incomplete("'Host' must be a signed header.") }
        if r.headers["x-amz-security-token"] != nil && !signed.contains("x-amz-security-token") {
            throw ConnectError(code: "InvalidSignatureException", status: 403, message: "'x-amz-security-token' must be a signed header.")
        }
        let payloadHash = r.headers["x-amz-content-sha256"] ?? SHA256Digest.hex(r.body)
        let canonical = SigV4Math.canonicalRequest(method: r.method, rawPath: r.rawPath, rawQuery: r.rawQuery,
                                                   headers: r.headers, signedHeaders: signed, payloadHash: payloadHash)
        let scope = "\(dateStamp)/\(scopeRegion)/\(scopeService)/aws4_request"
        let sts = SigV4Math.stringToSign(canonicalRequest: canonical, amzDate: amzDate, scope: scope)
        let expected = SigV4Math.signature(secretAccessKey: secretAccessKey, dateStamp: dateStamp, region: scopeRegion,
                                           service: scopeService, stringToSign: sts)
        guard Self.constantTimeEqual(expected, signature) else {
            throw ConnectError(code: "InvalidSignatureException", status: 403, message: Self.mismatchMessage)
        }
    }

    static func parseAmzDate(_ s: String) -> Date? {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        return f.date(from: s)
    }

    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var diff: UInt8 = 0
        for i in 0..<x.count { diff |= x[i] ^ y[i] }
        return diff == 0
    }
}

/// The SigV4 computations for verification (canonical request, string to sign, signature).
enum SigV4Math {
    static let unreserved = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~".utf8)

    static func uriEncode(_ s: String) -> String {
        var out = ""
        for b in s.utf8 {
            if unreserved.contains(b) { out.append(Character(UnicodeScalar(b))) } else { out += String(format: "%%%02X", b) }
        }
        return out
    }

    /// Canonical URI: each segment of the wire path encoded once more (non-S3 services
    /// double-encode), canonical query sorted by encoded key then value.
    static func canonicalRequest(method: String, rawPath: String, rawQuery: String, headers: [String: String],
                                 signedHeaders: [String], payloadHash: String) -> String {
        let path = rawPath.isEmpty ? "/" : rawPath
        let canonicalURI = path.split(separator: "/", omittingEmptySubsequences: false).map { uriEncode(String($0)) }.joined(separator: "/")
        var pairs: [(String, String)] = []
        for pair in rawQuery.split(separator: "&") where !pair.isEmpty {
            let kv = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let k = String(kv[0]).removingPercentEncoding ?? String(kv[0])
            let v = kv.count > 1 ? (String(kv[1]).removingPercentEncoding ?? String(kv[1])) : ""
            pairs.append((uriEncode(k), uriEncode(v)))
        }
        pairs.sort { $0.0 == $1.0 ? $0.1 < $1.1 : $0.0 < $1.0 }
        let canonicalQuery = pairs.map { "\($0.0)=\($0.1)" }.joined(separator: "&")
        let canonicalHeaders = signedHeaders.map { name -> String in
            let value = (headers[name] ?? "").split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
            return "\(name):\(value)\n"
        }.joined()
        return [method, canonicalURI, canonicalQuery, canonicalHeaders, signedHeaders.joined(separator: ";"), payloadHash]
            .joined(separator: "\n")
    }

    static func stringToSign(canonicalRequest: String, amzDate: String, scope: String) -> String {
        "AWS4-HMAC-SHA256\n\(amzDate)\n\(scope)\n\(SHA256Digest.hex(Array(canonicalRequest.utf8)))"
    }

    static func hmac(_ key: [UInt8], _ message: [UInt8]) -> [UInt8] {
        var k = key.count > 64 ? SHA256Digest.hash(key) : key
        k += [UInt8](repeating: 0, count: 64 - k.count)
        let inner = SHA256Digest.hash(k.map { $0 ^ 0x36 } + message)
        return SHA256Digest.hash(k.map { $0 ^ 0x5c } + inner)
    }

    static func signature(secretAccessKey: String, dateStamp: String, region: String, service: String, stringToSign: String) -> String {
        var key = hmac(Array("AWS4\(secretAccessKey)".utf8), Array(dateStamp.utf8))
        key = hmac(key, Array(region.utf8))
        key = hmac(key, Array(service.utf8))
        key = hmac(key, Array("aws4_request".utf8))
        return hmac(key, Array(stringToSign.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
