/// A prompt (an audio file Connect plays), by name (design.md §3b). Its audio is an object in
/// S3 (`s3Uri`); uploading `audio:` files from Git is not built yet.
public struct Prompt: Sendable, Hashable {
    public var name: String
    public var description: String?
    /// `s3://bucket/key` of the audio Connect imports.
    public var s3Uri: String
    public var tags: [String: String]
    public var renamedFrom: [String]

    public init(name: String, description: String? = nil, s3Uri: String, tags: [String: String] = [:], renamedFrom: [String] = []) {
        self.name = name
        self.description = description
        self.s3Uri = s3Uri
        self.tags = tags
        self.renamedFrom = renamedFrom
    }

    public var address: ResourceAddress { ResourceAddress(.prompt, name) }
}

extension Prompt: DeclaredResource {
    public var ownTags: [String: String] { tags }
    public var references: [Reference] { [] }
}
