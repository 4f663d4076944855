import Foundation

/// A Connect operation as botocore's model binds it to HTTP: its name, method, URI template
/// (labels are input members: `/queues/{InstanceId}/{QueueId}/max-contacts`), the input members
/// sent in the query string, and whether the input has body members. The catalog of the
/// operations Patchbay calls is generated from the model (`ConnectOperation+Catalog.swift`).
///
/// Operations are values: a caller builds the input as one JSON object of all its members
/// (path, query and body alike) and `ConnectWriter.perform` sends it, so a plan can hold the
/// exact calls apply will make.
public struct ConnectOperation: Sendable, Hashable, CustomStringConvertible {
    public let name: String
    public let method: String
    public let uri: String
    /// Input members sent in the query string, in the model's order: (member, query name).
    public let query: [QueryMember]
    /// Whether the input shape has members in the body (rest-json then sends at least `{}`).
    public let hasBody: Bool

    public struct QueryMember: Sendable, Hashable {
        public let member: String
        public let name: String
    }

    public init(_ name: String, _ method: String, _ uri: String, query: [(String, String)] = [], body: Bool = true) {
        self.name = name
        self.method = method
        self.uri = uri
        self.query = query.map { QueryMember(member: $0.0, name: $0.1) }
        self.hasBody = body
    }

    public var description: String { name }

    public static func == (a: ConnectOperation, b: ConnectOperation) -> Bool { a.name == b.name }
    public func hash(into hasher: inout Hasher) { hasher.combine(name) }
}

/// An operation's input turned into the parts of an HTTP request the rest-json way
/// (botocore's `RestJSONSerializer`): labels percent-encoded into the path, query members
/// (a list repeats its key), and the remaining members as the JSON body.
public struct ConnectHTTPRequestParts: Sendable, Equatable {
    public var path: String
    public var query: [QueryItem]
    /// Empty when the operation has no body members.
    public var body: Data

    public struct QueryItem: Sendable, Equatable {
        public var name: String
        public var value: String
    }

    public init(operation: ConnectOperation, input: Data) throws {
        let object: [String: Any]
        if input.isEmpty {
            object = [:]
        } else {
            guard let parsed = try JSONSerialization.jsonObject(with: input, options: [.fragmentsAllowed]) as? [String: Any] else {
                throw ConnectInputError(operation: operation.name, message: "input is not a JSON object")
            }
            object = parsed
        }
        var rest = object
        path = try Self.render(operation, object)
        for label in Self.labels(in: operation.uri) { rest[label.member] = nil }
        query = []
        for member in operation.query {
            guard let value = rest.removeValue(forKey: member.member), !(value is NSNull) else { continue }
            for text in try Self.queryValues(value, operation: operation.name, member: member.member) {
                query.append(QueryItem(name: member.name, value: text))
            }
        }
        if !rest.isEmpty {
            body = try JSONSerialization.data(withJSONObject: rest, options: [.sortedKeys, .withoutEscapingSlashes])
        } else {
            body = operation.hasBody ? Data("{}".utf8) : Data()
        }
    }

    static func labels(in uri: String) -> [(member: String, greedy: Bool)] {
        var out: [(String, Bool)] = []
        var rest = Substring(uri)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            var name = String(rest[rest.index(after: open)..<close])
            let greedy = name.hasSuffix("+")
            if greedy { name.removeLast() }
            out.append((name, greedy))
            rest = rest[rest.index(after: close)...]
        }
        return out
    }

    private static func render(_ operation: ConnectOperation, _ object: [String: Any]) throws -> String {
        var path = operation.uri
        for label in labels(in: operation.uri) {
            guard let value = object[label.member] as? String, !value.isEmpty else {
                throw ConnectInputError(operation: operation.name, message: "missing URI member \(label.member)")
            }
            let token = "{" + label.member + (label.greedy ? "+" : "") + "}"
            path = path.replacingOccurrences(of: token, with: percentEncode(value, keepSlash: label.greedy))
        }
        return path
    }

    private static func queryValues(_ value: Any, operation: String, member: String) throws -> [String] {
        switch value {
        case let list as [Any]: return try list.flatMap { try queryValues($0, operation: operation, member: member) }
        case let s as String: return [s]
        case let n as NSNumber:
            if String(cString: n.objCType) == "c" { return [n.boolValue ? "true" : "false"] }
            return [n.stringValue]
        default: throw ConnectInputError(operation: operation, message: "query member \(member) is not a scalar")
        }
    }

    /// RFC 3986 unreserved characters stay (and `/` and `~` for a greedy label, as botocore's
    /// `percent_encode(value, safe='/~')`); every other byte of the UTF-8 form becomes `%XX`.
    public static func percentEncode(_ label: String, keepSlash: Bool = false) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(label.utf8.count * 3)
        for byte in label.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                bytes.append(byte)
            case UInt8(ascii: "/") where keepSlash:
                bytes.append(byte)
            default:
                bytes.append(UInt8(ascii: "%"))
                bytes.append(hex[Int(byte >> 4)])
                bytes.append(hex[Int(byte & 0x0F)])
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// An operation input that cannot be sent (a URI member missing, a query member that is an object).
public struct ConnectInputError: Error, Sendable, CustomStringConvertible {
    public var operation: String
    public var message: String
    public var description: String { "\(operation): \(message)" }
}
