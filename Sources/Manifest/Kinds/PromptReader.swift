import Model

/// `prompts:` — prompts by name (design.md §3b): an audio file in Git (`audio:`, uploaded to the
/// manifests' `promptBucket` when its SHA-256 changes) or an object already in S3 (`s3Uri:`).
struct PromptReader: ManifestKindReader {
    let kind = ResourceKind.prompt
    let summary = "Prompts by name: an audio file in Git (uploaded to promptBucket) or an object in S3."

    /// CreatePrompt's S3Uri (botocore: `s3://\S+/.+`, at most 2,000 characters; the https form is
    /// for GetPromptFile's presigned URLs, which expire, so it is not offered here).
    static let s3UriPattern = "^s3://[^/\\s]+/\\S.*$"

    let spec = ObjectSpec("prompt", "A prompt.", [
        FieldSpec("audio", .string(minLength: 1),
                  "A .wav or .mp3 file, relative to this manifest, uploaded to promptBucket when its SHA-256 changes (exactly one of audio / s3Uri)."),
        FieldSpec("s3Uri", .string(pattern: PromptReader.s3UriPattern, minLength: 1, maxLength: 2000),
                  "s3://BUCKET/KEY of an object already in S3 (exactly one of audio / s3Uri)."),
        ManifestSchema.descriptionField,
        ManifestSchema.tagsField, ManifestSchema.renamedFrom,
    ])

    func read(_ body: ResourceBody) -> Prompt? {
        let description = body.limitedString("description")
        let source: Prompt.Source
        switch (body["audio"], body["s3Uri"]) {
        case (nil, nil):
            body.context.error("\(body.owner) needs 'audio' (a file in Git) or 's3Uri' (an object in S3)", at: body.node)
            return nil
        case (_?, let uriNode?):
            body.context.error("\(body.owner) takes one of 'audio' and 's3Uri', not both", at: uriNode)
            return nil
        case (let audioNode?, nil):
            guard let path = body.string("audio") else { return nil }
            let resolved = PathUtilities.join(PathUtilities.directory(of: body.assembler.currentManifestPath), path)
            let audio = PromptAudioCheck.check(path: path, resolved: resolved, node: audioNode, owner: body.owner, context: body.context)
            guard let bucket = body.assembler.promptBucket else {
                // An invalid promptBucket has its own error.
                if !body.assembler.promptBucketDeclared {
                    body.context.error("\(body.what("audio")) needs a top-level 'promptBucket: s3://BUCKET/PREFIX/' (or one in the selected environment) to upload it to",
                                       at: audioNode)
                }
                return nil
            }
            guard let audio else { return nil }
            return Prompt(name: body.name, source: .audio(audio)) {
                $0.bucket = bucket
                $0.description = description
                $0.tags = body.tags
                $0.renamedFrom = body.renamedFrom
            }
        case (nil, _?):
            guard let uri = body.string("s3Uri"), let node = body["s3Uri"] else { return nil }
            guard Self.isS3Uri(uri) else {
                body.context.error("\(body.what("s3Uri")) must be s3://BUCKET/KEY (at most 2,000 characters, no spaces), found '\(uri)'", at: node)
                return nil
            }
            source = .s3Uri(uri)
        }
        return Prompt(name: body.name, source: source) {
            $0.description = description
            $0.tags = body.tags
            $0.renamedFrom = body.renamedFrom
        }
    }

    static func isS3Uri(_ uri: String) -> Bool {
        guard uri.count <= 2000, !uri.contains(where: \.isWhitespace), let bucket = PromptBucket(uri: uri) else { return false }
        return !bucket.prefix.isEmpty
    }

    func store(_ resources: [Prompt], into desired: inout DesiredState) {
        desired.prompts = resources.sortedByName()
    }
}
