import Model
import Yams

/// One top-level key of a manifest that declares resources (`queues:`, `userHierarchy:`).
/// The sections are listed once, in `ManifestKinds.sections`: the loader accepts their keys and
/// dispatches to them, and the schema and key reference list them.
protocol ManifestSection: Sendable {
    /// The top-level key.
    var key: String { get }
    /// The top-level key's row in the key table (schema and docs).
    var field: FieldSpec { get }
    /// Reads one occurrence of the section (the same section may appear in several files).
    func readSection(_ node: Node, into assembler: ManifestAssembler)
    /// Rules that need every declaration, checked once all files are read.
    func check(_ assembler: ManifestAssembler)
    /// Puts what was read into the desired state.
    func store(from assembler: ManifestAssembler, into desired: inout DesiredState)
}

extension ManifestSection {
    func check(_ assembler: ManifestAssembler) {}
}

/// A kind whose resources are declared by name (`queues: { Support: { … } }`): its key table and
/// its reader. The section itself (names, duplicates, `external: true`) is read the same way for
/// every kind by `ManifestAssembler.readSection(_:node:)`.
protocol ManifestKindReader: ManifestSection {
    associatedtype Resource: Sendable
    var kind: ResourceKind { get }
    /// The keys of one resource. Empty for a kind that can only be declared `external: true`.
    var spec: ObjectSpec { get }
    /// The top-level key's meaning ("Queues by name.").
    var summary: String { get }
    /// Why `name` cannot name a resource of this kind, beyond the rules shared by every kind
    /// (not empty, no leading or trailing spaces, no `${`); by default the 127-character limit.
    func nameProblem(_ name: String) -> String?
    /// One resource from its body, already checked against `spec`; nil when it has errors.
    func read(_ body: ResourceBody) -> Resource?
    /// Stores the resources read (first declarations only) into `desired`.
    func store(_ resources: [Resource], into desired: inout DesiredState)
}

extension ManifestKindReader {
    var key: String { kind.manifestSection }
    var field: FieldSpec { FieldSpec(key, .resources(spec), summary) }

    func nameProblem(_ name: String) -> String? { lengthProblem(name) }

    func lengthProblem(_ name: String, limit: Int = 127) -> String? {
        name.count > limit ? "\(kind.displayName) name '\(name)' is \(name.count) characters long; the limit is \(limit)" : nil
    }

    func readSection(_ node: Node, into assembler: ManifestAssembler) { assembler.readSection(self, node: node) }

    func store(from assembler: ManifestAssembler, into desired: inout DesiredState) {
        store(assembler.values(of: kind, as: Resource.self), into: &desired)
    }
}

extension Array where Element: DeclaredResource {
    /// Sorted by name, the order `DesiredState` keeps its lists in.
    func sortedByName() -> [Element] { sorted { $0.address.name < $1.address.name } }
}
