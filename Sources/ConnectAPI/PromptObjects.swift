import Foundation

/// Puts prompts' audio into S3 before CreatePrompt / UpdatePrompt name it. Like
/// `ConnectWriter`, only `apply` gets one.
public protocol ObjectUploader: Sendable {
    func putObject(bucket: String, key: String, body: Data, contentType: String) async throws
}

extension ConnectOperation {
    /// S3's PutObject (S3 API reference: `PUT /{Key+}` on the bucket's host, or `/{Bucket}/{Key+}`
    /// path style) as a planned call: the applier sends it through an `ObjectUploader`.
    public static let s3PutObject = ConnectOperation("PutObject", "PUT", "/{Bucket}/{Key+}")
}
