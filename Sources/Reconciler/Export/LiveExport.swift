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
    /// Top-level key → comment lines for above it (`KindHandler.exportComments`).
    public var comments: [String: [String]] = [:]

    /// Every resource of `kinds` (nil: every kind) in `live`, but Connect's defaults (referenced
    /// by name, never declared). Resources another stack's `patchbay:stack` tag owns are
    /// `external: true` unless `stack` is that stack.
    public static func make(_ live: LiveState, stack: String, kinds: Set<ResourceKind>? = nil) -> LiveExport {
        let context = ExportContext(stack: stack)
        var export = LiveExport()
        for handler in KindRegistry.handlers where kinds?.contains(handler.kind) ?? true {
            for resource in live.resources(of: handler.kind) where !resource.isDefault {
                guard let exported = handler.exported(resource, context) else { continue }
                let section = handler.kind.manifestSection
                var sections = export.manifests[handler.exportFile, default: [:]]
                sections[section] = (sections[section] ?? .object([:])).inserting(exported.body, at: exported.path)
                export.manifests[handler.exportFile] = sections
                export.files += exported.files
                export.counts[handler.kind, default: 0] += 1
                if !handler.exportComments.isEmpty { export.comments[section] = handler.exportComments }
            }
        }
        export.files.sort { $0.path < $1.path }
        return export
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
    /// This object with `value` at `path`, creating the objects on the way.
    func inserting(_ value: FieldValue, at path: [String]) -> FieldValue {
        guard let first = path.first else {
            // A parent exported after its children keeps them.
            if case let .object(existing) = self, case let .object(new) = value { return .object(existing.merging(new) { _, n in n }) }
            return value
        }
        guard case var .object(fields) = self else { return FieldValue.object([:]).inserting(value, at: path) }
        fields[first] = (fields[first] ?? .object([:])).inserting(value, at: Array(path.dropFirst()))
        return .object(fields)
    }
}
