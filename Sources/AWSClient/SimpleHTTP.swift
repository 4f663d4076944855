import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// A small one-shot HTTP helper for credential endpoints (STS, container, IMDS).
struct SimpleHTTP: Sendable {
    let client: HTTPClient

    struct Response: Sendable {
        var status: Int
        var headers: [(name: String, value: String)]
        var body: Data
    }

    func send(method: String, url: String, headers: [(name: String, value: String)] = [], body: Data = Data(),
              timeout: Double) async throws -> Response {
        var request = HTTPClientRequest(url: url)
        request.method = HTTPMethod(rawValue: method)
        for h in headers { request.headers.add(name: h.name, value: h.value) }
        if !body.isEmpty { request.body = .bytes(ByteBuffer(bytes: body)) }
        let response = try await client.execute(request, timeout: .milliseconds(Int64(timeout * 1000)))
        let bytes = try await response.body.collect(upTo: 1 << 20)
        return Response(status: Int(response.status.code),
                        headers: response.headers.map { (name: $0.name, value: $0.value) },
                        body: Data(bytes.readableBytesView))
    }
}

/// Minimal XML helpers for the STS query-protocol responses (no XML library needed).
enum SimpleXML {
    /// The text of the first `<name>…</name>` element inside `scope` (or anywhere), unescaped.
    static func text(_ name: String, in xml: String, within scope: String? = nil) -> String? {
        var haystack = Substring(xml)
        if let scope, let inner = element(scope, in: haystack) { haystack = inner }
        return element(name, in: haystack).map { unescape(String($0)) }
    }

    private static func element(_ name: String, in xml: Substring) -> Substring? {
        guard let open = xml.range(of: "<\(name)>") else { return nil }
        guard let close = xml.range(of: "</\(name)>", range: open.upperBound..<xml.endIndex) else { return nil }
        return xml[open.upperBound..<close.lowerBound]
    }

    static func unescape(_ s: String) -> String {
        guard s.contains("&") else { return s.trimmingCharacters(in: .whitespacesAndNewlines) }
        return s.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&apos;", with: "'")
            .replacingOccurrences(of: "&#xD;", with: "\r").replacingOccurrences(of: "&#xA;", with: "\n")
            .replacingOccurrences(of: "&amp;", with: "&")
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

/// ISO 8601 timestamps as STS, ECS and IMDS send them.
enum ISO8601 {
    static func parse(_ s: String) -> Date? {
        let plain = ISO8601DateFormatter()
        if let d = plain.date(from: s) { return d }
        let fractional = ISO8601DateFormatter()
        fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return fractional.date(from: s)
    }
}
