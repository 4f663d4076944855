import ConnectAPI
import Model

/// Prompts. Connect never returns a prompt's audio source (Search and Describe have no S3Uri;
/// GetPromptFile only a presigned URL of its copy), so Patchbay keeps it in a tag,
/// `patchbay:audio`: `sha256:HEX` of an `audio:` file, or the `s3Uri:` itself (its SHA-256 when
/// it does not fit a tag value), stamped with the time of the write like the fingerprints. A
/// prompt whose tag differs from the manifests gets its audio again: the file is put into
/// `promptBucket` under its hash (S3 PutObject), then CreatePrompt / UpdatePrompt name it; an
/// unchanged file is never uploaded again. A prompt modified after the stamp (the console's
/// UpdatePrompt) has an unknown source and gets its audio again.
struct PromptHandler: SearchableKind {
    let kind = ResourceKind.prompt
    /// Connect's default quota (connect-api.md §4, Admin Guide "Amazon Connect service quotas").
    let instanceQuota: InstanceQuota? = InstanceQuota(key: "prompts", name: "prompts per instance", defaultValue: 500, code: "L-0865B754")
    let readLabel = "prompts"

    func declared(in desired: DesiredState) -> [Model.Prompt] { desired.prompts }

    func fields(of p: Model.Prompt, content: FlowContentProjector) -> [String: FieldValue] {
        var fields: [String: FieldValue] = ["description": .string(p.description ?? "")]
        switch p.source {
        case let .audio(audio): fields["audio"] = .string("sha256:" + audio.sha256)
        case let .s3Uri(uri): fields["s3Uri"] = .string(Self.tagForm(uri))
        }
        return fields
    }

    func fingerprintTags(_ fields: [String: FieldValue]) -> [String: String] {
        guard case let .string(source)? = fields["audio"] ?? fields["s3Uri"] else { return [:] }
        return [Fingerprint.audioTag: source]
    }

    /// A tag value holds at most 256 characters of letters, digits, spaces and `_ . : / = + - @`.
    static func tagForm(_ uri: String) -> String {
        let allowed = uri.count <= 256 && uri.unicodeScalars.allSatisfy { s in
            s.isASCII && (s.properties.isAlphabetic || ("0"..."9").contains(s) || "_.:/=+-@ ".unicodeScalars.contains(s))
        }
        return allowed ? uri : "s3Uri-sha256:" + Fingerprint.sha256Hex(uri)
    }

    func createCalls(_ p: Model.Prompt, fields: [String: FieldValue], tags: [String: String], placeholder: Bool) -> [PlannedCall] {
        let (upload, uri) = Self.audio(p)
        return upload + [PlannedCall(.createPrompt, [
            "InstanceId": .instanceId, "Name": .string(p.name), "Description": CallShapes.nonEmpty(p.description),
            "S3Uri": .string(uri), "Tags": .map(tags),
        ], creates: CallShapes.creates(p.address, "PromptId", "PromptARN"))]
    }

    func updateCalls(_ p: Model.Prompt, fields: [String: FieldValue], live: LiveResource, changed: Set<String>) -> [PlannedCall] {
        guard !changed.isDisjoint(with: ["name", "description", "audio", "s3Uri"]) else { return [] }
        let newAudio = !changed.isDisjoint(with: ["audio", "s3Uri"])
        let (upload, uri) = newAudio ? Self.audio(p) : ([], "")
        return upload + [PlannedCall(.updatePrompt, [
            "InstanceId": .instanceId, "PromptId": .string(live.id), "Name": .string(p.name),
            "Description": .string(p.description ?? ""), "S3Uri": newAudio ? .string(uri) : nil,
        ])]
    }

    /// The upload an `audio:` prompt needs (none for `s3Uri:`), and the URI Connect imports.
    static func audio(_ p: Model.Prompt) -> (upload: [PlannedCall], uri: String) {
        switch p.source {
        case let .s3Uri(uri): return ([], uri)
        case let .audio(audio):
            // The manifest loader refuses `audio:` without a promptBucket.
            let bucket = p.bucket ?? PromptBucket(bucket: "", prefix: "")
            let key = audio.key(in: bucket)
            var put = PlannedCall(.s3PutObject, [
                "Bucket": .string(bucket.bucket), "Key": .string(key), "ContentType": .string(audio.format.contentType),
                "ContentSHA256": .string(audio.sha256), "File": .string(audio.path),
            ], note: audio.path)
            put.upload = PlannedCall.Upload(file: audio.resolvedPath, sha256: audio.sha256)
            return ([put], bucket.uri(key))
        }
    }

    func deleteCalls(_ live: LiveResource) -> [PlannedCall] { [CallShapes.delete(.deletePrompt, "PromptId", live)] }
}

extension PromptHandler {
    func criteria(named name: String?) -> ConnectAPI.Prompt.SearchCriteria? {
        name.map { _ in StringSearchCriteria(StringCondition: .exact("name", name)) }
    }

    func identity(of p: ConnectAPI.Prompt) -> LiveIdentity? {
        guard let id = p.PromptId, let name = p.Name else { return nil }
        return LiveIdentity(id: id, arn: p.PromptARN ?? "", address: ResourceAddress(.prompt, name))
    }

    /// The source from the stamped `patchbay:audio` tag, unless the prompt was modified after
    /// the stamp (SearchPrompts returns LastModifiedTime): then someone else may have given it
    /// other audio (UpdatePrompt S3Uri), which Connect cannot show, and the source is unknown.
    /// (A description edited in the console makes it unknown too: the audio is put again.)
    func project(_ p: ConnectAPI.Prompt, _ identity: LiveIdentity, _ names: NameIndex) -> LiveProjected {
        var fields: [String: FieldValue] = ["description": .string(p.Description ?? "")]
        if let tag = p.Tags?[Fingerprint.audioTag] {
            let (source, stamp) = Fingerprint.parse(tag)
            let key = source.hasPrefix("sha256:") ? "audio" : "s3Uri"
            if let stamp, let modified = p.LastModifiedTime?.timeIntervalSince1970, modified > stamp + Fingerprint.margin {
                fields[key] = .string(Self.unknownSource)
            } else {
                fields[key] = .string(String(source))
            }
        }
        return LiveProjected(fields: fields, tags: p.Tags ?? [:])
    }

    static let unknownSource = "unknown: the prompt was modified after Patchbay set its audio"
}

extension PromptHandler {
    /// The audio cannot be read back as a file yet (GetPromptFile's presigned URL is not fetched):
    /// `external: true`.
    func exported(_ live: LiveResource, _ export: ExportContext) -> ExportedResource? {
        ExportContext.externalDeclaration(live)
    }
}
