import AWSClient
import ConnectAPI
import Foundation

/// Amazon Connect over an `AWSTransport`: turns each request value into a rest-json request
/// exactly as botocore does (`ConnectHTTPRequestParts`: method, percent-encoded path labels,
/// query members, JSON body of the body members only), decodes responses, and rethrows
/// service errors as `ConnectError`.
public struct ConnectClient: ConnectReader, ConnectWriter, Sendable {
    public let transport: any AWSTransport
    /// Fills `ClientToken` on CreateContactFlowModule when the caller left it out.
    let makeClientToken: @Sendable () -> String
    /// Connect is eventually consistent: right after a create, a call naming the new
    /// resource may get ResourceNotFoundException or InvalidRequestException. When set, the
    /// calls that follow creates in an apply (Update*, Associate*, Disassociate*, Tag*,
    /// Untag*, Create* that reference other resources) retry those codes a bounded number of
    /// times (`ConsistencyRetry.afterCreate`, ≈ 7.5 s at most).
    public var retriesAfterCreate: Bool

    public init(transport: any AWSTransport, retriesAfterCreate: Bool = false,
                makeClientToken: @escaping @Sendable () -> String = { UUID().uuidString.lowercased() }) {
        self.transport = transport
        self.retriesAfterCreate = retriesAfterCreate
        self.makeClientToken = makeClientToken
    }

    static let consistencySensitivePrefixes = ["Update", "Associate", "Disassociate", "Tag", "Untag", "Create"]

    public func send<R: ConnectReadRequest>(_ request: R) async throws -> R.Response {
        let data = try await perform(R.operation, input: WireJSON.encode(request))
        do {
            return try WireJSON.decode(R.Response.self, from: data, operation: R.operation.name)
        } catch let error as ConnectDecodingError {
            throw AWSTransportError(.invalidResponse, error.description, operation: error.operation)
        }
    }

    public func perform(_ operation: ConnectOperation, input: Data) async throws -> Data {
        let parts = try ConnectHTTPRequestParts(operation: operation, input: withClientToken(operation, input))
        let headers: [(name: String, value: String)] = parts.body.isEmpty ? [] : [(name: "Content-Type", value: "application/json")]
        var request = AWSRequest(operation: operation.name, method: operation.method, path: parts.path,
                                 query: parts.query.map { (name: $0.name, value: $0.value) }, headers: headers, body: parts.body)
        // A fingerprint tag carries the time of the write (`fp@<server time>`), filled in per attempt.
        if ServerTime.appears(in: parts.body) { request.stamp = { ServerTime.fill($0, time: $1) } }
        if retriesAfterCreate, Self.consistencySensitivePrefixes.contains(where: { operation.name.hasPrefix($0) }) {
            request.consistencyRetry = .afterCreate
        }
        do {
            return try await transport.send(request).body
        } catch let error as AWSServiceError {
            throw ConnectError(error)
        }
    }

    /// CreateContactFlowModule's idempotency token, generated when the input has none.
    func withClientToken(_ operation: ConnectOperation, _ input: Data) throws -> Data {
        guard operation == .createContactFlowModule,
              var object = try JSONSerialization.jsonObject(with: input) as? [String: Any],
              object["ClientToken"] == nil || object["ClientToken"] is NSNull else { return input }
        object["ClientToken"] = makeClientToken()
        return try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
    }
}

extension ConnectError {
    /// The typed form of a service error response.
    public init(_ error: AWSServiceError) {
        self.init(code: error.code, message: error.message, status: error.status, requestId: error.requestId,
                  operation: error.operation, rawBody: error.rawBody)
    }
}
