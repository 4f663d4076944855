import Foundation

/// A string-valued model enum that stays open: values the service adds later decode
/// instead of failing the whole response.
public protocol ConnectStringEnum: RawRepresentable, Codable, Hashable, Sendable,
    ExpressibleByStringLiteral, CustomStringConvertible where RawValue == String {
    init(rawValue: String)
}

extension ConnectStringEnum {
    public init(stringLiteral value: String) { self.init(rawValue: value) }
    public init(from decoder: Decoder) throws {
        self.init(rawValue: try decoder.singleValueContainer().decode(String.self))
    }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(rawValue)
    }
    public var description: String { rawValue }
}

/// JSON encoding and decoding the rest-json way: PascalCase member names as declared,
/// timestamps as epoch seconds (JSON numbers, possibly fractional), nil members omitted.
public enum WireJSON {
    public static func encoder() -> JSONEncoder {
        let e = JSONEncoder()
        e.dateEncodingStrategy = .secondsSince1970
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return e
    }

    public static func decoder() -> JSONDecoder {
        let d = JSONDecoder()
        d.dateDecodingStrategy = .secondsSince1970
        return d
    }

    public static func encode<T: Encodable>(_ value: T) throws -> Data {
        try encoder().encode(value)
    }

    public static func decode<T: Decodable>(_ type: T.Type, from data: Data, operation: String) throws -> T {
        // Operations whose output is empty may answer with no body at all.
        let blank = data.allSatisfy { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }
        let body = blank ? Data("{}".utf8) : data
        do {
            return try decoder().decode(type, from: body)
        } catch {
            throw ConnectDecodingError(operation: operation, message: "\(error)")
        }
    }
}

/// A response with no members (HTTP 200 with an empty or `{}` body).
public struct EmptyResponse: Codable, Sendable, Equatable {
    public init() {}
}

/// A request path whose interpolated labels are percent-encoded with no safe
/// characters, as botocore's `percent_encode(value, safe='')` does:
/// `"/tags/\(arn)"` → `/tags/arn%3Aaws%3Aconnect%3A…`.
struct EncodedPath: ExpressibleByStringInterpolation, Sendable {
    var value: String

    init(stringLiteral value: String) { self.value = value }
    init(stringInterpolation: Interpolation) { self.value = stringInterpolation.value }

    struct Interpolation: StringInterpolationProtocol {
        var value = ""
        init(literalCapacity: Int, interpolationCount: Int) {
            value.reserveCapacity(literalCapacity + interpolationCount * 36)
        }
        mutating func appendLiteral(_ literal: String) { value += literal }
        mutating func appendInterpolation(_ label: String) { value += EncodedPath.encodeLabel(label) }
    }

    static func encodeLabel(_ label: String) -> String { ConnectHTTPRequestParts.percentEncode(label) }
}
