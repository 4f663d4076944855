import Foundation
import SigV4

/// One HTTP request to an AWS service, before signing.
///
/// `path` holds the path exactly as it goes on the wire: every label already
/// percent-encoded with no safe characters (an ARN label becomes `arn%3Aaws%3A…`).
/// The signer encodes it once more for the canonical URI, as botocore does.
public struct AWSRequest: Sendable, Equatable {
    /// The operation name as the service model spells it (`CreateQueue`); used for
    /// rate-limit buckets, logs and call counts.
    public var operation: String
    public var method: String
    public var path: String
    /// Query parameters in order; a list repeats its key.
    public var query: [(name: String, value: String)]
    public var headers: [(name: String, value: String)]
    public var body: Data
    /// Bounded retries of errors that are normal right after a create (Connect is
    /// eventually consistent, connect-api.md §5); nil: none.
    public var consistencyRetry: ConsistencyRetry?
    /// Fills the service's time into the body, for each attempt just before it is signed
    /// (`ServerClock.upperBound()`, seconds since 1970); nil: the body is sent as it is.
    public var stamp: (@Sendable (_ body: Data, _ serverTime: Double) -> Data)?

    public init(operation: String, method: String, path: String,
                query: [(name: String, value: String)] = [],
                headers: [(name: String, value: String)] = [],
                body: Data = Data(),
                consistencyRetry: ConsistencyRetry? = nil) {
        self.operation = operation
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
        self.consistencyRetry = consistencyRetry
    }

    public static func == (a: AWSRequest, b: AWSRequest) -> Bool {
        a.operation == b.operation && a.method == b.method && a.path == b.path
            && a.query.elementsEqual(b.query, by: { $0 == $1 })
            && a.headers.elementsEqual(b.headers, by: { $0 == $1 })
            && a.body == b.body && a.consistencyRetry == b.consistencyRetry && (a.stamp == nil) == (b.stamp == nil)
    }
}

/// Retries of specific error codes on top of the standard retries, for reads and
/// updates that follow a create: up to `maxRetries`, waiting
/// `baseDelay × 2^(n−1) × (0.5 + rand/2)` before retry n. They neither count
/// against the attempt limit nor take from the retry quota.
public struct ConsistencyRetry: Sendable, Equatable {
    public var codes: Set<String>
    public var maxRetries: Int
    public var baseDelay: Double

    public init(codes: Set<String> = ["ResourceNotFoundException"], maxRetries: Int = 4, baseDelay: Double = 0.5) {
        self.codes = codes
        self.maxRetries = maxRetries
        self.baseDelay = baseDelay
    }

    /// ResourceNotFoundException and InvalidRequestException, 4 retries from 0.5 s
    /// (at most ≈ 7.5 s in all).
    public static let afterCreate = ConsistencyRetry(codes: ["ResourceNotFoundException", "InvalidRequestException"])
}

/// A successful (2xx) response.
public struct AWSResponse: Sendable {
    public var status: Int
    public var headers: [(name: String, value: String)]
    public var body: Data

    public init(status: Int, headers: [(name: String, value: String)], body: Data) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    public func header(_ name: String) -> String? {
        headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }
}

/// Sends requests to one AWS service: signs, rate-limits, retries, and turns error
/// responses into `AWSServiceError`. Implementations throw `AWSServiceError` for
/// service errors and `AWSTransportError` for everything else.
public protocol AWSTransport: Sendable {
    func send(_ request: AWSRequest) async throws -> AWSResponse
}

/// An error response from the service, decoded the restJson1 way.
public struct AWSServiceError: Error, Sendable, CustomStringConvertible {
    /// Sanitised error code (`ThrottlingException`), or `HTTP <status>` when none was sent.
    public var code: String
    public var message: String
    public var status: Int
    public var requestId: String?
    public var operation: String
    public var rawBody: Data

    public init(code: String, message: String, status: Int, requestId: String?, operation: String, rawBody: Data) {
        self.code = code
        self.message = message
        self.status = status
        self.requestId = requestId
        self.operation = operation
        self.rawBody = rawBody
    }

    public var description: String {
        var s = "\(operation) failed: \(code) (HTTP \(status))"
        if !message.isEmpty { s += ": \(message)" }
        if let requestId { s += " [request id \(requestId)]" }
        return s
    }
}

/// A failure that is not a service error: no credentials, connection refused or
/// reset, timeouts, a malformed response.
public struct AWSTransportError: Error, Sendable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        case connection, timeout, invalidResponse, configuration, credentials
    }
    public var kind: Kind
    public var message: String
    public var operation: String?

    public init(_ kind: Kind, _ message: String, operation: String? = nil) {
        self.kind = kind
        self.message = message
        self.operation = operation
    }

    public var description: String {
        if let operation { return "\(operation): \(message)" }
        return message
    }
}

extension AWSRequest {
    /// Encodes one path label for the wire as botocore does (`percent_encode(value,
    /// safe='')`): `arn:aws:connect:…/queue/q` → `arn%3Aaws%3Aconnect%3A…%2Fqueue%2Fq`,
    /// `fid:$SAVED` → `fid%3A%24SAVED`.
    public static func pathLabel(_ value: String) -> String {
        SigV4Signer.uriEncode(value)
    }
}
