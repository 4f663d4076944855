import Foundation
import SigV4

/// A service endpoint: scheme, host, port and an optional base path. Plain `http://`
/// is accepted only for loopback hosts (127.0.0.0/8, ::1, localhost), unless a caller
/// explicitly allows another fixed host (the ECS container endpoint).
public struct AWSEndpoint: Sendable, Equatable, CustomStringConvertible {
    public var scheme: String
    public var host: String
    public var port: Int?
    /// Without a trailing slash; empty for none.
    public var basePath: String

    public init(_ string: String, allowInsecureHosts: Set<String> = []) throws {
        guard let components = URLComponents(string: string), let scheme = components.scheme?.lowercased(),
              let host = components.host, !host.isEmpty else {
            throw AWSTransportError(.configuration, "invalid endpoint URL '\(string)': expected scheme://host[:port][/path]")
        }
        guard scheme == "https" || scheme == "http" else {
            throw AWSTransportError(.configuration, "invalid endpoint URL '\(string)': scheme must be https (or http for a loopback host)")
        }
        if components.query != nil || components.fragment != nil {
            throw AWSTransportError(.configuration, "invalid endpoint URL '\(string)': no query or fragment allowed")
        }
        let bareHost = host.hasPrefix("[") ? String(host.dropFirst().dropLast()) : host
        if scheme == "http", !Self.isLoopback(bareHost), !allowInsecureHosts.contains(bareHost.lowercased()) {
            throw AWSTransportError(.configuration, "refusing plain http:// endpoint '\(string)': http is allowed only for loopback hosts (127.0.0.0/8, ::1, localhost); use https")
        }
        self.scheme = scheme
        self.host = bareHost
        self.port = components.port
        var path = components.percentEncodedPath
        while path.hasSuffix("/") { path.removeLast() }
        self.basePath = path
    }

    /// The default Connect endpoint of a region (endpoint-rule-set, connect-api.md §0):
    /// `connect.{region}.amazonaws.com`; FIPS `connect-fips.{region}.amazonaws.com`
    /// (in aws-us-gov the normal host is FIPS); dual-stack `connect[-fips].{region}.api.aws`.
    public static func connect(region: String, fips: Bool = false, dualStack: Bool = false) throws -> AWSEndpoint {
        let govCloud = region.hasPrefix("us-gov-")
        let name = fips && (dualStack || !govCloud) ? "connect-fips" : "connect"
        let domain = dualStack ? "api.aws" : "amazonaws.com"
        return try AWSEndpoint("https://\(name).\(region).\(domain)")
    }

    public static func isLoopback(_ host: String) -> Bool {
        let h = host.lowercased()
        if h == "localhost" || h.hasSuffix(".localhost") || h == "::1" || h == "0:0:0:0:0:0:0:1" { return true }
        let parts = h.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts[0] == "127" && parts.allSatisfy { UInt8($0) != nil }
    }

    var hostForURL: String { host.contains(":") ? "[\(host)]" : host }

    /// `Host` header value: the port only when it is not the scheme's default.
    public var hostHeader: String {
        if let port, !(scheme == "https" && port == 443) && !(scheme == "http" && port == 80) {
            return "\(hostForURL):\(port)"
        }
        return hostForURL
    }

    /// The wire path of a request path (`/queues/…`) under the base path.
    public func fullPath(_ requestPath: String) -> String {
        basePath + (requestPath.hasPrefix("/") ? requestPath : "/" + requestPath)
    }

    /// A full URL for an already-prefixed wire path and an already-encoded query string.
    public func url(path: String, query: [(name: String, value: String)]) -> String {
        var s = "\(scheme)://\(hostForURL)"
        if let port { s += ":\(port)" }
        s += path
        if !query.isEmpty {
            s += "?" + query.map { "\(SigV4Encoding.encode($0.name))=\(SigV4Encoding.encode($0.value))" }.joined(separator: "&")
        }
        return s
    }

    public var description: String {
        var s = "\(scheme)://\(hostForURL)"
        if let port { s += ":\(port)" }
        return s + basePath
    }
}

enum SigV4Encoding {
    static func encode(_ s: String) -> String { SigV4Signer.uriEncode(s) }
}
