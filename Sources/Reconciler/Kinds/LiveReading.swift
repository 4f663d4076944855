import ConnectAPI
import Model
import Synchronization

/// What a kind's handler is given to search the instance.
struct LiveReadContext: Sendable {
    let reader: any ConnectReader
    let instanceId: String
    let calls: CallCounter
    let onProgress: (@Sendable (LiveStateReader.Progress) -> Void)?

    /// Every item of every page, counting the calls and reporting progress under `label`.
    func all<P: ConnectPage>(_ label: String, _ pages: ConnectPages<P>) async throws -> [P.Item] {
        var items: [P.Item] = []
        for try await page in pages {
            calls.add()
            items += page.items
            onProgress?(LiveStateReader.Progress(kind: label, read: items.count, total: nil))
        }
        return items
    }

    /// Every item of every page, counting the calls (per-resource reads: no progress of their own).
    func items<P: ConnectPage>(_ pages: ConnectPages<P>) async throws -> [P.Item] {
        var items: [P.Item] = []
        for try await page in pages {
            calls.add()
            items += page.items
        }
        return items
    }

    /// One call.
    func one<T: Sendable>(_ call: @Sendable () async throws -> T) async throws -> T {
        calls.add()
        return try await call()
    }
}

/// A live resource's identity, known from its Search result alone.
struct LiveIdentity: Sendable {
    var id: String
    var arn: String
    var address: ResourceAddress
}

/// Ids → names and ARNs → addresses of everything the searches returned, so that each
/// kind's projection writes references as names.
struct NameIndex: Sendable {
    private var names: [ResourceKind: [String: String]] = [:]
    private var ids: [ResourceAddress: String] = [:]
    private(set) var arns: [String: ResourceAddress] = [:]

    init(_ identities: [LiveIdentity]) {
        for identity in identities {
            names[identity.address.kind, default: [:]][identity.id] = identity.address.name
            ids[identity.address] = identity.id
            if !identity.arn.isEmpty { arns[identity.arn] = identity.address }
        }
    }

    /// The name of the `kind` resource with `id` (the id itself when unknown; `.null` for none).
    func name(_ kind: ResourceKind, _ id: String?) -> FieldValue {
        guard let id else { return .null }
        return .string(names[kind]?[id] ?? id)
    }

    /// The name of the `kind` resource with `id`, when the searches returned it.
    func knownName(_ kind: ResourceKind, _ id: String) -> String? { names[kind]?[id] }

    func id(of address: ResourceAddress) -> String? { ids[address] }

    /// Flow content as the differ compares it: ARNs turned back into references. The ARNs are
    /// looked for in the canonical form, where JSON escapes (`\/`, which JSON allows in any
    /// string) are gone, so an ARN written `arn:aws:connect:…:instance\/…\/queue\/…` is found too.
    func content(_ text: String?) -> FlowContentForm {
        let form = FlowContentCanonicalizer.canonicalForm(text ?? "")
        return FlowContentForm(behaviour: FlowContentCanonicalizer.unresolve(form.behaviour, arns: arns),
                               layout: FlowContentCanonicalizer.unresolve(form.layout, arns: arns))
    }
}

/// What a kind's handler is given to decide the per-resource calls for fields Search lacks.
struct DetailContext: Sendable {
    let read: LiveReadContext
    let names: NameIndex
    /// Resources whose full details the plan needs (declared ones and the names they were renamed from).
    let needed: Set<ResourceAddress>
    /// The verified read: declared fields whose fingerprint tag may be trusted instead of a call.
    let declared: [ResourceAddress: [String: FieldValue]]
    /// LastModifiedTime by resource id (seconds since 1970), for the kinds in `declared`.
    var lastModified: [String: Double] = [:]
    /// The fields the manifests manage, per resource (also under the names it was renamed from).
    let managed: [ResourceAddress: Set<String>]
    /// When pruning: the stack whose undeclared resources are read in full too (prune candidates).
    var pruneStack: String? = nil
    /// Every resource in full, every optional field included (`patchbay export`).
    var everything = false

    func needs(_ address: ResourceAddress) -> Bool { everything || needed.contains(address) }

    func manages(_ field: String, of address: ResourceAddress) -> Bool { everything || (managed[address]?.contains(field) ?? false) }

    /// The declared fields of a resource whose fingerprint `tag` vouches for them (see `Fingerprint`):
    /// `fingerprint` turns the declared fields into the fingerprint the tag must carry.
    func vouched(_ identity: LiveIdentity, tag: String?, fingerprint: ([String: FieldValue]) -> String) -> [String: FieldValue]? {
        guard let mine = declared[identity.address],
              Fingerprint.vouches(tag, for: fingerprint(mine), lastModified: lastModified[identity.id]) else { return nil }
        return mine
    }
}

/// How one resource's missing fields are filled in.
enum DetailPlan: Sendable {
    case none
    /// Taken as declared: the fingerprint tag Patchbay wrote matches the manifests.
    case trusted([String: FieldValue])
    /// Fetched with per-resource calls. `LiveResource.partIdsField` carries the parts' ids.
    case fetch(@Sendable () async throws -> [String: FieldValue])
    /// Already in the search result, but compared only where the manifests manage it (an
    /// agent status's display order, which Connect picks when none is declared).
    case known([String: FieldValue])
}

extension DetailPlan {
    /// This plan with `extra` fields known without a call.
    func adding(_ extra: [String: FieldValue]) -> DetailPlan {
        switch self {
        case .none: return .known(extra)
        case let .trusted(known): return .trusted(known.merging(extra) { _, new in new })
        case let .known(known): return .known(known.merging(extra) { _, new in new })
        case let .fetch(run): return .fetch { try await run().merging(extra) { _, new in new } }
        }
    }

    /// This plan's fields, then `more` on them (one more per-resource call), as one fetch.
    func then(_ more: @escaping @Sendable ([String: FieldValue]) async throws -> [String: FieldValue]) -> DetailPlan {
        let base = self
        return .fetch {
            switch base {
            case let .trusted(known), let .known(known): return try await more(known)
            case let .fetch(run): return try await more(try await run())
            case .none: return try await more([:])
            }
        }
    }
}

/// A live resource's fields as Search shows them, before the details are merged in.
struct LiveProjected: Sendable {
    var fields: [String: FieldValue]
    var tags: [String: String]
    var isDefault: Bool = false
}

/// One kind's search results with its handler's read functions bound to them.
struct SearchedKind: Sendable {
    let identities: [LiveIdentity]
    let details: @Sendable (DetailContext) -> [(id: String, plan: DetailPlan)]
    let project: @Sendable (NameIndex, _ details: [String: [String: FieldValue]]) -> [LiveResource]

    init<H: KindHandler>(_ handler: H, _ raws: [H.Raw]) {
        let identified: [(raw: H.Raw, identity: LiveIdentity)] = raws.compactMap { raw in
            handler.identity(of: raw).map { (raw, $0) }
        }
        identities = identified.map(\.identity)
        details = { context in
            identified.compactMap { entry in
                // A kind whose search lacks tags cannot tell this stack's resources apart before their details are read.
                let candidate = context.pruneStack.map {
                    !handler.searchHasTags || handler.project(entry.raw, entry.identity, NameIndex([])).tags[Ownership.stackTag] == $0
                }
                guard context.needs(entry.identity.address) || candidate == true else { return nil }
                let plan = handler.details(entry.raw, entry.identity, context)
                if case .none = plan { return nil }
                return (entry.identity.id, plan)
            }
        }
        project = { names, details in
            identified.map { entry in
                let projected = handler.project(entry.raw, entry.identity, names)
                var fields = projected.fields, partIds: [String: String] = [:], tags = projected.tags
                if var extra = details[entry.identity.id] {
                    if case let .object(ids)? = extra.removeValue(forKey: LiveResource.partIdsField) {
                        partIds = ids.compactMapValues { if case let .string(id) = $0 { id } else { nil } }
                    }
                    if let detailTags = extra.removeValue(forKey: LiveResource.tagsField) { tags = CallShapes.stringMap(detailTags) }
                    fields.merge(extra) { _, detail in detail }
                }
                var resource = LiveResource(address: entry.identity.address, id: entry.identity.id, arn: entry.identity.arn,
                                            tags: tags, fields: fields, isDefault: projected.isDefault)
                resource.partIds = partIds
                if !handler.isOwned { resource.fields["tags"] = nil }  // nothing to compare them with
                return resource
            }
        }
    }
}
