import ConnectAPI
import Foundation
import Model
import Synchronization

/// Reads the live state of an instance with the fewest calls: one Search per kind at its
/// largest page size, then per-resource List/Describe calls only for fields Search does
/// not return, and only for the resources the plan needs (declared ones, and this stack's
/// prune candidates when pruning).
///
/// | Kind | Search returns | Extra calls, per needed resource |
/// |---|---|---|
/// | hours, queues, flows, modules | everything compared | DescribeContactFlow(Module) only when Search left `Content` out |
/// | routing profiles | name, description, concurrency, default queue, tags | ListRoutingProfileQueues (priority, delay, channel) |
/// | security profiles | name, description, tags | ListSecurityProfilePermissions |
/// | hierarchy groups | everything (path, tags) | — (plus one DescribeUserHierarchyStructure) |
/// | users | names, routing/security profiles, hierarchy, phone, tags | DescribeUser (e-mail, secondary e-mail, mobile) |
/// | phone numbers | ListPhoneNumbersV2, and ListFlowAssociations (VOICE_PHONE_NUMBER) once when there are numbers | — |
/// | integrations | ListLambdaFunctions, ListBots (V2) | — |
/// | task templates | ListTaskTemplates (only when declared, pruning or exporting): name, description, status | GetTaskTemplate (flows, fields, constraints, defaults, tags) |
public struct LiveStateReader: Sendable {
    public struct Progress: Sendable {
        public var kind: String
        public var read: Int
        public var total: Int?
    }

    let reader: any ConnectReader
    let instanceId: String
    let concurrency: Int
    let onProgress: (@Sendable (Progress) -> Void)?

    public init(reader: any ConnectReader, instanceId: String, concurrency: Int = 8,
                onProgress: (@Sendable (Progress) -> Void)? = nil) {
        self.reader = reader
        self.instanceId = instanceId
        self.concurrency = concurrency
        self.onProgress = onProgress
    }

    /// Reads what a plan for `desired` needs: everything Search returns, plus the fields
    /// Search lacks for the declared resources (and the names they were renamed from). In `.verified` mode (the default)
    /// a resource whose fingerprint tag matches the manifests and which nothing modified since
    /// Patchbay wrote it is not read one by one: those fields are taken to be the declared ones.
    /// With `prune`, this stack's undeclared resources are read in full too, so that a planned
    /// delete shows what it removes (a user's e-mail, a profile's queues).
    public func read(for desired: DesiredState, refresh: RefreshMode = .verified, prune: Bool = false) async throws -> LiveState {
        var needed = Set(desired.managedAddresses)
        var declared: [ResourceAddress: [String: FieldValue]] = [:], managed: [ResourceAddress: Set<String>] = [:]
        for item in KindRegistry.items(in: desired, content: { _ in FlowContentForm(behaviour: "", layout: "") }) {
            let addresses = [item.address] + item.renamedFrom.map { ResourceAddress(item.address.kind, $0) }
            for address in addresses { managed[address] = Set(item.fields.keys) }
            needed.formUnion(addresses.dropFirst())
            if refresh == .verified && LastModified.kinds.contains(item.address.kind) { declared[item.address] = item.fields }
        }
        let kinds = Set(needed.map(\.kind)).union(desired.externals.map(\.kind))
        return try await read(needed: needed, declared: declared, managed: managed, pruneStack: prune ? desired.stack : nil,
                              declaredKinds: kinds)
    }

    /// Reads everything in the instance in full, every optional field included (a queue's quick
    /// connects, every user's e-mail): what `patchbay export` writes manifests from.
    public func readEverything() async throws -> LiveState {
        try await read(needed: [], everything: true)
    }

    /// Reads the instance. `needed` names the resources whose full details are wanted;
    /// `declared` holds the projected fields of resources whose fingerprints may be trusted;
    /// `managed` the fields the manifests manage per resource (optional fields such as a queue's
    /// quick connects are read only where managed). `declaredKinds` (nil: all) lets the kinds that
    /// read only when declared (`readsOnlyWhenDeclared`, task templates) be left out when not pruning.
    public func read(needed: Set<ResourceAddress>, declared: [ResourceAddress: [String: FieldValue]] = [:],
                     managed: [ResourceAddress: Set<String>] = [:], pruneStack: String? = nil,
                     everything: Bool = false, declaredKinds: Set<ResourceKind>? = nil) async throws -> LiveState {
        let context = LiveReadContext(reader: reader, instanceId: instanceId, calls: CallCounter(), onProgress: onProgress)
        // First phase: one Search per kind, all kinds at once; for a verified read, the List pages
        // with LastModifiedTime of the kinds whose fingerprints may be trusted.
        async let modified = LastModified.read(Set(declared.keys.map(\.kind)), context)
        let searched = try await withThrowingTaskGroup(of: (Int, SearchedKind).self) { group in
            for (n, handler) in KindRegistry.handlers.enumerated() {
                if handler.readsOnlyWhenDeclared, !everything, pruneStack == nil, let kinds = declaredKinds, !kinds.contains(handler.kind) {
                    continue
                }
                group.addTask { (n, try await handler.search(context)) }
            }
            var results: [(Int, SearchedKind)] = []
            for try await result in group { results.append(result) }
            return results.sorted { $0.0 < $1.0 }.map(\.1)
        }
        let names = NameIndex(searched.flatMap(\.identities).filter { $0.address.kind != .userHierarchy })

        // Second phase: the fields Search lacks, for the resources the plan needs.
        let detailContext = DetailContext(read: context, names: names, needed: needed.union([Self.structure]),
                                          declared: declared, lastModified: try await modified, managed: managed,
                                          pruneStack: pruneStack, everything: everything)
        var details: [String: [String: FieldValue]] = [:]
        var jobs: [(id: String, fetch: @Sendable () async throws -> [String: FieldValue])] = []
        for kind in searched {
            for (id, plan) in kind.details(detailContext) {
                switch plan {
                case .none: break
                case let .trusted(fields), let .known(fields): details[id] = fields
                case let .fetch(fetch): jobs.append((id, fetch))
                }
            }
        }
        for (id, fields) in try await fetchAll(jobs) { details[id] = fields }

        var resources = searched.flatMap { $0.project(names, details) }
        let structure = resources.first { $0.address == Self.structure }
        resources.removeAll { $0.address.kind == .userHierarchy }
        var levels: [String] = []
        if case let .list(names)? = structure?.fields["levels"] {
            levels = names.compactMap { if case let .string(s) = $0 { s } else { nil } }
        }
        return LiveState(resources: resources, hierarchyLevels: levels, readCalls: context.calls.count)
    }

    private static let structure = ResourceAddress(.userHierarchy, HierarchyStructureDeclaration.name)

    /// Runs the per-resource reads, `concurrency` at a time, reporting progress.
    private func fetchAll(_ jobs: [(id: String, fetch: @Sendable () async throws -> [String: FieldValue])]) async throws
        -> [(String, [String: FieldValue])] {
        let total = jobs.count
        return try await withThrowingTaskGroup(of: (String, [String: FieldValue]).self) { group in
            var next = 0, results: [(String, [String: FieldValue])] = []
            func start() {
                let job = jobs[next]
                group.addTask { (job.id, try await job.fetch()) }
                next += 1
            }
            while next < min(concurrency, total) { start() }
            while let result = try await group.next() {
                results.append(result)
                onProgress?(Progress(kind: "details", read: results.count, total: total))
                if next < total { start() }
            }
            return results
        }
    }
}

/// Counts Connect calls across concurrent tasks.
final class CallCounter: Sendable {
    private let value = Mutex(0)
    func add() { value.withLock { $0 += 1 } }
    var count: Int { value.withLock { $0 } }
}

