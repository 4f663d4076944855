import Model

/// A kind Patchbay references but does not manage yet: its section takes `external: true`
/// declarations only (the empty key table says so to the reader, the schema and the docs).
struct ExternalOnlyReader: ManifestKindReader {
    let kind: ResourceKind
    let summary: String
    let spec = ManifestSchema.externalOnly

    func read(_ body: ResourceBody) -> Never? { nil }
    func store(_ resources: [Never], into desired: inout DesiredState) {}
}
