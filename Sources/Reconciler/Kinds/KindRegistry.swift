import ConnectAPI
import Model

/// The resource kinds the reconciler manages, in creation order. Adding a kind: its
/// handler, and one line here.
enum KindRegistry {
    static let handlers: [AnyKindHandler] = [
        AnyKindHandler(HierarchyStructureHandler()),
        AnyKindHandler(HoursOfOperationHandler()),
        AnyKindHandler(QueueHandler()),
        AnyKindHandler(QuickConnectHandler()),
        AnyKindHandler(PromptHandler()),
        AnyKindHandler(IntegrationHandler(kind: .lambdaFunction)),
        AnyKindHandler(IntegrationHandler(kind: .lexBot)),
        AnyKindHandler(FlowModuleHandler()),
        AnyKindHandler(FlowHandler()),
        AnyKindHandler(PhoneNumberHandler()),
        AnyKindHandler(RoutingProfileHandler()),
        AnyKindHandler(SecurityProfileHandler()),
        AnyKindHandler(HierarchyGroupHandler()),
        AnyKindHandler(UserHandler()),
        AnyKindHandler(AgentStatusHandler()),
        AnyKindHandler(PredefinedAttributeHandler()),
        AnyKindHandler(TaskTemplateHandler()),
    ]

    private static let byKind: [ResourceKind: AnyKindHandler] = Dictionary(
        handlers.map { ($0.kind, $0) }, uniquingKeysWith: { first, _ in first })

    static func handler(for kind: ResourceKind) -> AnyKindHandler? { byKind[kind] }

    /// Every declared resource with its projection, in address order.
    static func items(in desired: DesiredState, content: @escaping FlowContentProjector) -> [DesiredItem] {
        handlers.flatMap { $0.items(desired, content) }.sorted { $0.address < $1.address }
    }
}

/// One declared resource, projected, with its calls bound to it.
struct DesiredItem: Sendable {
    let address: ResourceAddress
    let renamedFrom: [String]
    /// In the differ's vocabulary, `tags` included (with the stack's tags and fingerprints).
    let fields: [String: FieldValue]
    let contentFile: String?
    let secrets: [String: SensitiveValue]
    let createCalls: @Sendable (_ placeholder: Bool) -> [PlannedCall]
    let fillCalls: @Sendable () -> [PlannedCall]
    let updateCalls: @Sendable (_ live: LiveResource, _ changed: Set<String>) -> [PlannedCall]
}

/// A `KindHandler` with its resource type erased, so handlers of every kind share one list.
struct AnyKindHandler: Sendable {
    let kind: ResourceKind
    let breaksCycles: Bool
    let instanceQuota: InstanceQuota?
    let isOwned: Bool
    let prunesUnowned: Bool
    let readsOnlyWhenDeclared: Bool
    let missingProblem: @Sendable (ResourceAddress, String) -> String?
    let waitsFor: [ResourceKind]
    let items: @Sendable (DesiredState, @escaping FlowContentProjector) -> [DesiredItem]
    let replaceReason: @Sendable (ResourceAddress, Set<String>, String?, LiveResource) -> String?
    let problems: @Sendable (ResourceAddress, LiveResource, [String: FieldValue]) -> [String]
    let deleteCalls: @Sendable (LiveResource) -> [PlannedCall]
    let pruneInstead: @Sendable (LiveResource) -> PruneInstead?
    let translatingRenames: @Sendable ([String: FieldValue], Renames) -> [String: FieldValue]
    let liveReferences: @Sendable (LiveResource) -> [ResourceAddress]
    let waitsForDeletes: @Sendable (PlannedChange) -> [ResourceKind]
    let find: @Sendable (String, any ConnectReader, String) async throws -> FoundResource?
    let search: @Sendable (LiveReadContext) async throws -> SearchedKind
    let exported: @Sendable (LiveResource, ExportContext) -> ExportedResource?
    let exportFile: String
    let exportComments: [String]

    init<H: KindHandler>(_ handler: H) {
        kind = handler.kind
        breaksCycles = handler.breaksCycles
        instanceQuota = handler.instanceQuota
        isOwned = handler.isOwned
        prunesUnowned = handler.prunesUnowned
        readsOnlyWhenDeclared = handler.readsOnlyWhenDeclared
        missingProblem = { handler.missingProblem($0, instanceId: $1) }
        waitsFor = handler.waitsFor
        replaceReason = { handler.replaceReason($0, changed: $1, renamedFrom: $2, live: $3) }
        problems = { handler.problems($0, live: $1, desired: $2) }
        deleteCalls = { handler.deleteCalls($0) }
        pruneInstead = { handler.pruneInstead($0) }
        translatingRenames = { handler.translatingRenames($0, $1) }
        liveReferences = { handler.liveReferences($0) }
        waitsForDeletes = { handler.waitsForDeletes($0) }
        find = { try await handler.find($0, reader: $1, instanceId: $2) }
        search = { SearchedKind(handler, try await handler.search($0)) }
        exported = { handler.exported($0, $1) }
        exportFile = handler.exportFile
        exportComments = handler.exportComments
        items = { desired, content in
            handler.declared(in: desired).map { resource in Self.item(handler, resource, desired, content) }
        }
    }

    private static func item<H: KindHandler>(_ handler: H, _ resource: H.Resource, _ desired: DesiredState,
                                             _ content: FlowContentProjector) -> DesiredItem {
        var fields = handler.fields(of: resource, content: content)
        var tags: [String: String] = [:]
        if handler.isOwned {
            tags = desired.tags.merging(resource.ownTags) { _, own in own }
            tags[Ownership.stackTag] = desired.stack
            tags.merge(handler.fingerprintTags(fields)) { _, fingerprint in fingerprint }
            fields["tags"] = Projection.tagsValue(tags)
        }
        let projected = fields, allTags = tags
        return DesiredItem(
            address: resource.address, renamedFrom: resource.renamedFrom, fields: projected,
            contentFile: handler.contentFile(resource), secrets: handler.secrets(resource),
            createCalls: { placeholder in
                // Fingerprint tags are stamped when sent, and re-stamped after any call that follows the create.
                let calls = handler.createCalls(resource, fields: projected, tags: allTags, placeholder: placeholder).map { call in
                    guard case let .object(tags)? = call.input["Tags"] else { return call }
                    var stamped = call
                    stamped.input["Tags"] = .object(Dictionary(uniqueKeysWithValues: tags.map { (key, value) -> (String, CallValue) in
                        if case let .string(s) = value { return (key, CallShapes.tagValue(key, s)) }
                        return (key, value)
                    }))
                    return stamped
                }
                return CallShapes.restamped(calls, arn: .arn(resource.address), tags: projected["tags"])
            },
            fillCalls: { handler.fillCalls(resource) },
            updateCalls: { handler.updateCalls(resource, fields: projected, live: $0, changed: $1) })
    }
}
