import ConnectAPI
import Model

/// Input pieces several kinds' calls share.
enum CallShapes {
    /// Tag changes as TagResource / UntagResource calls, 50 keys per call (Connect's limit).
    static func tagCalls(arn: String, before: FieldValue?, after: FieldValue?) -> [PlannedCall] {
        let (set, remove) = tagDelta(before: before, after: after)
        var calls: [PlannedCall] = []
        // UntagResource first: the keys are disjoint, and a final TagResource can carry the stamped fingerprints.
        for start in stride(from: 0, to: remove.count, by: 50) {
            calls.append(PlannedCall(.untagResource, [
                "resourceArn": .string(arn), "tagKeys": .strings(Array(remove[start..<min(start + 50, remove.count)])),
            ]))
        }
        let keys = set.keys.sorted()
        for start in stride(from: 0, to: keys.count, by: 50) {
            let batch = keys[start..<min(start + 50, keys.count)]
            calls.append(PlannedCall(.tagResource, [
                "resourceArn": .string(arn),
                "tags": .object(Dictionary(uniqueKeysWithValues: batch.compactMap { key in set[key].map { (key, tagValue(key, $0)) } })),
            ]))
        }
        return calls
    }

    /// A tag's value in a call: fingerprint tags get the time of the write appended when sent.
    static func tagValue(_ key: String, _ value: String) -> CallValue {
        Fingerprint.tags.contains(key) ? .stamped(value) : .string(value)
    }

    /// `calls` ending with a TagResource of the fingerprint tags in `tags` (stamped when sent):
    /// every write to a fingerprinted resource bumps its LastModifiedTime (and TagResource /
    /// UntagResource may too), so the stamp must be the last write. A create carrying them, or a
    /// final TagResource, gets them merged in; otherwise one TagResource more.
    static func restamped(_ calls: [PlannedCall], arn: CallValue, tags: FieldValue?) -> [PlannedCall] {
        let fingerprints = stringMap(tags).filter { Fingerprint.tags.contains($0.key) }.mapValues(CallValue.stamped)
        guard !fingerprints.isEmpty, var last = calls.last else { return calls }
        let member = last.operation == .tagResource ? "tags" : last.operation.name.hasPrefix("Create") ? "Tags" : nil
        if let member, case let .object(set)? = last.input[member] {
            let merged = set.merging(fingerprints) { _, stamped in stamped }
            if merged.count <= 50 {
                last.input[member] = .object(merged)
                return calls.dropLast() + [last]
            }
        }
        return calls + [PlannedCall(.tagResource, ["resourceArn": arn, "tags": .object(fingerprints)])]
    }

    /// Tags to set (added or changed) and keys to remove.
    static func tagDelta(before: FieldValue?, after: FieldValue?) -> (set: [String: String], remove: [String]) {
        let old = stringMap(before), new = stringMap(after)
        let set = new.filter { old[$0.key] != $0.value }
        let remove = old.keys.filter { new[$0] == nil }.sorted()
        return (set, remove)
    }

    static func stringMap(_ value: FieldValue?) -> [String: String] {
        guard case let .object(o)? = value else { return [:] }
        return o.compactMapValues { if case let .string(s) = $0 { s } else { nil } }
    }

    /// `fields[key]` as the address of a `kind` resource, when it names one.
    static func reference(_ fields: [String: FieldValue], _ key: String, _ kind: ResourceKind) -> [ResourceAddress] {
        if case let .string(name)? = fields[key] { return [ResourceAddress(kind, name)] }
        return []
    }

    /// The strings of a list or set value.
    static func strings(_ value: FieldValue?) -> [String] {
        switch value {
        case let .list(items)?, let .unorderedSet(items)?: items.compactMap { if case let .string(s) = $0 { s } else { nil } }
        default: []
        }
    }

    /// nil for an absent or empty string (Connect rejects empty descriptions on create).
    static func nonEmpty(_ s: String?) -> CallValue? {
        guard let s, !s.isEmpty else { return nil }
        return .string(s)
    }

    /// The delete call of a resource, with its id member.
    static func delete(_ operation: ConnectOperation, _ idMember: String, _ live: LiveResource) -> PlannedCall {
        PlannedCall(operation, ["InstanceId": .instanceId, idMember: .string(live.id)], deletes: live.address)
    }

    static func creates(_ address: ResourceAddress, _ idMember: String, _ arnMember: String) -> PlannedCall.Creates {
        PlannedCall.Creates(address: address, idMember: idMember, arnMember: arnMember)
    }
}
