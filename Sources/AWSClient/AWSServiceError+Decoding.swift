import Foundation

/// The error codes Connect returns for the operations Patchbay calls (connect-api.md §2).
public enum ConnectErrorCode: String, Sendable, CaseIterable {
    case throttling = "ThrottlingException"
    case internalService = "InternalServiceException"
    case invalidParameter = "InvalidParameterException"
    case resourceNotFound = "ResourceNotFoundException"
    case invalidRequest = "InvalidRequestException"
    case duplicateResource = "DuplicateResourceException"
    case accessDenied = "AccessDeniedException"
    case limitExceeded = "LimitExceededException"
    case resourceInUse = "ResourceInUseException"
    case serviceQuotaExceeded = "ServiceQuotaExceededException"
    case invalidContactFlow = "InvalidContactFlowException"
    case invalidContactFlowModule = "InvalidContactFlowModuleException"
    case contactFlowNotPublished = "ContactFlowNotPublishedException"
    case idempotency = "IdempotencyException"
    case resourceConflict = "ResourceConflictException"
    case conditionalOperationFailed = "ConditionalOperationFailedException"
    case resourceNotReady = "ResourceNotReadyException"
    case tooManyRequests = "TooManyRequestsException"
    case conflict = "ConflictException"
    case userNotFound = "UserNotFoundException"
}

extension AWSServiceError {
    /// Decodes a non-2xx restJson1 response (connect-api.md §2; botocore
    /// `RestJSONParser._inject_error_code`): the code comes from the `x-amzn-ErrorType`
    /// header, else body `code`/`Code`, else body `__type`, else `HTTP <status>`;
    /// it is sanitised. Message from `message`/`Message`; request id from
    /// `x-amzn-RequestId`. The raw body is kept.
    public static func decode(status: Int, headers: [(name: String, value: String)], body: Data,
                              operation: String) -> AWSServiceError {
        func header(_ name: String) -> String? {
            headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
        }
        let json = (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] ?? [:]
        var raw: String?
        if let h = header("x-amzn-ErrorType"), !h.isEmpty {
            raw = h
        } else if let c = (json["code"] ?? json["Code"]) as? String, !c.isEmpty {
            raw = c
        } else if let t = json["__type"] as? String, !t.isEmpty {
            raw = t
        } else if let c = xmlElement("Code", in: body) {
            raw = c  // S3's errors are XML: <Error><Code>NoSuchKey</Code><Message>…</Message></Error>
        }
        let code = raw.map(sanitizeErrorCode) ?? "HTTP \(status)"
        let message = (json["message"] ?? json["Message"]) as? String ?? xmlElement("Message", in: body) ?? ""
        return AWSServiceError(code: code, message: message, status: status,
                               requestId: header("x-amzn-RequestId") ?? header("x-amz-request-id"),
                               operation: operation, rawBody: body)
    }

    /// The text of the first `<name>…</name>` of an XML error body.
    static func xmlElement(_ name: String, in body: Data) -> String? {
        guard body.first == UInt8(ascii: "<"), let text = String(data: body.prefix(4096), encoding: .utf8),
              let open = text.range(of: "<\(name)>"), let close = text.range(of: "</\(name)>", range: open.upperBound..<text.endIndex)
        else { return nil }
        return String(text[open.upperBound..<close.lowerBound])
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
    }

    /// Cuts at the first `:` (drops `:http://internal.amazon.com/...`), then keeps the
    /// text after the last `#` (drops `com.amazonaws.connect#`).
    public static func sanitizeErrorCode(_ raw: String) -> String {
        var code = Substring(raw)
        if let colon = code.firstIndex(of: ":") { code = code[..<colon] }
        if let hash = code.lastIndex(of: "#") { code = code[code.index(after: hash)...] }
        return code.trimmingCharacters(in: .whitespaces)
    }

    /// The code as a known Connect error, when it is one.
    public var connectCode: ConnectErrorCode? { ConnectErrorCode(rawValue: code) }

    private var jsonBody: [String: Any] {
        (try? JSONSerialization.jsonObject(with: rawBody)) as? [String: Any] ?? [:]
    }

    /// `problems` of InvalidContactFlowException (`Problems` of the module variant):
    /// the message of each problem.
    public var problems: [String] {
        let body = jsonBody
        let list = (body["problems"] ?? body["Problems"]) as? [[String: Any]] ?? []
        return list.map { ($0["message"] ?? $0["Message"]) as? String ?? "" }
    }

    /// `Reason` of InvalidRequestException / ServiceQuotaExceededException (a string or
    /// an object such as `{"AttachedFileInvalidRequestExceptionReason": "…"}`).
    public var reason: String? {
        let body = jsonBody
        switch body["Reason"] ?? body["reason"] {
        case let s as String: return s
        case let o as [String: Any]:
            return o.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ")
        default: return nil
        }
    }

    /// `ResourceType` / `ResourceId` of ResourceInUseException.
    public var resourceType: String? { jsonBody["ResourceType"] as? String }
    public var resourceId: String? { jsonBody["ResourceId"] as? String }

    /// Throttling per the SDKs' standard retry mode, plus any HTTP 429.
    public var isThrottling: Bool { RetryPolicy.throttlingCodes.contains(code) || status == 429 }
}
