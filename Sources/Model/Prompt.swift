/// A prompt (an audio file Connect plays), by name (design.md §3b): its audio is a file in Git
/// (`audio:`, uploaded to the manifests' `promptBucket` when its SHA-256 changes) or an object
/// already in S3 (`s3Uri:`).
public struct Prompt: Sendable, Hashable {
    public enum Source: Sendable, Hashable {
        case audio(PromptAudio)
        case s3Uri(String)
    }

    public var name: String
    public var description: String?
    public var source: Source
    /// Where `audio:` files go (the manifests' `promptBucket`; set for every declared prompt).
    public var bucket: PromptBucket?
    public var tags: [String: String] = [:]
    public var renamedFrom: [String] = []

    /// The required fields; the others default as declared and are set in `configure`.
    public init(name: String, source: Source, _ configure: (inout Prompt) -> Void = { _ in }) {
        self.name = name
        self.source = source
        configure(&self)
    }

    public var address: ResourceAddress { ResourceAddress(.prompt, name) }
}

extension Prompt: DeclaredResource {
    public var ownTags: [String: String] { tags }
    public var references: [Reference] { [] }
}

/// An audio file of a prompt, as checked when the manifests were read.
public struct PromptAudio: Sendable, Hashable {
    public enum Format: String, Sendable, Hashable {
        case wav, mp3
        public var contentType: String { self == .wav ? "audio/wav" : "audio/mpeg" }
    }

    /// As written in the manifest (relative to that manifest).
    public var path: String
    /// As resolved for reading (relative to the current directory, or absolute).
    public var resolvedPath: String
    /// Lower-case hex SHA-256 of the file's bytes.
    public var sha256: String
    public var format: Format
    public var byteCount: Int

    public init(path: String, resolvedPath: String, sha256: String, format: Format, byteCount: Int) {
        self.path = path
        self.resolvedPath = resolvedPath
        self.sha256 = sha256
        self.format = format
        self.byteCount = byteCount
    }

    /// The object key under `bucket`'s prefix: the content's hash, so an unchanged file is one
    /// object whatever prompts use it, and a changed one never overwrites what a prompt still plays.
    public func key(in bucket: PromptBucket) -> String { bucket.prefix + sha256 + "." + format.rawValue }
}

/// `promptBucket: s3://BUCKET/PREFIX/`.
public struct PromptBucket: Sendable, Hashable {
    public var bucket: String
    /// Empty, or ending with `/`.
    public var prefix: String

    public init(bucket: String, prefix: String) {
        self.bucket = bucket
        self.prefix = prefix.isEmpty || prefix.hasSuffix("/") ? prefix : prefix + "/"
    }

    /// `s3://bucket/prefix/...` split; nil when it is not one.
    public init?(uri: String) {
        guard uri.hasPrefix("s3://") else { return nil }
        let rest = uri.dropFirst(5)
        let bucket = rest.prefix { $0 != "/" }
        guard !bucket.isEmpty else { return nil }
        self.init(bucket: String(bucket), prefix: String(rest.dropFirst(bucket.count).drop { $0 == "/" }))
    }

    public func uri(_ key: String) -> String { "s3://\(bucket)/\(key)" }
}
