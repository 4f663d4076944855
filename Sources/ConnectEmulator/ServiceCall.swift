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

/// Opaque pagination tokens: base64 of the operation, a hash of the request's filters,
/// the instance's token secret and the sort key of the last item returned. The next page
/// starts after that key, so items deleted (or added) between pages never shift it:
/// nothing is skipped or repeated. A token from another operation, filter or instance
/// (or an old offset token, `pbemu1`) is refused with InvalidParameterException.
enum PageToken {
    static func make(operation: String, scope: String, after key: [String], secret: String) -> String {
        let k = JSONValue.array(key.map { .string($0) }).serialized()
        return Data("pbemu2|\(operation)|\(digest(scope))|\(secret.prefix(8))|".utf8 + k).base64EncodedString()
    }

    static func read(_ token: String, operation: String, scope: String, secret: String) throws -> [String] {
        let invalid = ConnectError.invalidParameter("The NextToken is not valid.")
        guard let data = Data(base64Encoded: token), let text = String(data: data, encoding: .utf8) else { throw invalid }
        let parts = text.split(separator: "|", maxSplits: 4, omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 5, parts[0] == "pbemu2", parts[1] == operation, parts[2] == digest(scope),
              parts[3] == String(secret.prefix(8)),
              let key = (try? JSONValue.parse(Data(parts[4].utf8)))?.arrayValue?.compactMap(\.stringValue) else {
            throw invalid
        }
        return key
    }

    private static func digest(_ scope: String) -> String { String(SHA256Digest.hex(Array(scope.utf8)).prefix(16)) }
}
