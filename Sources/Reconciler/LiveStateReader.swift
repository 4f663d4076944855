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
    /// Search lacks for the declared resources (and the names they were renamed from). In
    /// `.fast` mode a resource whose fingerprint tag matches the manifests is not read one
    /// by one: those fields are taken to be the declared ones.
    public func read(for desired: DesiredState, refresh: RefreshMode = .full) async throws -> LiveState {
        var needed = Set(desired.managedAddresses)
        for resource in desired.declaredResources {
            for old in resource.renamedFrom { needed.insert(ResourceAddress(resource.address.kind, old)) }
        }
        var declared: [ResourceAddress: [String: FieldValue]] = [:]
        if refresh == .fast {
            let fingerprinted: Set<ResourceKind> = [.user, .routingProfile, .securityProfile]
            for item in KindRegistry.items(in: desired, content: { _ in FlowContentForm(behaviour: "", layout: "") })
            where fingerprinted.contains(item.address.kind) {
                declared[item.address] = item.fields
            }
        }
        return try await read(needed: needed, declared: declared)
    }

    /// Reads the instance. `needed` names the resources whose full details are wanted;
    /// `declared` holds the projected fields of resources whose fingerprints may be trusted.
    public func read(needed: Set<ResourceAddress>, declared: [ResourceAddress: [String: FieldValue]] = [:]) async throws -> LiveState {
        let calls = CallCounter()
        let reader = self.reader
        let iid = instanceId
        async let hours = all("hours of operation", calls, reader.pages(SearchRequest<ConnectAPI.HoursOfOperation>(instanceId: iid)))
        async let queues = all("queues", calls, reader.pages(SearchRequest<ConnectAPI.Queue>(
            instanceId: iid, criteria: QueueSearchCriteria(QueueTypeCondition: "STANDARD"))))
        async let profiles = all("routing profiles", calls, reader.pages(SearchRequest<ConnectAPI.RoutingProfile>(instanceId: iid)))
        async let flows = all("flows", calls, reader.pages(SearchRequest<ContactFlow>(instanceId: iid)))
        async let modules = all("flow modules", calls, reader.pages(SearchRequest<ContactFlowModule>(instanceId: iid)))
        async let securityProfiles = all("security profiles", calls, reader.pages(SearchRequest<SecurityProfileSearchSummary>(instanceId: iid)))
        async let groups = all("hierarchy groups", calls, reader.pages(SearchRequest<ConnectAPI.HierarchyGroup>(instanceId: iid)))
        async let structure = { () async throws -> HierarchyStructure in
            calls.add()
            return try await reader.describe(HierarchyStructure.self, instanceId: iid)
        }()
        async let users = all("users", calls, reader.pages(SearchRequest<UserSearchSummary>(instanceId: iid)))

        var raw = RawState()
        raw.hours = try await hours
        raw.queues = try await queues
        raw.profiles = try await profiles
        raw.flows = try await flows
        raw.modules = try await modules
        raw.securityProfiles = try await securityProfiles
        raw.groups = try await groups
        raw.structure = try await structure
        raw.users = try await users

        // Second phase: the fields Search lacks, for the resources the plan needs.
        let details = Mutex(RawDetails())
        var jobs: [@Sendable () async throws -> Void] = []
        var trusted: [String: [String: FieldValue]] = [:]  // resource id → fields taken as declared
        let queueIds = Dictionary(raw.queues.compactMap { q in q.Name.flatMap { n in q.QueueId.map { (n, $0) } } },
                                  uniquingKeysWith: { a, _ in a })
        for p in raw.profiles {
            guard let id = p.RoutingProfileId, let name = p.Name, needed.contains(ResourceAddress(.routingProfile, name)) else { continue }
            if let mine = declared[ResourceAddress(.routingProfile, name)], let queues = mine["queues"],
               p.Tags?[Fingerprint.queuesTag] == Fingerprint.of(queues) {
                // The fingerprint must agree with the queue ids Search does return.
                let declaredIds = RoutingQueueDelta.entries(queues).map { queueIds[$0.queue] }
                if !declaredIds.contains(nil), Set(declaredIds.compactMap { $0 }) == Set(p.AssociatedQueueIds ?? []) {
                    trusted[id] = ["queues": queues]
                    continue
                }
            }
            jobs.append {
                let pages = reader.pages(ListRequest<Listings.RoutingProfileQueues>(instanceId: iid, parentId: id))
                var configs: [RoutingProfileQueueConfigSummary] = []
                for try await page in pages { calls.add(); configs += page.items }
                details.withLock { $0.profileQueues[id] = configs }
            }
        }
        for s in raw.securityProfiles {
            guard let id = s.Id, let name = s.SecurityProfileName, needed.contains(ResourceAddress(.securityProfile, name)) else { continue }
            if let mine = declared[ResourceAddress(.securityProfile, name)], let permissions = mine["permissions"],
               s.Tags?[Fingerprint.permissionsTag] == Fingerprint.of(permissions) {
                trusted[id] = ["permissions": permissions]
                continue
            }
            jobs.append {
                let pages = reader.pages(ListRequest<Listings.SecurityProfilePermissions>(instanceId: iid, parentId: id))
                var permissions: [String] = []
                for try await page in pages { calls.add(); permissions += page.items }
                details.withLock { $0.permissions[id] = permissions }
            }
        }
        for u in raw.users {
            guard let id = u.Id, let name = u.Username, needed.contains(ResourceAddress(.user, name)) else { continue }
            if let mine = declared[ResourceAddress(.user, name)],
               u.Tags?[Fingerprint.identityTag] == Fingerprint.of(Fingerprint.identity(mine)) {
                trusted[id] = ["email": mine["email"] ?? "", "secondaryEmail": mine["secondaryEmail"] ?? "", "mobile": mine["mobile"] ?? ""]
                continue
            }
            jobs.append {
                calls.add()
                let user = try await reader.describe(ConnectAPI.User.self, instanceId: iid, id: id)
                details.withLock { $0.identity[id] = user.IdentityInfo }
            }
        }
        for f in raw.flows where f.Content == nil {
            guard let id = f.Id, let name = f.Name, needed.contains(ResourceAddress(.flow, name)) else { continue }
            jobs.append {
                calls.add()
                let flow = try await reader.describe(ContactFlow.self, instanceId: iid, id: id)
                details.withLock { $0.flowContent[id] = flow.Content }
            }
        }
        for m in raw.modules where m.Content == nil {
            guard let id = m.Id, let name = m.Name, needed.contains(ResourceAddress(.flowModule, name)) else { continue }
            jobs.append {
                calls.add()
                let module = try await reader.describe(ContactFlowModule.self, instanceId: iid, id: id)
                details.withLock { $0.flowContent[id] = module.Content }
            }
        }
        let total = jobs.count
        let done = Mutex(0)
        try await withThrowingTaskGroup(of: Void.self) { group in
            var next = 0
            while next < min(concurrency, jobs.count) {
                group.addTask(operation: jobs[next]); next += 1
            }
            while try await group.next() != nil {
                let n = done.withLock { $0 += 1; return $0 }
                onProgress?(Progress(kind: "details", read: n, total: total))
                if next < jobs.count { group.addTask(operation: jobs[next]); next += 1 }
            }
        }
        var state = LiveProjection.project(raw, details.withLock { $0 }, readCalls: calls.count)
        for (address, resource) in state.resources {
            guard let fields = trusted[resource.id] else { continue }
            state.resources[address]?.fields.merge(fields) { _, trustedValue in trustedValue }
        }
        return state
    }

    private func all<P: ConnectPage>(_ kind: String, _ calls: CallCounter, _ pages: ConnectPages<P>) async throws -> [P.Item] {
        var items: [P.Item] = []
        for try await page in pages {
            calls.add()
            items += page.items
            onProgress?(Progress(kind: kind, read: items.count, total: nil))
        }
        return items
    }
}

/// Counts Connect calls across concurrent tasks.
final class CallCounter: Sendable {
    private let value = Mutex(0)
    func add() { value.withLock { $0 += 1 } }
    var count: Int { value.withLock { $0 } }
}

/// What the Search calls returned.
struct RawState: Sendable {
    var hours: [ConnectAPI.HoursOfOperation] = []
    var queues: [ConnectAPI.Queue] = []
    var profiles: [ConnectAPI.RoutingProfile] = []
    var flows: [ContactFlow] = []
    var modules: [ContactFlowModule] = []
    var securityProfiles: [SecurityProfileSearchSummary] = []
    var groups: [ConnectAPI.HierarchyGroup] = []
    var structure: HierarchyStructure?
    var users: [UserSearchSummary] = []
}

/// What the per-resource calls returned, by resource id.
struct RawDetails: Sendable {
    var profileQueues: [String: [RoutingProfileQueueConfigSummary]] = [:]
    var permissions: [String: [String]] = [:]
    var identity: [String: UserIdentityInfo?] = [:]
    var flowContent: [String: String?] = [:]
}
