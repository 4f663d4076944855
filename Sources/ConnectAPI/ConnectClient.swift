import AWSClient
import Foundation

/// Amazon Connect over an `AWSTransport`: builds each rest-json request exactly as
/// botocore does (method, percent-encoded path labels, lower-camel query names, JSON body
/// of the body members only), decodes responses, and rethrows service errors as
/// `ConnectError`.
public struct ConnectClient: ConnectReader, ConnectWriter, Sendable {
    public let transport: any AWSTransport
    /// Fills `ClientToken` on CreateContactFlowModule when the caller left it nil.
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

    // MARK: Request plumbing

    /// Sends a request with a JSON body and decodes the response.
    func call<Body: Encodable, Output: Decodable>(
        _ operation: String, _ method: String, _ path: EncodedPath,
        query: [(name: String, value: String)] = [], body: Body, as output: Output.Type = Output.self
    ) async throws -> Output {
        let data = try WireJSON.encode(body)
        let request = AWSRequest(operation: operation, method: method, path: path.value, query: query,
                                 headers: [(name: "Content-Type", value: "application/json")], body: data)
        return try await send(request, as: output)
    }

    /// Sends a request without a body (GET, DELETE) and decodes the response.
    func call<Output: Decodable>(
        _ operation: String, _ method: String, _ path: EncodedPath,
        query: [(name: String, value: String)] = [], as output: Output.Type = Output.self
    ) async throws -> Output {
        let request = AWSRequest(operation: operation, method: method, path: path.value, query: query)
        return try await send(request, as: output)
    }

    public func perform(_ operation: ConnectOperation, input: Data) async throws -> Data {
        let parts = try ConnectHTTPRequestParts(operation: operation, input: input)
        let headers: [(name: String, value: String)] = parts.body.isEmpty ? [] : [(name: "Content-Type", value: "application/json")]
        let request = AWSRequest(operation: operation.name, method: operation.method, path: parts.path,
                                 query: parts.query.map { (name: $0.name, value: $0.value) }, headers: headers, body: parts.body)
        return try await sendRaw(request)
    }

    func sendRaw(_ request: AWSRequest) async throws -> Data {
        var request = request
        if retriesAfterCreate, request.consistencyRetry == nil,
           Self.consistencySensitivePrefixes.contains(where: { request.operation.hasPrefix($0) }) {
            request.consistencyRetry = .afterCreate
        }
        do {
            return try await transport.send(request).body
        } catch let error as AWSServiceError {
            throw ConnectError(error)
        }
    }

    func send<Output: Decodable>(_ request: AWSRequest, as output: Output.Type) async throws -> Output {
        try WireJSON.decode(output, from: try await sendRaw(request), operation: request.operation)
    }

    /// `nextToken` / `maxResults` query members of List* operations (only those set).
    func pageQuery(_ nextToken: String?, _ maxResults: Int?) -> [(name: String, value: String)] {
        var query: [(name: String, value: String)] = []
        if let nextToken { query.append((name: "nextToken", value: nextToken)) }
        if let maxResults { query.append((name: "maxResults", value: String(maxResults))) }
        return query
    }

    func required<T>(_ value: T?, _ member: String, _ operation: String) throws -> T {
        guard let value else {
            throw AWSTransportError(.invalidResponse, "\(operation) response has no \(member)", operation: operation)
        }
        return value
    }
}
