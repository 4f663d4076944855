import ConnectAPI
import Foundation
import Model

/// Sends planned calls exactly as planned, resolving what only apply can know: ids and ARNs
/// of resources (from the live state, or from creates earlier in the run), flow content
/// references, secrets and idempotency tokens.
struct CallRunner: Sendable {
    let client: any ConnectReader & ConnectWriter
    let instanceId: String
    let registry: IdRegistry
    let secrets: [ResourceAddress: [String: SensitiveValue]]
    let stack: String
    /// Where prompts' audio goes (S3); nil when the plan uploads nothing.
    var objects: (any ObjectUploader)? = nil

    func run(_ calls: [PlannedCall]) async throws {
        for call in calls { try await run(call) }
    }

    func run(_ call: PlannedCall) async throws {
        if let upload = call.upload { return try await put(upload, call) }
        let input = try await resolve(.object(call.input))
        let response: Data
        do {
            response = try await client.perform(call.operation, input: Data(input.compact().utf8))
        } catch let error as ConnectError where error.kind == .duplicateResource {
            if call.duplicateMeansDone { return }
            // A create that timed out may have succeeded: find it instead of failing. Only a
            // resource this stack created (our tag) is ours to take; anything else appeared
            // between the read and the create and must not be taken over silently.
            guard let creates = call.creates, let handler = KindRegistry.handler(for: creates.address.kind),
                  let found = try await handler.find(creates.address.name, client, instanceId),
                  found.tags[Ownership.stackTag] == stack else { throw error }
            await registry.register(creates.address, id: found.id, arn: found.arn)
            return
        }
        if let creates = call.creates {
            let object = (try? JSONSerialization.jsonObject(with: response)) as? [String: Any] ?? [:]
            guard let id = object[creates.idMember] as? String, !id.isEmpty else {
                throw ApplyError.missingIdentifier(call.operation.name)
            }
            await registry.register(creates.address, id: id, arn: object[creates.arnMember] as? String ?? "")
        }
        if let deleted = call.deletes { await registry.remove(deleted) }
    }

    /// S3 PutObject of a prompt's audio file, exactly as planned: the file must still hash to the
    /// planned SHA-256 (an edit since the plan is refused, not uploaded unreviewed).
    private func put(_ upload: PlannedCall.Upload, _ call: PlannedCall) async throws {
        guard let objects else { throw ApplyError.noObjectStore(call.label) }
        guard case let .string(bucket)? = call.input["Bucket"], case let .string(key)? = call.input["Key"],
              case let .string(contentType)? = call.input["ContentType"] else { throw ApplyError.missingIdentifier(call.label) }
        guard let data = FileManager.default.contents(atPath: upload.file) else {
            throw ApplyError.fileChanged(call.note ?? upload.file, "it can no longer be read")
        }
        guard Fingerprint.sha256Hex(data) == upload.sha256 else {
            throw ApplyError.fileChanged(call.note ?? upload.file, "its content changed since the plan")
        }
        try await objects.putObject(bucket: bucket, key: key, body: data, contentType: contentType)
    }

    private func resolve(_ value: CallValue) async throws -> JSONValue {
        switch value {
        case let .string(s): return .string(s)
        case let .int(n): return .int(n)
        case let .bool(b): return .bool(b)
        case let .list(items):
            var out: [JSONValue] = []
            for item in items { out.append(try await resolve(item)) }
            return .array(out)
        case let .object(members):
            var out: [(String, JSONValue)] = []
            for key in members.keys.sorted() {
                if let member = members[key] { out.append((key, try await resolve(member))) }
            }
            return .object(out)
        case .instanceId: return .string(instanceId)
        case let .id(address): return .string(try await registry.id(address))
        case let .arn(address): return .string(try await registry.entry(address).arn)
        case let .qualifiedId(address, qualifier): return .string(try await registry.id(address) + qualifier)
        case let .content(text):
            if let missing = await registry.unresolvedReferences(in: text).first { throw ApplyError.unresolved(missing) }
            return .string(await registry.resolveContent(text))
        case let .secret(address, field):
            guard let secret = secrets[address]?[field] else { throw ApplyError.missingSecret(address, field) }
            return .string(secret.revealedValue())
        case .clientToken: return .string(UUID().uuidString.lowercased())
        case let .stamped(fingerprint): return .string(fingerprint + "@" + ServerTime.placeholder)
        }
    }
}
