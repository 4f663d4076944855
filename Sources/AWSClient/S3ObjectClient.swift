import Foundation
import Logging
import SigV4

/// The S3 object calls prompts need (PutObject, GetObject), signed with SigV4 for `s3` the way
/// botocore's `S3SigV4Auth` signs them (the payload's SHA-256 in `X-Amz-Content-SHA256`).
///
/// The endpoint is found as the AWS CLI finds S3's: `AWS_ENDPOINT_URL_S3`, then
/// `AWS_ENDPOINT_URL`, then the profile's `services` section (`s3 = endpoint_url = …`), then the
/// profile's `endpoint_url` (none of them when `AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true` or the
/// profile's `ignore_configured_endpoint_urls`), then Connect's `--endpoint-url` when it is a
/// loopback address (a local emulator, which serves S3 on the same port: the same assumption
/// that skips the instance-metadata credentials for loopback endpoints), else
/// `https://BUCKET.s3.REGION.amazonaws.com` (virtual-hosted style). A custom endpoint is addressed path style (`/BUCKET/KEY`), as local S3
/// services (and the embedded emulator) expect.
public struct S3ObjectClient: Sendable {
    public let bucket: String
    let transport: AWSHTTPTransport
    let pathStyle: Bool
    /// Where the endpoint came from, for messages.
    public let endpointDescription: String

    /// - Parameters:
    ///   - connect: the Connect configuration (region, credentials, retry policy, environment, files).
    ///   - endpoint: a fixed endpoint (the embedded emulator) instead of the resolution above.
    public init(bucket: String, connect: AWSClientConfiguration, endpoint fixed: AWSEndpoint? = nil,
                logger: Logger = Logger(label: "patchbay.s3")) throws {
        var configuration = connect
        let custom = try fixed.map { ($0, "embedded emulator") } ?? Self.configuredEndpoint(connect)
        if let (endpoint, source) = custom {
            configuration.endpoint = endpoint
            configuration.endpointSource = source
        } else {
            configuration.endpoint = try AWSEndpoint("https://\(bucket).s3.\(connect.region).amazonaws.com")
            configuration.endpointSource = "default"
        }
        configuration.service = "s3"
        configuration.rateLimits.enabled = false
        // A prompt may be 50 MB: one attempt may take longer than a Connect call.
        configuration.requestTimeout = max(connect.requestTimeout, 300)
        self.bucket = bucket
        self.pathStyle = custom != nil
        self.endpointDescription = "\(configuration.endpoint) (\(configuration.endpointSource))"
        self.transport = AWSHTTPTransport(configuration: configuration, logger: logger)
    }

    static func configuredEndpoint(_ connect: AWSClientConfiguration) throws -> (AWSEndpoint, String)? {
        let environment = connect.environment
        let profile = connect.credentialContext.files.profiles[connect.profileName] ?? [:]
        let ignore = environment["AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"]?.lowercased() == "true"
            || profile["ignore_configured_endpoint_urls"]?.lowercased() == "true"
        let services = profile["services"].flatMap { connect.credentialContext.files.services[$0] }
        let choices: [(String, String?)] = [
            ("AWS_ENDPOINT_URL_S3", environment["AWS_ENDPOINT_URL_S3"]),
            ("AWS_ENDPOINT_URL", environment["AWS_ENDPOINT_URL"]),
            ("config services '\(profile["services"] ?? "")' s3 endpoint_url", services?["s3"]?["endpoint_url"]),
            ("profile '\(connect.profileName)' endpoint_url", profile["endpoint_url"]),
        ]
        var all = ignore ? [] : choices
        if connect.endpointSource == "--endpoint-url", AWSEndpoint.isLoopback(connect.endpoint.host) {
            all.append(("--endpoint-url (a loopback address: a local emulator)", connect.endpoint.description))
        }
        for (source, value) in all {
            guard let url = value?.trimmingCharacters(in: .whitespaces), !url.isEmpty else { continue }
            do {
                return (try AWSEndpoint(url), source)
            } catch let error as AWSTransportError {
                throw AWSTransportError(.configuration, "\(error.message) (from \(source))")
            }
        }
        return nil
    }

    /// The request path of `key` (each segment percent-encoded once; S3 signs it as sent).
    func path(_ key: String) -> String {
        let encoded = SigV4Signer.uriEncode(key, keepSlash: true)
        return pathStyle ? "/\(SigV4Signer.uriEncode(bucket))/\(encoded)" : "/\(encoded)"
    }

    public func putObject(key: String, body: Data, contentType: String) async throws {
        let request = AWSRequest(operation: "PutObject", method: "PUT", path: path(key), query: [],
                                 headers: [(name: "Content-Type", value: contentType)], body: body)
        _ = try await transport.send(request)
    }

    public func getObject(key: String) async throws -> Data {
        let request = AWSRequest(operation: "GetObject", method: "GET", path: path(key), query: [], headers: [], body: Data())
        return try await transport.send(request).body
    }

    public func shutdown() async { try? await transport.shutdown() }
}
