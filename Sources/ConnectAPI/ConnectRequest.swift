import Foundation

/// An operation's input as a value (soto's shape): its members are the model's input member
/// names (`InstanceId`, `QueueId`, `NextToken`, …), path, query and body alike, and the type
/// names the operation and what its response decodes to.
public protocol ConnectRequest: Encodable, Sendable {
    associatedtype Response: Decodable & Sendable
    static var operation: ConnectOperation { get }
}

/// A request that changes nothing (Describe*, List*, Search*, Get*): the only kind
/// `ConnectReader.send` accepts, so a dry run cannot write.
public protocol ConnectReadRequest: ConnectRequest {}

/// A read request answered one page at a time (`NextToken` / `MaxResults`).
public protocol ConnectPagedRequest: ConnectReadRequest where Response: ConnectPage {
    var NextToken: String? { get set }
    var MaxResults: Int? { get set }
    /// The largest `MaxResults` the operation accepts (the default page size).
    static var maxPageSize: Int { get }
}

/// Everything Patchbay reads from Amazon Connect. `plan` receives only a reader, so a
/// dry run cannot write.
public protocol ConnectReader: Sendable {
    /// The one read: sends `request` and decodes its response.
    func send<R: ConnectReadRequest>(_ request: R) async throws -> R.Response
}

/// Everything Patchbay changes in Amazon Connect. Only `apply` gets a writer.
public protocol ConnectWriter: ConnectReader {
    /// The one write primitive: sends `operation` with `input`, the JSON object of all its
    /// input members (URI, query and body alike, by their model names), and returns the
    /// response body. Apply runs planned calls through this, so what a plan lists is exactly
    /// what is sent.
    func perform(_ operation: ConnectOperation, input: Data) async throws -> Data
}

/// Both capabilities, for `apply`.
public typealias ConnectReaderWriter = ConnectReader & ConnectWriter

extension ConnectReader {
    /// The one pager: the pages of `request`, following `NextToken` until the service stops
    /// returning one. `pageSize` defaults to the operation's maximum.
    public func pages<R: ConnectPagedRequest>(_ request: R, pageSize: Int? = nil) -> ConnectPages<R.Response> {
        ConnectPages(operation: R.operation.name, pageSize: pageSize ?? R.maxPageSize) { token, size in
            var page = request
            page.NextToken = token
            page.MaxResults = size
            return try await self.send(page)
        }
    }
}

extension ConnectWriter {
    /// A typed write: encodes `request`, sends it through `perform`, decodes the response.
    public func write<R: ConnectRequest>(_ request: R) async throws -> R.Response {
        let data = try await perform(R.operation, input: WireJSON.encode(request))
        return try WireJSON.decode(R.Response.self, from: data, operation: R.operation.name)
    }

    /// A write whose input is `members` (identifiers such as `InstanceId`, `QueueId`) plus the
    /// members `input` encodes (a `Create*Request`, or a dictionary such as `["MaxContacts": 7]`).
    @discardableResult
    public func write<Input: Encodable & Sendable, Response: Decodable & Sendable>(
        _ operation: ConnectOperation, _ members: [String: String], _ input: Input,
        as response: Response.Type = EmptyResponse.self
    ) async throws -> Response {
        var object = try JSONSerialization.jsonObject(with: WireJSON.encode(input)) as? [String: Any] ?? [:]
        for (key, value) in members { object[key] = value }
        let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
        return try WireJSON.decode(response, from: try await perform(operation, input: data), operation: operation.name)
    }

    /// A write whose input is only identifiers (Delete*).
    public func write(_ operation: ConnectOperation, _ members: [String: String]) async throws {
        try await write(operation, members, EmptyResponse())
    }
}

/// A coding key known only at run time: a model member name such as `QueueId` or `Queues`.
public struct WireKey: CodingKey, Sendable, ExpressibleByStringLiteral {
    public var stringValue: String
    public var intValue: Int? { nil }
    public init(_ name: String) { stringValue = name }
    public init(stringValue: String) { self.stringValue = stringValue }
    public init?(intValue: Int) { nil }
    public init(stringLiteral value: String) { stringValue = value }
}
