/// A prompt (an audio file Connect plays), by name (design.md §3b). Its audio is an object in
/// S3 (`s3Uri`); uploading `audio:` files from Git is not built yet.
public struct Prompt: Sendable, Hashable {
    public var name: String
    public var description: String?
    /// `s3://bucket/key` of the audio Connect imports.
    public var s3Uri: String
    public var tags: [String: String] = [:]
    public var renamedFrom: [String] = []

    /// The required fields; the others default as declared and are set in `configure`.
    public init(name: String, s3Uri: String, _ configure: (inout Prompt) -> Void = { _ in }) {
        self.name = name
        self.s3Uri = s3Uri
        configure(&self)
    }

    public var address: ResourceAddress { ResourceAddress(.prompt, name) }
}

extension Prompt: DeclaredResource {
    public var ownTags: [String: String] { tags }
    public var references: [Reference] { [] }
}
