import Foundation
import SigV4

/// One object of the emulator's S3.
struct StoredObject: Codable, Sendable, Equatable {
    var body: Data
    var contentType: String
    var etag: String
    var modified: Double
}

/// The few S3 object calls prompts need (design.md §5): PutObject, HeadObject and GetObject,
/// path style (`/BUCKET/KEY`), SigV4 for the service `s3`, on the Connect port. A request is
/// S3's when its signature is scoped to `s3` (on AWS the two are different hosts).
///
/// What follows the S3 API reference: PutObject answers 200 with an `ETag`; GetObject and
/// HeadObject answer 404 `NoSuchKey` for a missing key (HEAD without a body); errors are the
/// S3 XML `<Error><Code>…</Code><Message>…</Message></Error>`; a body whose SHA-256 is not the
/// signed `x-amz-content-sha256` is refused (400 `XAmzContentSHA256Mismatch`). Simplifications,
/// said in docs/emulator.md: every bucket exists (no CreateBucket, no bucket policy), the ETag is
/// the first 32 hex digits of the body's SHA-256 (S3: "may or may not be an MD5 digest"), no
/// versioning, multipart, presigned URLs, throttling or fault injection.
enum ObjectStorage {
    /// Whether a request is signed for S3.
    static func isS3(_ headers: [String: String]) -> Bool {
        headers["authorization"].flatMap(SigV4Authorization.init(header:))?.service == "s3"
    }

    /// S3's name of the operation a method names (for the request log).
    static func operation(_ method: String) -> String {
        switch method {
        case "PUT": "PutObject"
        case "GET": "GetObject"
        case "HEAD": "HeadObject"
        default: "Unknown"
        }
    }

    /// Bucket and key of a path-style path (`/bucket/a/b.wav`), percent-decoded.
    static func location(_ rawPath: String) -> (bucket: String, key: String)? {
        let parts = rawPath.dropFirst().split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty,
              let bucket = String(parts[0]).removingPercentEncoding, let key = String(parts[1]).removingPercentEncoding
        else { return nil }
        return (bucket, key)
    }

    static func handle(_ service: ConnectService, method: String, rawPath: String, headers: [String: String],
                       body: [UInt8], requestId: String) -> EmulatorOutcome {
        guard let (bucket, key) = location(rawPath) else {
            return error(400, "InvalidRequest", "Path-style requests name /BUCKET/KEY.", requestId: requestId, head: method == "HEAD")
        }
        let name = bucket + "/" + key
        switch method {
        case "PUT":
            let hash = SigV4Signer.sha256Hex(Data(body))
            if let claimed = headers["x-amz-content-sha256"], claimed != "UNSIGNED-PAYLOAD", claimed.lowercased() != hash {
                return error(400, "XAmzContentSHA256Mismatch", "The provided 'x-amz-content-sha256' header does not match what was computed.",
                             requestId: requestId)
            }
            let object = StoredObject(body: Data(body), contentType: headers["content-type"] ?? "binary/octet-stream",
                                      etag: "\"" + hash.prefix(32) + "\"", modified: service.now)
            service.putObject(name, object)
            return .respond(status: 200, headers: [("ETag", object.etag), ("x-amz-request-id", requestId)], body: [])
        case "GET", "HEAD":
            guard let object = service.object(name) else {
                return error(404, "NoSuchKey", "The specified key does not exist.", requestId: requestId, head: method == "HEAD")
            }
            let headers = [("Content-Type", object.contentType), ("Content-Length", String(object.body.count)),
                           ("ETag", object.etag), ("x-amz-request-id", requestId)]
            return .respond(status: 200, headers: headers, body: method == "HEAD" ? [] : Array(object.body))
        default:
            return error(405, "MethodNotAllowed", "The specified method is not allowed against this resource.", requestId: requestId)
        }
    }

    /// A signature failure in S3's words (the S3 error codes list: AccessDenied, InvalidAccessKeyId,
    /// SignatureDoesNotMatch, AuthorizationHeaderMalformed).
    static func signatureError(_ e: ConnectError, requestId: String, head: Bool) -> EmulatorOutcome {
        let code = switch e.code {
        case "MissingAuthenticationTokenException": "AccessDenied"
        case "UnrecognizedClientException": "InvalidAccessKeyId"
        case "IncompleteSignatureException": "AuthorizationHeaderMalformed"
        default: "SignatureDoesNotMatch"
        }
        return error(code == "AuthorizationHeaderMalformed" ? 400 : 403, code, e.message, requestId: requestId, head: head)
    }

    static func error(_ status: Int, _ code: String, _ message: String, requestId: String, head: Bool = false) -> EmulatorOutcome {
        func escaped(_ s: String) -> String {
            s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
        }
        let xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>\(code)</Code><Message>\(escaped(message))</Message>"
            + "<RequestId>\(requestId)</RequestId></Error>"
        return .respond(status: status, headers: [("Content-Type", "application/xml"), ("x-amz-request-id", requestId)],
                        body: head ? [] : Array(xml.utf8))
    }
}

extension ConnectService {
    func putObject(_ name: String, _ object: StoredObject) {
        withState { $0.objects[name] = object }
        persister?.submit()
    }

    func object(_ name: String) -> StoredObject? { withState { $0.objects[name] } }

    /// Whether `s3://bucket/key` names an object the emulator holds (CreatePrompt / UpdatePrompt).
    func holdsObject(s3Uri uri: String) -> Bool {
        guard uri.hasPrefix("s3://") else { return false }
        return state.objects[String(uri.dropFirst(5))] != nil
    }
}
