import Foundation

/// A typed Amazon Connect service error (the HTTP client builds it from the transport's error).
/// Keeps everything the service said: code, message, HTTP status, request id, raw body.
public struct ConnectError: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        case throttling
        case resourceNotFound
        case duplicateResource
        /// `ResourceType` and `ResourceId` from the error body, when sent.
        case resourceInUse(resourceType: String?, resourceId: String?)
        case invalidParameter
        /// `Reason` (a union in the model) flattened to `Member: value` text, when sent.
        case invalidRequest(reason: String?)
        case limitExceeded
        case serviceQuotaExceeded(reason: String?)
        case accessDenied
        /// `problems` (lower-case in the model) `[{"message": …}]`.
        case invalidContactFlow(problems: [String])
        /// `Problems` `[{"message": …}]`.
        case invalidContactFlowModule(problems: [String])
        case contactFlowNotPublished
        case idempotency
        case resourceConflict
        case internalService
        /// Any other error code, as sent (sanitised).
        case other(code: String)
    }

    public var kind: Kind
    /// Sanitised error code (`ResourceInUseException`).
    public var code: String
    public var message: String
    public var status: Int
    public var requestId: String?
    public var operation: String
    public var rawBody: Data

    public init(kind: Kind, code: String, message: String, status: Int, requestId: String?,
                operation: String, rawBody: Data) {
        self.kind = kind
        self.code = code
        self.message = message
        self.status = status
        self.requestId = requestId
        self.operation = operation
        self.rawBody = rawBody
    }

    /// Classifies a service error response by its code, reading details from its body.
    public init(code: String, message: String, status: Int, requestId: String?, operation: String, rawBody: Data) {
        let body = (try? JSONSerialization.jsonObject(with: rawBody)) as? [String: Any] ?? [:]
        func string(_ key: String) -> String? { body[key] as? String }
        func problems(_ key: String) -> [String] {
            (body[key] as? [Any] ?? []).compactMap { item in
                if let dict = item as? [String: Any] {
                    return (dict["message"] ?? dict["Message"]) as? String
                }
                return item as? String
            }
        }
        func reason() -> String? {
            guard let value = body["Reason"] else { return nil }
            if let s = value as? String { return s }
            if let dict = value as? [String: Any] {
                return dict.keys.sorted().map { "\($0): \(dict[$0].map { "\($0)" } ?? "")" }
                    .joined(separator: ", ")
            }
            return "\(value)"
        }

        let kind: Kind
        switch code {
        case "ThrottlingException", "TooManyRequestsException": kind = .throttling
        case "ResourceNotFoundException": kind = .resourceNotFound
        case "DuplicateResourceException": kind = .duplicateResource
        case "ResourceInUseException":
            kind = .resourceInUse(resourceType: string("ResourceType"), resourceId: string("ResourceId"))
        case "InvalidParameterException": kind = .invalidParameter
        case "InvalidRequestException": kind = .invalidRequest(reason: reason())
        case "LimitExceededException": kind = .limitExceeded
        case "ServiceQuotaExceededException": kind = .serviceQuotaExceeded(reason: reason())
        case "AccessDeniedException": kind = .accessDenied
        case "InvalidContactFlowException": kind = .invalidContactFlow(problems: problems("problems"))
        case "InvalidContactFlowModuleException":
            kind = .invalidContactFlowModule(problems: problems("Problems"))
        case "ContactFlowNotPublishedException": kind = .contactFlowNotPublished
        case "IdempotencyException": kind = .idempotency
        case "ResourceConflictException": kind = .resourceConflict
        case "InternalServiceException": kind = .internalService
        default: kind = .other(code: code)
        }
        self.init(kind: kind, code: code, message: message, status: status, requestId: requestId,
                  operation: operation, rawBody: rawBody)
    }

    /// The resource does not exist (or not yet: Connect is eventually consistent).
    public var isNotFound: Bool {
        if case .resourceNotFound = kind { return true }
        return false
    }

    public var isThrottling: Bool {
        if case .throttling = kind { return true }
        return false
    }

    public var description: String {
        var s = "\(operation) failed: \(code) (HTTP \(status))"
        if !message.isEmpty { s += ": \(message)" }
        switch kind {
        case let .resourceInUse(type, id):
            if type != nil || id != nil { s += " [resource \(type ?? "?") \(id ?? "?")]" }
        case let .invalidContactFlow(problems), let .invalidContactFlowModule(problems):
            if !problems.isEmpty { s += " — " + problems.joined(separator: "; ") }
        case let .invalidRequest(reason?), let .serviceQuotaExceeded(reason?):
            s += " [\(reason)]"
        default: break
        }
        if let requestId { s += " [request id \(requestId)]" }
        return s
    }
}

/// Pagination went wrong on the client side: the service handed back a token it had
/// already given, which would otherwise loop forever.
public struct ConnectPaginationError: Error, Sendable, CustomStringConvertible {
    public var operation: String
    public var token: String

    public init(operation: String, token: String) {
        self.operation = operation
        self.token = token
    }

    public var description: String {
        "\(operation): the service returned a pagination token it had already returned; stopping to avoid an endless loop"
    }
}

/// A response body that does not decode as the operation's output (the HTTP client reports
/// it as an invalid response).
public struct ConnectDecodingError: Error, Sendable, CustomStringConvertible {
    public var operation: String
    public var message: String
    public var description: String { "cannot decode \(operation) response: \(message)" }
}
