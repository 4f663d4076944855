import AWSClient
import ConnectAPI
import Foundation

/// Prompts' audio into S3 (`ObjectUploader`), one `S3ObjectClient` per bucket, made when the
/// first object for it is put, so an apply that uploads nothing resolves no S3 endpoint.
public actor S3Uploader: ObjectUploader {
    private let make: @Sendable (String) throws -> S3ObjectClient
    private var clients: [String: S3ObjectClient] = [:]

    /// - Parameter make: the client for a bucket.
    public init(make: @escaping @Sendable (String) throws -> S3ObjectClient) {
        self.make = make
    }

    public func putObject(bucket: String, key: String, body: Data, contentType: String) async throws {
        let client = try clients[bucket] ?? make(bucket)
        clients[bucket] = client
        do {
            try await client.putObject(key: key, body: body, contentType: contentType)
        } catch {
            throw ObjectUploadError(bucket: bucket, key: key, endpoint: client.endpointDescription, message: "\(error)")
        }
    }

    public func shutdown() async {
        for client in clients.values { await client.shutdown() }
        clients = [:]
    }
}

/// S3 refused an upload.
public struct ObjectUploadError: Error, CustomStringConvertible, Sendable {
    public var bucket: String
    public var key: String
    public var endpoint: String
    public var message: String
    public var description: String { "S3 PutObject s3://\(bucket)/\(key) at \(endpoint): \(message)" }
}
