import Crypto
import Foundation

/// AWS Signature Version 4, header-based, as botocore's `SigV4Auth` computes it.
///
/// The date is a parameter, so signatures are reproducible in tests. The static
/// functions are the building blocks a server uses to verify a signature.
public struct SigV4Signer: Sendable {
    public static let algorithm = "AWS4-HMAC-SHA256"
    /// SHA-256 of the empty string.
    public static let emptyPayloadHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
    /// Headers never signed (botocore `SIGNED_HEADERS_BLACKLIST`, plus the headers
    /// botocore adds after signing and the signature itself).
    public static let unsignedHeaders: Set<String> = [
        "expect", "transfer-encoding", "user-agent", "x-amzn-trace-id",
        "authorization", "amz-sdk-invocation-id", "amz-sdk-request",
    ]

    public let credentials: SigV4Credentials
    public let region: String
    public let service: String

    public init(credentials: SigV4Credentials, region: String, service: String) {
        self.credentials = credentials
        self.region = region
        self.service = service
    }

    /// Signs a request.
    ///
    /// - Parameters:
    ///   - path: the path as sent on the wire (labels already percent-encoded once). The
    ///     canonical URI normalises it (dot segments, repeated slashes) and encodes each
    ///     segment again, so `arn%3Aaws` becomes `arn%253Aaws`, as botocore does for
    ///     every service but S3.
    ///   - query: decoded names and values, in order; a list repeats its name.
    ///   - headers: the headers to sign; must include `Host`. Any `X-Amz-Date`,
    ///     `X-Amz-Security-Token` or `Authorization` given is replaced. Every header
    ///     not in `unsignedHeaders` is signed, so pass only what botocore would sign
    ///     (host, content-type) and add the rest afterwards.
    ///   - body: the payload; its SHA-256 goes into the canonical request.
    public func sign(method: String, path: String, query: [(name: String, value: String)],
                     headers: [(name: String, value: String)], body: Data, date: Date) -> SigV4Signature {
        let amzDate = Self.amzDate(date)
        let dateStamp = String(amzDate.prefix(8))
        let replaced: Set<String> = ["x-amz-date", "x-amz-security-token", "authorization"]
        var all = headers.filter { !replaced.contains($0.name.lowercased()) }
        all.append((name: "X-Amz-Date", value: amzDate))
        if let token = credentials.sessionToken {
            all.append((name: "X-Amz-Security-Token", value: token))
        }
        let payloadHash = Self.sha256Hex(body)
        // S3 (botocore `S3SigV4Auth`): the payload hash is also sent, and signed, as
        // X-Amz-Content-SHA256, and the path is canonical as sent (no normalising, no second encoding).
        let s3 = service == "s3"
        if s3, !all.contains(where: { $0.name.lowercased() == "x-amz-content-sha256" }) {
            all.append((name: "X-Amz-Content-SHA256", value: payloadHash))
        }
        let signedHeaders = Array(Set(all.map { $0.name.lowercased() }).subtracting(Self.unsignedHeaders)).sorted()
        let canonical = Self.canonicalRequest(method: method, path: path, query: query, headers: all,
                                              signedHeaders: signedHeaders, payloadHash: payloadHash, pathIsCanonical: s3)
        let scope = "\(dateStamp)/\(region)/\(service)/aws4_request"
        let sts = Self.stringToSign(canonicalRequest: canonical, amzDate: amzDate, scope: scope)
        let signature = Self.signature(secretAccessKey: credentials.secretAccessKey, dateStamp: dateStamp,
                                       region: region, service: service, stringToSign: sts)
        let authorization = "\(Self.algorithm) Credential=\(credentials.accessKeyId)/\(scope), "
            + "SignedHeaders=\(signedHeaders.joined(separator: ";")), Signature=\(signature)"
        var toAdd: [(name: String, value: String)] = [(name: "X-Amz-Date", value: amzDate)]
        if s3, !headers.contains(where: { $0.name.lowercased() == "x-amz-content-sha256" }) {
            toAdd.append((name: "X-Amz-Content-SHA256", value: payloadHash))
        }
        if let token = credentials.sessionToken {
            toAdd.append((name: "X-Amz-Security-Token", value: token))
        }
        toAdd.append((name: "Authorization", value: authorization))
        return SigV4Signature(canonicalRequest: canonical, stringToSign: sts, signature: signature,
                              authorization: authorization, headersToAdd: toAdd, signedHeaders: signedHeaders)
    }

    // MARK: - Building blocks

    /// The canonical request. `headers` may hold more than `signedHeaders`; only the
    /// signed ones (matched case-insensitively) are used, repeated headers joined with
    /// commas in order. With `pathIsCanonical` (S3) the path is used as sent.
    public static func canonicalRequest(method: String, path: String, query: [(name: String, value: String)],
                                        headers: [(name: String, value: String)], signedHeaders: [String],
                                        payloadHash: String, pathIsCanonical: Bool = false) -> String {
        let signed = signedHeaders.map { $0.lowercased() }.sorted()
        var canonicalHeaders = ""
        for name in signed {
            let values = headers.filter { $0.name.lowercased() == name }.map { normalizeHeaderValue($0.value) }
            canonicalHeaders += "\(name):\(values.joined(separator: ","))\n"
        }
        return [
            method.uppercased(),
            pathIsCanonical ? (path.isEmpty ? "/" : path) : canonicalURI(path),
            canonicalQueryString(query),
            canonicalHeaders,
            signed.joined(separator: ";"),
            payloadHash,
        ].joined(separator: "\n")
    }

    public static func stringToSign(canonicalRequest: String, amzDate: String, scope: String) -> String {
        "\(algorithm)\n\(amzDate)\n\(scope)\n\(sha256Hex(Data(canonicalRequest.utf8)))"
    }

    public static func signature(secretAccessKey: String, dateStamp: String, region: String, service: String,
                                 stringToSign: String) -> String {
        let kDate = hmac(key: SymmetricKey(data: Data("AWS4\(secretAccessKey)".utf8)), dateStamp)
        let kRegion = hmac(key: SymmetricKey(data: kDate), region)
        let kService = hmac(key: SymmetricKey(data: kRegion), service)
        let kSigning = hmac(key: SymmetricKey(data: kService), "aws4_request")
        return hex(hmac(key: SymmetricKey(data: kSigning), stringToSign))
    }

    // MARK: - Helpers (public: the transport and the emulator share them)

    /// `yyyyMMdd'T'HHmmss'Z'` in UTC.
    public static func amzDate(_ date: Date) -> String {
        let seconds = Int64(date.timeIntervalSince1970.rounded(.down))
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secs = seconds - days * 86_400
        let (y, m, d) = civilFromDays(days)
        func pad(_ v: Int64, _ width: Int) -> String {
            let s = String(v)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        return pad(y, 4) + pad(m, 2) + pad(d, 2) + "T" + pad(secs / 3600, 2) + pad(secs % 3600 / 60, 2)
            + pad(secs % 60, 2) + "Z"
    }

    /// Parses an `X-Amz-Date` value; nil when malformed.
    public static func parseAmzDate(_ s: String) -> Date? {
        let u = Array(s.utf8)
        guard u.count == 16, u[8] == UInt8(ascii: "T"), u[15] == UInt8(ascii: "Z") else { return nil }
        func num(_ r: Range<Int>) -> Int64? {
            var v: Int64 = 0
            for i in r {
                guard u[i] >= 48, u[i] <= 57 else { return nil }
                v = v * 10 + Int64(u[i] - 48)
            }
            return v
        }
        guard let y = num(0..<4), let mo = num(4..<6), let d = num(6..<8), let h = num(9..<11),
              let mi = num(11..<13), let se = num(13..<15), (1...12).contains(mo), (1...31).contains(d),
              h < 24, mi < 60, se < 61 else { return nil }
        let days = daysFromCivil(y, mo, d)
        return Date(timeIntervalSince1970: TimeInterval(days * 86_400 + h * 3600 + mi * 60 + se))
    }

    /// RFC 3986 percent-encoding: everything but `A-Z a-z 0-9 - _ . ~` is encoded as
    /// `%XX` of its UTF-8 bytes (botocore `quote(value, safe='-_.~')`).
    public static func uriEncode(_ s: String, keepSlash: Bool = false) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for byte in s.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"),
                 UInt8(ascii: "."), UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            case UInt8(ascii: "/") where keepSlash:
                out.append("/")
            default:
                out += "%" + hexDigits[Int(byte >> 4)] + hexDigits[Int(byte & 0x0F)]
            }
        }
        return out
    }

    /// The canonical URI: dot segments removed and repeated slashes collapsed (the
    /// suite's normalize-path vectors, botocore `remove_dot_segments`), then every
    /// segment percent-encoded.
    public static func canonicalURI(_ path: String) -> String {
        uriEncode(normalizePath(path), keepSlash: true)
    }

    public static func normalizePath(_ path: String) -> String {
        guard !path.isEmpty else { return "/" }
        var output: [Substring] = []
        for segment in path.split(separator: "/", omittingEmptySubsequences: true) {
            if segment == "." { continue }
            if segment == ".." {
                if !output.isEmpty { output.removeLast() }
                continue
            }
            output.append(segment)
        }
        let first = path.hasPrefix("/") ? "/" : ""
        let last = path.hasSuffix("/") && !output.isEmpty ? "/" : ""
        let result = first + output.joined(separator: "/") + last
        return result.isEmpty ? "/" : result
    }

    /// Encoded `name=value` pairs sorted by name, then value, joined with `&`.
    public static func canonicalQueryString(_ query: [(name: String, value: String)]) -> String {
        query.map { (uriEncode($0.name), uriEncode($0.value)) }
            .sorted { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
            .map { "\($0.0)=\($0.1)" }
            .joined(separator: "&")
    }

    /// Trims the value and collapses inner whitespace runs to one space; folded
    /// (multi-line) values become comma-separated, as the suite expects.
    public static func normalizeHeaderValue(_ value: String) -> String {
        value.split(whereSeparator: { $0 == "\n" || $0 == "\r" })
            .map { $0.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ") }
            .filter { !$0.isEmpty }
            .joined(separator: ",")
    }

    public static func sha256Hex(_ data: Data) -> String {
        hex(SHA256.hash(data: data))
    }

    // MARK: - Private

    private static let hexDigits = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "A", "B", "C", "D", "E", "F"]

    private static func hmac(key: SymmetricKey, _ message: String) -> Data {
        Data(HMAC<SHA256>.authenticationCode(for: Data(message.utf8), using: key))
    }

    private static func hex<D: Sequence>(_ bytes: D) -> String where D.Element == UInt8 {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        for b in bytes {
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Howard Hinnant's `civil_from_days`.
    private static func civilFromDays(_ z0: Int64) -> (Int64, Int64, Int64) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let y = yoe + era * 400
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (m <= 2 ? y + 1 : y, m, d)
    }

    private static func daysFromCivil(_ y0: Int64, _ m: Int64, _ d: Int64) -> Int64 {
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }
}
