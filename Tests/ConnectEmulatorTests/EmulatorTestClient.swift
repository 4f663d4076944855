import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
@testable import ConnectEmulator
import SigV4

/// A small HTTP client for the tests: real loopback HTTP, SigV4-signed with the shared
/// signer (as botocore would sign), JSON in and out.
struct EmulatorTestClient: Sendable {
    struct Response: Sendable {
        var status: Int
        var headers: [String: String]
        var json: JSONValue?
        var errorType: String? { headers["x-amzn-errortype"] }
        var requestId: String? { headers["x-amzn-requestid"] }
    }

    struct Dropped: Error {}

    let base: URL
    var accessKeyId = "test"
    var secretAccessKey = "test"
    var region = "us-east-1"
    var sign = true

    static let session: URLSession = {
        let c = URLSessionConfiguration.ephemeral
        c.timeoutIntervalForRequest = 30
        return URLSession(configuration: c)
    }()

    /// `path` is the wire path: labels already percent-encoded (use `label(_:)`).
    func call(_ method: String, _ path: String, query: [(String, String)] = [], body: JSONValue? = nil) async throws -> Response {
        let bodyData = body.map { $0.serialized() } ?? Data()
        let queryString = query.map { "\(SigV4Signer.uriEncode($0.0))=\(SigV4Signer.uriEncode($0.1))" }.joined(separator: "&")
        let url = URL(string: base.absoluteString + path + (queryString.isEmpty ? "" : "?" + queryString))!
        var request = URLRequest(url: url)
        request.httpMethod = method
        if body != nil {
            request.httpBody = bodyData
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        if sign {
            let host = "\(base.host ?? "127.0.0.1"):\(base.port ?? 80)"
            var headers: [(name: String, value: String)] = [(name: "Host", value: host)]
            if body != nil { headers.append((name: "Content-Type", value: "application/json")) }
            let signer = SigV4Signer(credentials: SigV4Credentials(accessKeyId: accessKeyId, secretAccessKey: secretAccessKey),
                                     region: region, service: "connect")
            let signature = signer.sign(method: method, path: path, query: query.map { (name: $0.0, value: $0.1) },
                                        headers: headers, body: bodyData, date: Date())
            for h in signature.headersToAdd { request.setValue(h.value, forHTTPHeaderField: h.name) }
        }
        let (data, response): (Data, URLResponse)
        do {
            (data, response) = try await Self.session.data(for: request)
        } catch {
            throw Dropped()
        }
        guard let http = response as? HTTPURLResponse else { throw Dropped() }
        var headers: [String: String] = [:]
        for (k, v) in http.allHeaderFields { headers["\(k)".lowercased()] = "\(v)" }
        let json = data.isEmpty ? nil : try? JSONValue.parse(data)
        return Response(status: http.statusCode, headers: headers, json: json)
    }

    static func label(_ s: String) -> String { SigV4Signer.uriEncode(s) }

    /// S3 PutObject, path style (`/bucket/key`), signed for `s3`; returns the status.
    func putObject(_ path: String, _ body: Data) async throws -> Int {
        var request = URLRequest(url: URL(string: base.absoluteString + path)!)
        request.httpMethod = "PUT"
        request.httpBody = body
        let host = "\(base.host ?? "127.0.0.1"):\(base.port ?? 80)"
        let signer = SigV4Signer(credentials: SigV4Credentials(accessKeyId: accessKeyId, secretAccessKey: secretAccessKey),
                                 region: region, service: "s3")
        let signature = signer.sign(method: "PUT", path: path, query: [], headers: [(name: "Host", value: host)], body: body, date: Date())
        for h in signature.headersToAdd { request.setValue(h.value, forHTTPHeaderField: h.name) }
        let (_, response) = try await Self.session.data(for: request)
        return (response as? HTTPURLResponse)?.statusCode ?? 0
    }
}

/// Starts an emulator on an ephemeral port and tears it down after the body.
func withEmulator<T: Sendable>(_ configure: (inout EmulatorConfiguration) -> Void = { _ in },
                               _ body: (EmulatorTestClient, String) async throws -> T) async throws -> T {
    var config = EmulatorConfiguration()
    config.randomSeed = 42
    configure(&config)
    let server = EmulatorServer(configuration: config)
    let url = try await server.start()
    do {
        let result = try await body(EmulatorTestClient(base: url), server.instanceId)
        try await server.shutdown()
        return result
    } catch {
        try? await server.shutdown()
        throw error
    }
}

extension JSONValue {
    /// `a.b.0.c` style lookup for assertions.
    func at(_ path: String) -> JSONValue? {
        var cur: JSONValue? = self
        for part in path.split(separator: ".") {
            if let i = Int(part), let a = cur?.arrayValue { cur = i < a.count ? a[i] : nil } else { cur = cur?[String(part)] }
        }
        return cur
    }

    func names(_ listKey: String, nameKey: String = "Name") -> [String] {
        (self[listKey]?.arrayValue ?? []).compactMap { $0[nameKey]?.stringValue }
    }
}
