import ConnectAPI
import Model

/// Everything the reconciler knows about one resource kind, in one place: how a declared
/// resource projects into the fields the differ compares, which changes force a replace, the
/// Connect calls that create, update and delete it (as values), how references to renamed
/// resources are spelled, and how to find it by name. Handlers are registered in
/// `KindRegistry.handlers`, whose order is creation order.
protocol KindHandler: Sendable {
    associatedtype Resource: DeclaredResource
    /// What one item of this kind's Search (or Describe) returns.
    associatedtype Raw: Sendable

    var kind: ResourceKind { get }
    /// The declared resources of this kind.
    func declared(in desired: DesiredState) -> [Resource]
    /// `resource` in the manifest vocabulary the differ compares (without `tags`).
    func fields(of resource: Resource, content: FlowContentProjector) -> [String: FieldValue]
    /// Tags that fingerprint fields Search does not return (`patchbay:queues`).
    func fingerprintTags(_ fields: [String: FieldValue]) -> [String: String]
    /// Why a change of `changed` cannot be made in place (nil: it can).
    func replaceReason(_ address: ResourceAddress, changed: Set<String>, renamedFrom: String?, live: LiveResource) -> String?
    /// Problems that make a change impossible (a published flow set back to SAVED).
    func problems(_ address: ResourceAddress, live: LiveResource, desired fields: [String: FieldValue]) -> [String]
    /// The calls that create `resource`; with `placeholder`, content is filled in later by `fillCalls`.
    func createCalls(_ resource: Resource, fields: [String: FieldValue], tags: [String: String], placeholder: Bool) -> [PlannedCall]
    /// The second step of a placeholder create.
    func fillCalls(_ resource: Resource) -> [PlannedCall]
    /// The calls that change `live` into `resource`, given the top-level fields that differ
    /// (`name` for a rename). Tags are changed by the planner for every kind alike.
    func updateCalls(_ resource: Resource, fields: [String: FieldValue], live: LiveResource, changed: Set<String>) -> [PlannedCall]
    func deleteCalls(_ live: LiveResource) -> [PlannedCall]
    /// For a kind Connect cannot delete: what `--prune` does instead with this stack's
    /// undeclared `live` resource (nil: it is deleted). No calls: it already is as prune leaves it.
    func pruneInstead(_ live: LiveResource) -> PruneInstead?
    /// What a live resource refers to (by address, from its projected fields): a delete of any of
    /// them must wait for this resource to let go, and is refused while something outside the
    /// plan still holds on.
    func liveReferences(_ live: LiveResource) -> [ResourceAddress]
    /// Kinds whose deletes must run before `change` (the hierarchy structure shrinks after its groups go).
    func waitsForDeletes(_ change: PlannedChange) -> [ResourceKind]
    /// Live fields with references to renamed resources spelled with their new names.
    func translatingRenames(_ fields: [String: FieldValue], _ renames: Renames) -> [String: FieldValue]
    /// The resource named `name`, for recovery after a DuplicateResourceException.
    func find(_ name: String, reader: any ConnectReader, instanceId: String) async throws -> FoundResource?
    /// Whether resources of this kind carry tags, and so an owner (the hierarchy structure does not).
    var isOwned: Bool { get }
    /// Whether `search` returns the tags (false: only the details do, `LiveResource.tagsField`, so
    /// with `--prune` every resource of the kind is read in full to find this stack's).
    var searchHasTags: Bool { get }
    /// Whether the read may leave the kind out when the manifests declare none of it (managed or
    /// external) and nothing is pruned or exported: nothing else refers to it, so nothing in the
    /// plan depends on what the instance holds (task templates: a plan without any costs no call).
    var readsOnlyWhenDeclared: Bool { get }
    /// Whether `--prune` removes live resources of this kind that nothing declares, although they
    /// have no owner (instance-level lists: integrations). Without `--prune` they are kept, and said.
    var prunesUnowned: Bool { get }
    /// Why a declared resource missing from the instance cannot be planned (nil: it is created).
    func missingProblem(_ address: ResourceAddress, instanceId: String) -> String?
    /// Whether a create can use placeholder content to break a reference cycle.
    var breaksCycles: Bool { get }
    /// The kind's per-instance resource quota, checked before apply (`QuotaHeadroom`); nil: none.
    var instanceQuota: InstanceQuota? { get }
    /// Kinds whose changes must run before any change of this kind (groups wait for the levels).
    var waitsFor: [ResourceKind] { get }
    /// The file whose content a Connect content error is about.
    func contentFile(_ resource: Resource) -> String?
    /// Write-only values (passwords) the calls name with `.secret`.
    func secrets(_ resource: Resource) -> [String: SensitiveValue]

    // Reading

    /// Every resource of this kind in the instance, with the fewest calls (Search at its largest page).
    func search(_ context: LiveReadContext) async throws -> [Raw]
    /// The id, ARN and address of a search result (nil: not a resource Patchbay manages).
    func identity(of raw: Raw) -> LiveIdentity?
    /// The per-resource calls for fields Search does not return, for one needed resource.
    func details(_ raw: Raw, _ identity: LiveIdentity, _ context: DetailContext) -> DetailPlan
    /// A search result in the manifest vocabulary, references by name (the twin of `fields(of:)`).
    func project(_ raw: Raw, _ identity: LiveIdentity, _ names: NameIndex) -> LiveProjected

    // Exporting

    /// `live` as a person would declare it, for `patchbay export` (nil: not written). By default
    /// its projected fields, compacted (`ExportBody.compact`), or `external: true` when another
    /// stack owns it; a kind whose manifest vocabulary differs from its projection says how here.
    func exported(_ live: LiveResource, _ export: ExportContext) -> ExportedResource?
    /// The manifest file `patchbay export` writes this kind to; by default the top-level key in
    /// kebab case (`routingProfiles` → `routing-profiles.yaml`).
    var exportFile: String { get }
    /// Comment lines `patchbay export` writes above this kind's section (what it cannot read back).
    var exportComments: [String] { get }
}

extension KindHandler {
    func fingerprintTags(_ fields: [String: FieldValue]) -> [String: String] { [:] }
    func replaceReason(_ address: ResourceAddress, changed: Set<String>, renamedFrom: String?, live: LiveResource) -> String? { nil }
    func problems(_ address: ResourceAddress, live: LiveResource, desired fields: [String: FieldValue]) -> [String] { [] }
    func fillCalls(_ resource: Resource) -> [PlannedCall] { [] }
    func translatingRenames(_ fields: [String: FieldValue], _ renames: Renames) -> [String: FieldValue] { fields }
    func liveReferences(_ live: LiveResource) -> [ResourceAddress] { [] }
    func waitsForDeletes(_ change: PlannedChange) -> [ResourceKind] { [] }
    func pruneInstead(_ live: LiveResource) -> PruneInstead? { nil }
    var breaksCycles: Bool { false }
    var instanceQuota: InstanceQuota? { nil }
    var isOwned: Bool { true }
    var searchHasTags: Bool { true }
    var readsOnlyWhenDeclared: Bool { false }
    var prunesUnowned: Bool { false }
    func missingProblem(_ address: ResourceAddress, instanceId: String) -> String? { nil }
    var waitsFor: [ResourceKind] { [] }
    func contentFile(_ resource: Resource) -> String? { nil }
    func secrets(_ resource: Resource) -> [String: SensitiveValue] { [:] }
    func details(_ raw: Raw, _ identity: LiveIdentity, _ context: DetailContext) -> DetailPlan { .none }
    func exported(_ live: LiveResource, _ export: ExportContext) -> ExportedResource? {
        export.external(live) ?? .named(live, live.fields)
    }
    var exportFile: String {
        var file = ""
        for c in kind.manifestSection { file += c.isUppercase ? "-" + c.lowercased() : String(c) }
        return file + ".yaml"
    }
    var exportComments: [String] { [] }
}

/// What prune does with a resource Connect cannot delete (an agent status is disabled).
struct PruneInstead: Sendable {
    var fields: [FieldChange]
    var calls: [PlannedCall]
    /// Said in the plan, next to the change.
    var reason: String
}

/// A resource found by name in the instance.
struct FoundResource: Sendable {
    var id: String
    var arn: String
    var tags: [String: String]
}

/// Model.Flow content in the form the differ compares (ARNs turned back into references).
typealias FlowContentProjector = @Sendable (FlowContent) -> FlowContentForm

/// Resources matched through `renamedFrom`: old live address → new declared name.
struct Renames: Sendable {
    var byOldAddress: [ResourceAddress: String]

    var isEmpty: Bool { byOldAddress.isEmpty }

    /// The name a reference of `kind` to `name` should have now.
    func name(_ kind: ResourceKind, _ name: String) -> String { byOldAddress[ResourceAddress(kind, name)] ?? name }

    /// `fields[key]`, a name of `kind`, under its new name.
    func renaming(_ fields: [String: FieldValue], _ key: String, _ kind: ResourceKind) -> [String: FieldValue] {
        guard case let .string(old)? = fields[key] else { return fields }
        var fields = fields
        fields[key] = .string(name(kind, old))
        return fields
    }
}

/// A kind read with one Search operation: searching everything and finding one by name
/// (after a DuplicateResourceException) are then the same call with or without a name.
protocol SearchableKind: KindHandler where Raw: ConnectSearchable {
    /// Shown in the read progress line (`queues`).
    var readLabel: String { get }
    /// The Search criteria for everything of this kind (nil), or for the resources named `name`.
    func criteria(named name: String?) -> Raw.SearchCriteria?
}

extension SearchableKind {
    func searchPages(_ reader: any ConnectReader, _ instanceId: String, named name: String?) -> ConnectPages<SearchResponse<Raw>> {
        reader.pages(SearchRequest<Raw>(instanceId: instanceId, criteria: criteria(named: name)))
    }

    func search(_ context: LiveReadContext) async throws -> [Raw] {
        try await context.all(readLabel, searchPages(context.reader, context.instanceId, named: nil))
    }

    func find(_ name: String, reader: any ConnectReader, instanceId: String) async throws -> FoundResource? {
        for try await page in searchPages(reader, instanceId, named: name) {
            for raw in page.items {
                guard let identity = identity(of: raw), identity.address.name == name else { continue }
                return FoundResource(id: identity.id, arn: identity.arn, tags: project(raw, identity, NameIndex([])).tags)
            }
        }
        return nil
    }
}

extension StringCondition {
    /// `FieldName` equal to `value`, as Search compares names.
    static func exact(_ field: String, _ value: String?) -> StringCondition? {
        value.map { StringCondition(FieldName: field, Value: $0, ComparisonType: .EXACT) }
    }
}
