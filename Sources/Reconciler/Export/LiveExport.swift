import Model

/// The pure part of `patchbay export`: a live state as manifest sections, grouped by the file
/// each kind is written to, plus the files beside them (flow content). Each kind's handler says
/// how one of its resources is declared (`KindHandler.exported`) and in which file
/// (`KindHandler.exportFile`); nothing here knows one kind from another.
public struct LiveExport: Sendable {
    /// Manifest file name → top-level key → that key's value (resource name, or a path, → body).
    public var manifests: [String: [String: FieldValue]] = [:]
    /// Files beside the manifests, sorted by path.
    public var files: [ExportedFile] = []
    /// How many resources of each kind were written.
    public var counts: [ResourceKind: Int] = [:]
    /// Tags every exported resource carries: written once, as the top-level `tags:`.
    public var stackTags: [String: String] = [:]
    /// Top-level key → comment lines for above it (`KindHandler.exportComments`).
    public var comments: [String: [String]] = [:]

    /// Every resource of `kinds` (nil: every kind) in `live`, but Connect's defaults (referenced
    /// by name, never declared). Resources another stack's `patchbay:stack` tag owns are
    /// `external: true` unless `stack` is that stack.
    public static func make(_ live: LiveState, stack: String, kinds: Set<ResourceKind>? = nil) -> LiveExport {
        let context = ExportContext(stack: stack)
        var exported: [(handler: AnyKindHandler, live: LiveResource, resource: ExportedResource)] = []
        for handler in KindRegistry.handlers where kinds?.contains(handler.kind) ?? true {
            for resource in live.resources(of: handler.kind) where !resource.isDefault {
                if let e = handler.exported(resource, context) { exported.append((handler, resource, e)) }
            }
        }
        var export = LiveExport()
        let declared = exported.filter { $0.handler.isOwned && $0.resource.body != .object(["external": true]) }.map(\.live)
        let stacks = declared.filter { $0.owner == stack }
        export.stackTags = commonTags(stacks.isEmpty ? declared : stacks)
        for (handler, _, resource) in exported {
            let section = handler.kind.manifestSection
            var sections = export.manifests[handler.exportFile, default: [:]]
            sections[section] = (sections[section] ?? .object([:])).inserting(resource.body.removingTags(export.stackTags), at: resource.path)
            export.manifests[handler.exportFile] = sections
            export.files += resource.files
            export.counts[handler.kind, default: 0] += 1
            if !handler.exportComments.isEmpty { export.comments[section] = handler.exportComments }
        }
        export.files.sort { $0.path < $1.path }
        return export
    }

    /// The tags (not Patchbay's own) that every one of `resources` carries, when there are at
    /// least two: the manifest's top-level `tags:`, which a person writes once (and the only way
    /// hierarchy groups, which take no `tags:` of their own, get them). Counted over the stack's
    /// own resources when it has any (a resource still to adopt gets the stack's tags anyway).
    static func commonTags(_ resources: [LiveResource]) -> [String: String] {
        guard resources.count >= 2, var common = resources.first?.tags.filter({ !$0.key.hasPrefix("patchbay:") }) else { return [:] }
        for resource in resources.dropFirst() where !common.isEmpty {
            common = common.filter { resource.tags[$0.key] == $0.value }
        }
        return common
    }

    /// The manifest files the kinds are written to (nil: every kind), whether or not they have resources.
    public static func manifestFiles(for kinds: Set<ResourceKind>? = nil) -> Set<String> {
        Set(KindRegistry.handlers.filter { kinds?.contains($0.kind) ?? true }.map(\.exportFile))
    }
}

extension LiveState {
    /// The resources of `kind`, in address order; for `.userHierarchy`, the structure (when levels are set).
    public func resources(of kind: ResourceKind) -> [LiveResource] {
        if kind == .userHierarchy {
            return self[ResourceAddress(.userHierarchy, HierarchyStructureDeclaration.name)].map { [$0] } ?? []
        }
        return resources.values.filter { $0.address.kind == kind }.sorted { $0.address < $1.address }
    }
}

extension FieldValue {
    /// A resource body without the `tags` in `removed` (and without `tags:` when none are left).
    func removingTags(_ removed: [String: String]) -> FieldValue {
        guard !removed.isEmpty, case var .object(body) = self, case var .object(tags)? = body["tags"] else { return self }
        for key in removed.keys { tags[key] = nil }
        body["tags"] = tags.isEmpty ? nil : .object(tags)
        return .object(body)
    }

    /// This object with `value` at `path`, creating the objects on the way.
    func inserting(_ value: FieldValue, at path: [String]) -> FieldValue {
        guard let first = path.first else {
            // A parent exported after its children keeps them.
            if case let .object(existing) = self, case let .object(new) = value { return .object(existing.merging(new) { _, n in n }) }
            // An instance-level list exported one entry at a time (integrations' ARNs) grows.
            if case let .list(existing) = self, case let .list(new) = value { return .list(existing + new) }
            return value
        }
        guard case var .object(fields) = self else { return FieldValue.object([:]).inserting(value, at: path) }
        fields[first] = (fields[first] ?? .object([:])).inserting(value, at: Array(path.dropFirst()))
        return .object(fields)
    }
}
