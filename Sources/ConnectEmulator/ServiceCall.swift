import Foundation

/// One decoded operation call: path labels (percent-decoded), query and JSON body.
struct ServiceCall: Sendable {
    var operation: String
    var params: [String: String]
    var query: [String: [String]]
    var body: [String: JSONValue]

    func label(_ name: String) -> String { params[name] ?? "" }

    func string(_ key: String) -> String? { body[key]?.stringValue }

    func requiredString(_ key: String) throws -> String {
        guard let v = body[key], !v.isNull else { throw ConnectError.invalidParameter("\(key) is required") }
        guard let s = v.stringValue else { throw ConnectError.invalidParameter("\(key) must be a string") }
        return s
    }

    func int(_ key: String) throws -> Int? {
        guard let v = body[key], !v.isNull else { return nil }
        guard let i = v.intValue else { throw ConnectError.invalidParameter("\(key) must be an integer") }
        return i
    }

    func stringList(_ key: String) throws -> [String]? {
        guard let v = body[key], !v.isNull else { return nil }
        guard let a = v.arrayValue else { throw ConnectError.invalidParameter("\(key) must be a list") }
        return try a.map {
            guard let s = $0.stringValue else { throw ConnectError.invalidParameter("\(key) must be a list of strings") }
            return s
        }
    }

    func queryValue(_ key: String) -> String? { query[key]?.first }

    func queryInt(_ key: String) throws -> Int? {
        guard let s = queryValue(key) else { return nil }
        guard let i = Int(s) else { throw ConnectError.invalidParameter("\(key) must be an integer") }
        return i
    }
}

/// Opaque pagination tokens: base64 of the operation, scope and offset, bound to the
/// instance's token secret so a token from another operation or instance is refused.
enum PageToken {
    static func make(operation: String, scope: String, offset: Int, secret: String) -> String {
        Data("pbemu1|\(operation)|\(scope)|\(offset)|\(secret.prefix(8))".utf8).base64EncodedString()
    }

    static func read(_ token: String, operation: String, scope: String, secret: String) throws -> Int {
        guard let data = Data(base64Encoded: token), let text = String(data: data, encoding: .utf8) else {
            throw ConnectError.invalidParameter("The NextToken is not valid.")
        }
        let parts = text.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 5, parts[0] == "pbemu1", parts[1] == operation, parts[2] == scope,
              parts[4] == String(secret.prefix(8)), let offset = Int(parts[3]), offset >= 0 else {
            throw ConnectError.invalidParameter("The NextToken is not valid.")
        }
        return offset
    }
}
