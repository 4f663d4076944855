import Foundation

/// Keeps every operation to the errors botocore's model lists for it (`listed`, generated
/// by scripts/conformance/model_errors.py). An operation's checks share code across kinds,
/// so a check can raise a code the model does not list for that operation (e.g. the
/// duplicate-name check in UpdatePrompt, whose model lists no DuplicateResourceException).
/// Such an error becomes InvalidParameterException ("One or more of the specified
/// parameters are not valid.") when the operation lists it, otherwise
/// InvalidRequestException ("The request is not valid."), keeping its message.
///
/// Not remapped, with the reason:
/// - ThrottlingException and InternalServiceException from the realism knobs: the API
///   reference's Common Errors apply to every action (throttling, internal failure), and
///   ListInstances/DescribeInstance, which do not list ThrottlingException, are throttled by
///   the front door like any call.
/// - ResourceInUseException from DeleteHoursOfOperation: the model's shape documentation
///   names it ("If you are trying to delete a resource (for example,
///   DeleteHoursOfOperation or DeletePredefinedAttribute), remove its reference from
///   related resources and then try again."), though the operation does not list it.
/// - Front-door errors (signatures, unknown routes, SerializationException) never reach here.
enum ModelErrors {
    static let documentedExtras: [String: Set<String>] = ["DeleteHoursOfOperation": ["ResourceInUseException"]]

    static let listed: [String: Set<String>] = {
        guard let o = (try? JSONValue.parse(Data(listedJSON.utf8)))?.objectValue else { fatalError("ModelErrors.listedJSON is not JSON") }
        return o.mapValues { Set(($0.arrayValue ?? []).compactMap(\.stringValue)) }
    }()

    static func allowed(_ operation: String) -> Set<String>? {
        guard let listed = listed[operation] else { return nil }
        return listed.union(documentedExtras[operation] ?? [])
    }

    static func conform(_ error: Error, operation: String) -> Error {
        guard var e = error as? ConnectError, let allowed = allowed(operation), !allowed.contains(e.code) else { return error }
        e.code = allowed.contains("InvalidParameterException") ? "InvalidParameterException" : "InvalidRequestException"
        e.status = 400
        e.extra = [:]
        return e
    }
}
