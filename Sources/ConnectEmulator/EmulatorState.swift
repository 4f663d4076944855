import Foundation

/// The resource kinds the emulator stores. What each kind is on the wire (names, ARN
/// segment, shapes, quotas) and how its operations behave is its `KindHandler`, one file
/// per kind, registered in `KindRegistry`.
enum ResourceKind: String, Codable, CodingKeyRepresentable, CaseIterable, Sendable {
    case hoursOfOperation, queue, routingProfile, contactFlow, flowModule, securityProfile,
         hierarchyGroup, user, quickConnect, agentStatus, prompt, phoneNumber,
         predefinedAttribute, taskTemplate

    var handler: KindHandler { KindRegistry.handler(self) }
    var arnSegment: String { handler.arnSegment }
    var label: String { handler.label }
    var resourceTypeName: String { handler.resourceTypeName }

    static let bySegment: [String: ResourceKind] = Dictionary(uniqueKeysWithValues: allCases.map { ($0.arnSegment, $0) })
}

/// One stored resource. `attrs` are Describe members (other than id/arn/name/tags and
/// the LastModified pair); `hidden` holds state the Describe shape does not show
/// (routing-profile queue configs, queue quick connects, permissions, …).
struct StoredResource: Codable, Sendable, Equatable {
    var id: String
    var arn: String
    var name: String
    var tags: [String: String] = [:]
    var attrs: [String: JSONValue] = [:]
    var hidden: [String: JSONValue] = [:]
    var created: Double
    var modified: Double
}

/// One level of the user hierarchy structure.
struct HierarchyLevel: Codable, Sendable, Equatable {
    var id: String
    var arn: String
    var name: String
    var modified: Double
}

/// The whole instance: what `--state FILE` persists. Each kind lives in one
/// `ResourceTable` (by id, by name, in order); `references` indexes who refers to whom.
/// Writes inside an operation are journalled so a failing operation is undone without
/// copying any table (`begin` / `commit` / `rollback`).
struct InstanceState: Sendable {
    var instanceId: String
    var instanceArn: String
    var instanceAlias: String
    var region: String
    var accountId: String
    var createdTime: Double
    private(set) var tables: [ResourceKind: ResourceTable] = [:]
    private(set) var references = ReferenceIndex()
    /// Index 0 = LevelOne … up to 5 levels.
    var hierarchyLevels: [HierarchyLevel] = []
    var tokenSecret: String = ""
    /// Instance-level integrations (AssociateLambdaFunction, AssociateBot): Lambda function ARNs
    /// and Lex V2 bot alias ARNs, sorted.
    var integrations = Integrations()
    /// The emulator's S3 objects (`ObjectStorage`), by `bucket/key`.
    var objects: [String: StoredObject] = [:]
    private var undo: [(ResourceRef, StoredResource?)]?
    private var levelsBefore: [HierarchyLevel] = []
    private var integrationsBefore = Integrations()

    init(instanceId: String, instanceArn: String, instanceAlias: String, region: String, accountId: String,
         createdTime: Double, tokenSecret: String) {
        self.instanceId = instanceId
        self.instanceArn = instanceArn
        self.instanceAlias = instanceAlias
        self.region = region
        self.accountId = accountId
        self.createdTime = createdTime
        self.tokenSecret = tokenSecret
    }

    func all(_ kind: ResourceKind) -> [StoredResource] { tables[kind]?.sorted ?? [] }

    /// `all(kind)` as a view, for paging without building the whole list.
    func ordered(_ kind: ResourceKind) -> LazyMapCollection<[ResourceTable.SortKey], StoredResource> {
        (tables[kind] ?? ResourceTable()).ordered
    }

    func get(_ kind: ResourceKind, _ id: String) -> StoredResource? { tables[kind]?[id] }

    func contains(id: String) -> Bool { tables.values.contains { $0[id] != nil } }

    mutating func put(_ kind: ResourceKind, _ r: StoredResource) {
        let old = tables[kind, default: ResourceTable()].put(r)
        record(ResourceRef(kind: kind, id: r.id), old, new: r)
    }

    mutating func remove(_ kind: ResourceKind, _ id: String) {
        guard let old = tables[kind]?.remove(id) else { return }
        record(ResourceRef(kind: kind, id: id), old, new: nil)
    }

    private mutating func record(_ ref: ResourceRef, _ old: StoredResource?, new: StoredResource?) {
        undo?.append((ref, old))
        let refs = ref.kind.handler.references
        references.update(from: ref, old: old.map(refs) ?? [], new: new.map(refs) ?? [])
    }

    func count(_ kind: ResourceKind) -> Int { tables[kind]?.count ?? 0 }

    /// Ids of the resources of `kind` that refer to `target`.
    func referrers(of target: ResourceRef, kind: ResourceKind) -> Set<String> {
        references.referrers(of: target, kind: kind)
    }

    /// The resource an ARN of this instance names (`…/{segment}/{id}`, agent queues
    /// `…/queue/agent/{id}`), found through the ARN's segment rather than by scanning.
    func find(arn: String) -> (ResourceKind, StoredResource)? {
        if let number = phoneNumber(arn: arn) { return (.phoneNumber, number) }
        let prefix = instanceArn + "/"
        guard arn.hasPrefix(prefix) else { return nil }
        let rest = arn.dropFirst(prefix.count)
        guard let slash = rest.firstIndex(of: "/"), let kind = ResourceKind.bySegment[String(rest[..<slash])] else { return nil }
        var id = String(rest[rest.index(after: slash)...])
        if kind == .queue, id.hasPrefix("agent/") { id = String(id.dropFirst(6)) }
        guard let r = get(kind, id), r.arn == arn else { return nil }
        return (kind, r)
    }

    /// A phone number's ARN has no instance segment: `arn:aws:connect:{region}:{account}:phone-number/{id}`.
    private func phoneNumber(arn: String) -> StoredResource? {
        let prefix = "arn:aws:connect:\(region):\(accountId):phone-number/"
        guard arn.hasPrefix(prefix), let r = get(.phoneNumber, String(arn.dropFirst(prefix.count))), r.arn == arn else { return nil }
        return r
    }

    func byName(_ kind: ResourceKind, _ name: String) -> [StoredResource] { tables[kind]?.named(name) ?? [] }

    // MARK: - One operation at a time

    mutating func begin() {
        undo = []
        levelsBefore = hierarchyLevels
        integrationsBefore = integrations
    }

    mutating func commit() { undo = nil }

    /// Undoes every write since `begin()`, newest first.
    mutating func rollback() {
        guard let log = undo else { return }
        undo = nil
        for (ref, old) in log.reversed() {
            if let old { put(ref.kind, old) } else { remove(ref.kind, ref.id) }
        }
        hierarchyLevels = levelsBefore
        integrations = integrationsBefore
    }
}

extension InstanceState: Codable {
    enum CodingKeys: String, CodingKey {
        case instanceId, instanceArn, instanceAlias, region, accountId, createdTime, resources, hierarchyLevels, tokenSecret
        case integrations, objects
    }

    /// The version-1 layout: `resources` is kind → id → resource; the indexes are rebuilt.
    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(instanceId: try c.decode(String.self, forKey: .instanceId),
                  instanceArn: try c.decode(String.self, forKey: .instanceArn),
                  instanceAlias: try c.decode(String.self, forKey: .instanceAlias),
                  region: try c.decode(String.self, forKey: .region),
                  accountId: try c.decode(String.self, forKey: .accountId),
                  createdTime: try c.decode(Double.self, forKey: .createdTime),
                  tokenSecret: try c.decodeIfPresent(String.self, forKey: .tokenSecret) ?? "")
        hierarchyLevels = try c.decodeIfPresent([HierarchyLevel].self, forKey: .hierarchyLevels) ?? []
        integrations = try c.decodeIfPresent(Integrations.self, forKey: .integrations) ?? Integrations()
        objects = try c.decodeIfPresent([String: StoredObject].self, forKey: .objects) ?? [:]
        let resources = try c.decodeIfPresent([ResourceKind: [String: StoredResource]].self, forKey: .resources) ?? [:]
        for (kind, byId) in resources {
            for r in byId.values { put(kind, r) }
        }
    }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(instanceId, forKey: .instanceId)
        try c.encode(instanceArn, forKey: .instanceArn)
        try c.encode(instanceAlias, forKey: .instanceAlias)
        try c.encode(region, forKey: .region)
        try c.encode(accountId, forKey: .accountId)
        try c.encode(createdTime, forKey: .createdTime)
        try c.encode(tables.mapValues(\.byId), forKey: .resources)
        try c.encode(hierarchyLevels, forKey: .hierarchyLevels)
        try c.encode(tokenSecret, forKey: .tokenSecret)
        try c.encode(integrations, forKey: .integrations)
        if !objects.isEmpty { try c.encode(objects, forKey: .objects) }
    }
}

/// What the instance is associated with, for flows to invoke.
struct Integrations: Sendable, Codable, Equatable {
    var lambdaFunctions: [String] = []
    var lexBots: [String] = []
}

/// The on-disk envelope: a format marker and version so foreign files are refused.
struct StateFile: Codable {
    static let formatMarker = "patchbay-connect-emulator-state"
    static let currentVersion = 1
    var format: String
    var version: Int
    var instance: InstanceState

    /// Loads a state file; throws a clear `EmulatorSetupError` for corrupt or foreign files.
    static func load(path: String) throws -> InstanceState? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw EmulatorSetupError("cannot read emulator state file \(path): \(error.localizedDescription)")
        }
        let json: JSONValue
        do { json = try JSONValue.parse(data) } catch {
            throw EmulatorSetupError("refusing to use emulator state file \(path): it is not valid JSON (corrupt?). Move it away or delete it to start a fresh instance.")
        }
        guard json["format"]?.stringValue == formatMarker else {
            throw EmulatorSetupError("refusing to use \(path): not a Patchbay emulator state file (missing \"format\": \"\(formatMarker)\"). Move it away or choose another --state file.")
        }
        guard let v = json["version"]?.intValue, v == currentVersion else {
            throw EmulatorSetupError("refusing to use emulator state file \(path): unsupported version \(json["version"].map { String(describing: $0) } ?? "none") (this emulator reads version \(currentVersion)).")
        }
        do {
            return try JSONDecoder().decode(StateFile.self, from: data).instance
        } catch {
            throw EmulatorSetupError("refusing to use emulator state file \(path): its content is damaged (\(error)). Move it away or delete it to start a fresh instance.")
        }
    }

    /// The same document `Codable` would produce, built directly (fast for big instances).
    static func json(_ s: InstanceState) -> JSONValue {
        func resource(_ r: StoredResource) -> JSONValue {
            ["id": .string(r.id), "arn": .string(r.arn), "name": .string(r.name),
             "tags": .object(r.tags.mapValues { .string($0) }), "attrs": .object(r.attrs), "hidden": .object(r.hidden),
             "created": .double(r.created), "modified": .double(r.modified)]
        }
        var resources: [String: JSONValue] = [:]
        for (kind, table) in s.tables { resources[kind.rawValue] = .object(table.byId.mapValues(resource)) }
        let instance: JSONValue = [
            "instanceId": .string(s.instanceId), "instanceArn": .string(s.instanceArn), "instanceAlias": .string(s.instanceAlias),
            "region": .string(s.region), "accountId": .string(s.accountId), "createdTime": .double(s.createdTime),
            "resources": .object(resources), "tokenSecret": .string(s.tokenSecret),
            "hierarchyLevels": .array(s.hierarchyLevels.map {
                ["id": .string($0.id), "arn": .string($0.arn), "name": .string($0.name), "modified": .double($0.modified)]
            }),
            "integrations": ["lambdaFunctions": .array(s.integrations.lambdaFunctions.map { .string($0) }),
                             "lexBots": .array(s.integrations.lexBots.map { .string($0) })],
        ]
        return ["format": .string(formatMarker), "version": .int(currentVersion), "instance": instance]
    }

    /// Writes atomically: a temporary file beside the target, then rename(2).
    static func save(_ state: InstanceState, path: String) throws {
        let data = json(state).serialized()
        let tmp = path + ".tmp-\(getpid())"
        try data.write(to: URL(fileURLWithPath: tmp))
        if rename(tmp, path) != 0 {
            let err = String(cString: strerror(errno))
            unlink(tmp)
            throw EmulatorSetupError("cannot write emulator state file \(path): \(err)")
        }
    }
}

/// Writes the state file behind the requests. A change only marks the state dirty; the
/// serial queue then takes one snapshot (under the service lock, copy-on-write) per
/// write, so changes that arrive while a write is running are coalesced into the next
/// one and a write costs the requests at most one table copy, not one per change. After
/// a write the next one waits at least as long as that write took, so however fast the
/// changes come the writer uses at most half a core (a big instance's file takes a while
/// to serialize). `flush()` (called on shutdown) writes what is pending at once.
final class StatePersister: @unchecked Sendable {
    let path: String
    private let lock = NSLock()
    private var dirty = false
    private var scheduled = false
    private var source: (@Sendable () -> InstanceState?)?
    private let queue = DispatchQueue(label: "patchbay.emulator.state")

    init(path: String) { self.path = path }

    /// Where snapshots come from (the service, which takes its own lock).
    func attach(_ source: @escaping @Sendable () -> InstanceState?) {
        lock.lock()
        self.source = source
        lock.unlock()
    }

    func submit() {
        lock.lock()
        dirty = true
        let schedule = !scheduled
        scheduled = true
        lock.unlock()
        if schedule { queue.async { self.drain() } }
    }

    func flush() { queue.sync { _ = self.writeIfDirty() } }

    private func drain() {
        guard let took = writeIfDirty() else {
            lock.lock()
            scheduled = false
            let again = dirty  // a change between the check and now
            if again { scheduled = true }
            lock.unlock()
            if again { queue.async { self.drain() } }
            return
        }
        queue.asyncAfter(deadline: .now() + took) { self.drain() }
    }

    /// Writes the current state if it changed; returns how long that took (nil: nothing to do).
    private func writeIfDirty() -> Double? {
        lock.lock()
        guard dirty, let source else {
            lock.unlock()
            return nil
        }
        dirty = false
        lock.unlock()
        let started = DispatchTime.now()
        if let next = source() {
            do {
                try StateFile.save(next, path: path)
            } catch {
                FileHandle.standardError.write(Data("emulator: could not write state: \(error)\n".utf8))
            }
        }
        return Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
    }
}
