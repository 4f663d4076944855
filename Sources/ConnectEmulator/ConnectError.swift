import Foundation

/// An error as Connect returns it: restJson1, `x-amzn-ErrorType: <code>` plus a JSON body
/// `{"Message": …}` (and the shape's extra members, e.g. `ResourceType`/`ResourceId`).
/// The model's error shapes name the member `Message` (e.g. InvalidParameterException
/// `"members": {"Message": …}`); only the errors of the AWS front door, which the model
/// does not describe (signature errors, unknown routes, unparsable bodies), keep the
/// lower-case `message` they are sent with (`frontDoor`).
struct ConnectError: Error, Sendable {
    var code: String
    var status: Int
    var message: String
    var extra: [String: JSONValue] = [:]
    var messageKey = "Message"

    func body() -> JSONValue {
        var o = extra
        o[messageKey] = .string(message)
        return .object(o)
    }

    /// An error of the AWS front door (not a model shape): lower-case `message`.
    static func frontDoor(code: String, status: Int, message: String) -> ConnectError {
        .init(code: code, status: status, message: message, messageKey: "message")
    }

    static func invalidParameter(_ m: String) -> ConnectError { .init(code: "InvalidParameterException", status: 400, message: m) }
    static func invalidRequest(_ m: String) -> ConnectError { .init(code: "InvalidRequestException", status: 400, message: m) }
    static func notFound(_ m: String) -> ConnectError { .init(code: "ResourceNotFoundException", status: 404, message: m) }
    static func duplicate(_ m: String) -> ConnectError { .init(code: "DuplicateResourceException", status: 409, message: m) }
    static func limitExceeded(_ m: String) -> ConnectError { .init(code: "LimitExceededException", status: 429, message: m) }
    static func throttling() -> ConnectError { .init(code: "ThrottlingException", status: 429, message: "Rate exceeded") }
    static func internalError() -> ConnectError {
        .init(code: "InternalServiceException", status: 500, message: "Request processing failed because of an error or failure with the service.")
    }
    static func inUse(_ m: String, type: String, id: String) -> ConnectError {
        .init(code: "ResourceInUseException", status: 409, message: m,
              extra: ["ResourceType": .string(type), "ResourceId": .string(id)])
    }
    static func invalidFlow(_ problems: [String]) -> ConnectError {
        .init(code: "InvalidContactFlowException", status: 400, message: "The flow is not valid.",
              extra: ["problems": .array(problems.map { .object(["message": .string($0)]) })])
    }
    static func invalidModule(_ problems: [String]) -> ConnectError {
        .init(code: "InvalidContactFlowModuleException", status: 400, message: "The flow module is not valid.",
              extra: ["Problems": .array(problems.map { .object(["message": .string($0)]) })])
    }
}
