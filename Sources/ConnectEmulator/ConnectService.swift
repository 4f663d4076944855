import Foundation

/// The in-memory Amazon Connect instance and its operations. Thread-safe: every call
/// runs under one lock (Connect's consistency is not simulated: writes are visible at once).
/// The operations themselves are in `KindRegistry` (one `Kind+*.swift` file per kind).
final class ConnectService: @unchecked Sendable {
    let configuration: EmulatorConfiguration
    private let lock = NSLock()
    var state: InstanceState
    var random: EmulatorRandom
    let clock: @Sendable () -> Double
    let persister: StatePersister?

    init(configuration: EmulatorConfiguration, state: InstanceState?, random: EmulatorRandom,
         clock: @escaping @Sendable () -> Double = { Date().timeIntervalSince1970 }) {
        self.configuration = configuration
        self.random = random
        self.clock = clock
        self.persister = configuration.stateFile.map { StatePersister(path: $0) }
        if let state {
            self.state = state
        } else {
            var rng = random
            let iid = configuration.instanceId ?? rng.uuid()
            let now = clock()
            self.state = InstanceState(
                instanceId: iid,
                instanceArn: "arn:aws:connect:\(configuration.region):\(configuration.accountId):instance/\(iid)",
                instanceAlias: "patchbay-emulator", region: configuration.region,
                accountId: configuration.accountId, createdTime: now.rounded(.down),
                tokenSecret: rng.uuid())
            self.random = rng
            DefaultInstance.populate(self)
        }
        persister?.attach { [weak self] in self?.snapshot() }
    }

    var instanceId: String { lock.lock(); defer { lock.unlock() }; return state.instanceId }

    /// Runs one operation. Returns the response body (nil = empty 200) and whether state changed.
    /// A failing operation is undone (the state's journal), so it changes nothing.
    func perform(_ call: ServiceCall) throws -> (JSONValue?, Bool) {
        lock.lock()
        defer { lock.unlock() }
        state.begin()
        do {
            let result = try dispatch(call)
            state.commit()
            let changed = Self.mutatingPrefixes.contains { call.operation.hasPrefix($0) }
            if changed { persister?.submit() }
            return (result, changed)
        } catch {
            state.rollback()
            throw ModelErrors.conform(error, operation: call.operation)
        }
    }

    func dispatch(_ c: ServiceCall) throws -> JSONValue? {
        guard let operation = KindRegistry.operations[c.operation] else {
            throw ConnectError.frontDoor(code: "UnknownOperationException", status: 404, message: "Unknown operation \(c.operation)")
        }
        return try operation(self, c)
    }

    /// Waits until the state file holds every change made so far.
    func flush() { persister?.flush() }

    func snapshot() -> InstanceState { lock.lock(); defer { lock.unlock() }; return state }

    /// `body` on the state under the lock, outside any operation's journal (S3 objects).
    func withState<R>(_ body: (inout InstanceState) -> R) -> R { lock.lock(); defer { lock.unlock() }; return body(&state) }

    static let mutatingPrefixes = ["Create", "Update", "Delete", "Associate", "Disassociate", "Tag", "Untag", "Claim", "Release"]

    // MARK: - Helpers shared by the handlers

    var now: Double { clock() }
    var region: String { state.region }

    /// A fresh resource id. A seeded generator restarted on a saved state replays ids it
    /// handed out before, so ids already in the instance are skipped.
    func newId() -> String {
        while true {
            let id = random.uuid()
            if id != state.instanceId, !state.contains(id: id) { return id }
        }
    }

    func arn(_ kind: ResourceKind, _ id: String) -> String {
        "\(state.instanceArn)/\(kind.arnSegment)/\(id)"
    }

    func checkInstance(_ call: ServiceCall, key: String = "InstanceId") throws {
        let iid = call.params[key] ?? call.string(key) ?? ""
        if iid.isEmpty { throw ConnectError.invalidParameter("InstanceId is required") }
        // Connect accepts the instance id or its ARN.
        guard iid == state.instanceId || iid == state.instanceArn else {
            throw ConnectError.notFound("Instance \(iid) not found")
        }
    }

    func require(_ kind: ResourceKind, _ id: String, field: String? = nil) throws -> StoredResource {
        var key = id
        if key.hasPrefix("arn:") {
            if let (k, r) = state.find(arn: key), k == kind { return r }
            key = String(key.split(separator: "/").last ?? "")
        }
        guard let r = state.get(kind, key) else {
            let what = field.map { "\($0) \(id)" } ?? "\(kind.label) \(id)"
            throw ConnectError.notFound("\(what) not found")
        }
        return r
    }

    func validateName(_ name: String, field: String = "Name", max: Int = 127) throws {
        if name.isEmpty { throw ConnectError.invalidParameter("\(field) must not be empty") }
        if name.count > max { throw ConnectError.invalidParameter("\(field) must be at most \(max) characters") }
    }

    func validateDescription(_ d: String?, max: Int = 250, field: String = "Description") throws {
        if let d, d.count > max { throw ConnectError.invalidParameter("\(field) must be at most \(max) characters") }
    }

    func checkUniqueName(_ kind: ResourceKind, _ name: String, except id: String? = nil) throws {
        if state.byName(kind, name).contains(where: { $0.id != id }) {
            throw ConnectError.duplicate("A \(kind.label) with the name \(name) already exists.")
        }
    }

    func checkQuota(_ kind: ResourceKind) throws {
        let h = kind.handler
        let limit = h.quota(configuration.quotas)
        let count = h.quotaCount?(state) ?? state.count(kind)
        if count >= limit {
            throw ConnectError.limitExceeded("The allowed limit for the resource has been exceeded: at most \(limit) \(kind.label) resources per instance.")
        }
    }

    func parseTags(_ value: JSONValue?, field: String = "Tags", allowEmpty: Bool = true) throws -> [String: String] {
        guard let value, !value.isNull else { return [:] }
        guard let o = value.objectValue else { throw ConnectError.invalidParameter("\(field) must be a map") }
        if o.count > 50 { throw ConnectError.invalidParameter("\(field) can have at most 50 tags") }
        if o.isEmpty && !allowEmpty { throw ConnectError.invalidParameter("\(field) must have at least 1 tag") }
        var out: [String: String] = [:]
        for (k, v) in o {
            guard let s = v.stringValue else { throw ConnectError.invalidParameter("tag values must be strings") }
            if k.isEmpty || k.count > 128 { throw ConnectError.invalidParameter("tag keys must be 1-128 characters") }
            if k.lowercased().hasPrefix("aws:") { throw ConnectError.invalidParameter("tag keys must not start with aws:") }
            if s.count > 256 { throw ConnectError.invalidParameter("tag values must be at most 256 characters") }
            out[k] = s
        }
        return out
    }

    func newResource(_ kind: ResourceKind, name: String, tags: [String: String] = [:],
                     attrs: [String: JSONValue] = [:], hidden: [String: JSONValue] = [:], id: String? = nil) -> StoredResource {
        let rid = id ?? newId()
        let t = now
        return StoredResource(id: rid, arn: arn(kind, rid), name: name, tags: tags, attrs: attrs,
                              hidden: hidden, created: t, modified: t)
    }

    func touch(_ kind: ResourceKind, _ r: inout StoredResource) {
        r.modified = now
        state.put(kind, r)
    }

    func createResponse(_ kind: ResourceKind, _ r: StoredResource) -> JSONValue {
        let k = kind.handler.createKeys
        return [k.id: .string(r.id), k.arn: .string(r.arn)]
    }

    /// The common part of every Create: instance, `nameKey` (validated, unique), Tags,
    /// Description; `build` adds the kind's members (and may throw); then the quota.
    func createOp(_ kind: ResourceKind, _ c: ServiceCall, nameKey: String = "Name", maxName: Int = 127,
                  maxDescription: Int? = 250,
                  build: (inout [String: JSONValue], inout [String: JSONValue]) throws -> Void) throws -> StoredResource {
        try checkInstance(c)
        let name = try c.requiredString(nameKey)
        try validateName(name, field: nameKey, max: maxName)
        let tags = try parseTags(c.body["Tags"])
        var attrs: [String: JSONValue] = [:]
        var hidden: [String: JSONValue] = [:]
        if let maxDescription {
            try validateDescription(c.string("Description"), max: maxDescription)
            if let d = c.string("Description") { attrs["Description"] = .string(d) }
        }
        try build(&attrs, &hidden)
        try checkUniqueName(kind, name)
        try checkQuota(kind)
        let r = newResource(kind, name: name, tags: tags, attrs: attrs, hidden: hidden)
        state.put(kind, r)
        return r
    }

    /// The common part of every Update: instance, the resource (via `find`), the change,
    /// LastModifiedTime.
    func updateOp(_ kind: ResourceKind, _ c: ServiceCall, find: ((String) throws -> StoredResource)? = nil,
                  _ change: (inout StoredResource) throws -> Void) throws -> StoredResource {
        try checkInstance(c)
        let id = c.label(kind.handler.idLabel)
        var r = try find?(id) ?? require(kind, id)
        try change(&r)
        touch(kind, &r)
        return r
    }

    /// Applies an optional `Name` (validated, unique) and `Description` from the body.
    func rename(_ kind: ResourceKind, _ c: ServiceCall, _ r: inout StoredResource, maxDescription: Int? = 250) throws {
        if let name = c.string("Name") {
            try validateName(name)
            try checkUniqueName(kind, name, except: r.id)
            r.name = name
        }
        if let d = c.body["Description"], !d.isNull {
            if let maxDescription { try validateDescription(d.stringValue, max: maxDescription) }
            r.attrs["Description"] = d
        }
    }

    func renameOp(_ kind: ResourceKind, _ c: ServiceCall, nameRequired: Bool = false) throws -> JSONValue? {
        _ = try updateOp(kind, c) { r in
            if nameRequired { _ = try c.requiredString("Name") }
            try rename(kind, c, &r)
        }
        return nil
    }

    // MARK: - Output shapes

    func describe(_ kind: ResourceKind, _ r: StoredResource, forSearch: Bool = false) -> JSONValue {
        let h = kind.handler
        var o = r.attrs
        o[h.describeKeys.id] = .string(r.id)
        o[h.describeKeys.arn] = .string(r.arn)
        if !r.name.isEmpty { o[h.describeKeys.name] = .string(r.name) }
        o["Tags"] = .object(r.tags.mapValues { .string($0) })
        if h.hasLastModified {
            o["LastModifiedTime"] = .double(r.modified)
            o["LastModifiedRegion"] = .string(region)
        }
        h.describeExtras?(self, r, &o, forSearch)
        return .object(o)
    }

    func summary(_ kind: ResourceKind, _ r: StoredResource) -> JSONValue {
        let h = kind.handler
        var o: [String: JSONValue] = ["Id": .string(r.id), "Arn": .string(r.arn)]
        if !r.name.isEmpty { o[h.summaryNameKey] = .string(r.name) }
        if h.hasLastModified && h.summaryHasLastModified {
            o["LastModifiedTime"] = .double(r.modified)
            o["LastModifiedRegion"] = .string(region)
        }
        h.summaryExtras?(r, &o)
        return .object(o.filter { !$0.value.isNull })
    }

    // MARK: - Pagination

    /// One page of `items`, which are in ascending `key` order. The token names the last
    /// key returned (not an offset), so deleting items between pages skips nothing.
    func paginate<C: RandomAccessCollection>(_ items: C, key: (C.Element) -> [String], call: ServiceCall, token: String?, maxResults: Int?,
                     limit: Int, defaultSize: Int = 100, scope: String = "") throws -> ([C.Element], String?) where C.Index == Int {
        if let m = maxResults, m < 1 || m > limit {
            throw ConnectError.invalidParameter("MaxResults must be between 1 and \(limit)")
        }
        let size = maxResults ?? min(defaultSize, limit)
        var start = 0
        if let token, !token.isEmpty {
            let after = try PageToken.read(token, operation: call.operation, scope: scope, secret: state.tokenSecret)
            var lo = 0, hi = items.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if key(items[mid]).lexicographicallyPrecedes(after) || key(items[mid]) == after { lo = mid + 1 } else { hi = mid }
            }
            start = lo
        }
        let end = min(items.count, start + size)
        let page = Array(items[start..<end])
        let next = end < items.count && !page.isEmpty
            ? PageToken.make(operation: call.operation, scope: scope, after: key(items[end - 1]), secret: state.tokenSecret) : nil
        return (page, next)
    }

    static func nameKey(_ r: StoredResource) -> [String] { [r.name, r.id] }

    func listPage<C: RandomAccessCollection>(_ call: ServiceCall, _ items: C, key: (C.Element) -> [String], render: (C.Element) -> JSONValue,
                     member: String, limit: Int = 1000, scope: String = "") throws -> [String: JSONValue] where C.Index == Int {
        let (page, next) = try paginate(items, key: key, call: call, token: call.queryValue("nextToken"),
                                        maxResults: try call.queryInt("maxResults"), limit: limit, scope: scope)
        var o: [String: JSONValue] = [member: .array(page.map(render))]
        if let next { o["NextToken"] = .string(next) }
        return o
    }

    // MARK: - Generic operations

    func describeOp(_ kind: ResourceKind, _ call: ServiceCall) throws -> JSONValue {
        try checkInstance(call)
        let r = try require(kind, call.label(kind.handler.idLabel))
        return [kind.handler.describeMember: describe(kind, r)]
    }

    func listOp(_ kind: ResourceKind, _ call: ServiceCall) throws -> JSONValue {
        try checkInstance(call)
        let scope = call.query.filter { $0.key != "nextToken" && $0.key != "maxResults" }
            .sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value.sorted().joined(separator: ","))" }.joined(separator: "&")
        // Without a filter a page is read straight from the table's order (cost flat in the table's size).
        if let filter = kind.handler.listFilter {
            return .object(try listPage(call, state.all(kind).filter { filter(call, $0) }, key: Self.nameKey,
                                        render: { summary(kind, $0) }, member: kind.handler.listMember, scope: scope))
        }
        return .object(try listPage(call, state.ordered(kind), key: Self.nameKey, render: { summary(kind, $0) },
                                    member: kind.handler.listMember, scope: scope))
    }

    func searchOp(_ kind: ResourceKind, _ call: ServiceCall) throws -> JSONValue {
        try checkInstance(call)
        let h = kind.handler
        let criteria = call.body["SearchCriteria"].flatMap { $0.isNull ? nil : $0 }
        let filter = call.body["SearchFilter"].flatMap { $0.isNull ? nil : $0 }
        var matched: [StoredResource] = []
        for r in state.all(kind) where h.searchBase?(call, r) ?? true {
            if let criteria, !(try SearchEvaluator.matches(criteria, kind: kind, resource: r, service: self)) { continue }
            if let filter, !(try SearchEvaluator.filterMatches(filter, kind: kind, resource: r, service: self)) { continue }
            matched.append(r)
        }
        var scopeData = Data()
        if let criteria = call.body["SearchCriteria"] { scopeData += criteria.serialized() }
        if let filter = call.body["SearchFilter"] { scopeData += filter.serialized() }
        let scope = String(SHA256Digest.hex(scopeData).prefix(16))
        let (page, next) = try paginate(matched, key: Self.nameKey, call: call, token: call.string("NextToken"),
                                        maxResults: try call.int("MaxResults"), limit: h.searchMaxResults, scope: scope)
        var o: [String: JSONValue] = [h.searchMember: .array(page.map { describe(kind, $0, forSearch: true) }),
                                      "ApproximateTotalCount": .int(matched.count)]
        if let next { o["NextToken"] = .string(next) }
        return .object(o)
    }

    func deleteOp(_ kind: ResourceKind, _ c: ServiceCall) throws -> JSONValue? {
        try checkInstance(c)
        let h = kind.handler
        let r = try require(kind, c.label(h.idLabel))
        try h.beforeDelete?(self, r)
        let target = ResourceRef(kind: kind, id: r.id)
        for by in h.blockedBy {
            // The first referrer in (name, id) order, as List would show it.
            let user = state.referrers(of: target, kind: by).compactMap { state.get(by, $0) }
                .min { ($0.name, $0.id) < ($1.name, $1.id) }
            if let user {
                throw ConnectError.inUse("The \(kind.label) \(r.id) is in use by \(by.label) \(user.name.isEmpty ? user.id : user.name) (\(user.arn)).",
                                         type: by.resourceTypeName, id: user.arn)
            }
        }
        state.remove(kind, r.id)
        h.afterDelete?(self, r)
        return nil
    }

    // MARK: - Hierarchy helpers

    func levelOf(_ g: StoredResource) -> Int { g.hidden["Level"]?.intValue ?? 1 }

    func ancestors(_ g: StoredResource) -> [StoredResource] {
        var chain = [g]
        var cur = g
        while let pid = cur.hidden["ParentId"]?.stringValue, let p = state.get(.hierarchyGroup, pid), chain.count < 6 {
            chain.insert(p, at: 0)
            cur = p
        }
        return chain
    }
}
