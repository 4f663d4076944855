import Foundation

/// The in-memory Amazon Connect instance and its operations. Thread-safe: every call
/// runs under one lock (Connect's consistency is not simulated: writes are visible at once).
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
    }

    var instanceId: String { lock.lock(); defer { lock.unlock() }; return state.instanceId }

    /// Runs one operation. Returns the response body (nil = empty 200) and whether state changed.
    func perform(_ call: ServiceCall) throws -> (JSONValue?, Bool) {
        lock.lock()
        defer { lock.unlock() }
        let before = state
        do {
            let result = try dispatch(call)
            let changed = Self.mutatingPrefixes.contains { call.operation.hasPrefix($0) }
            if changed { persister?.submit(state) }
            return (result, changed)
        } catch {
            state = before  // operations are atomic: a failure leaves nothing half-done
            throw error
        }
    }

    /// Waits until the state file holds every change made so far.
    func flush() { persister?.flush() }

    func snapshot() -> InstanceState { lock.lock(); defer { lock.unlock() }; return state }

    static let mutatingPrefixes = ["Create", "Update", "Delete", "Associate", "Disassociate", "Tag", "Untag"]

    // MARK: - Helpers shared by the handlers

    var now: Double { clock() }
    var region: String { state.region }

    /// A fresh resource id. A seeded generator restarted on a saved state replays ids it
    /// handed out before, so ids already in the instance are skipped.
    func newId() -> String {
        while true {
            let id = random.uuid()
            if id != state.instanceId, !state.resources.values.contains(where: { $0[id] != nil }) { return id }
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
        if let other = state.byName(kind, name), other.id != id {
            throw ConnectError.duplicate("A \(kind.label) with the name \(name) already exists.")
        }
    }

    func checkQuota(_ kind: ResourceKind) throws {
        let q = configuration.quotas
        let limit: Int
        var count = state.count(kind)
        switch kind {
        case .hoursOfOperation: limit = q.hoursOfOperationPerInstance
        case .queue:
            limit = q.queuesPerInstance
            count = state.all(.queue).filter { $0.hidden["QueueType"]?.stringValue != "AGENT" }.count
        case .routingProfile: limit = q.routingProfilesPerInstance
        case .contactFlow: limit = q.contactFlowsPerInstance
        case .flowModule: limit = q.flowModulesPerInstance
        case .securityProfile: limit = q.securityProfilesPerInstance
        case .hierarchyGroup: limit = q.userHierarchyGroupsPerInstance
        case .user: limit = q.usersPerInstance
        case .quickConnect: limit = q.quickConnectsPerInstance
        case .agentStatus: limit = q.agentStatusesPerInstance
        case .prompt: limit = q.promptsPerInstance
        }
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

    // MARK: - Output shapes

    func describe(_ kind: ResourceKind, _ r: StoredResource, forSearch: Bool = false) -> JSONValue {
        var o = r.attrs
        let keys = kind.describeKeys
        o[keys.id] = .string(r.id)
        o[keys.arn] = .string(r.arn)
        if !r.name.isEmpty { o[keys.name] = .string(r.name) }
        o["Tags"] = .object(r.tags.mapValues { .string($0) })
        if kind.hasLastModified {
            o["LastModifiedTime"] = .double(r.modified)
            o["LastModifiedRegion"] = .string(region)
        }
        switch kind {
        case .routingProfile:
            let configs = r.hidden["QueueConfigs"]?.arrayValue ?? []
            let queueIds = Set(configs.compactMap { $0["QueueId"]?.stringValue }).sorted()
            o["InstanceId"] = .string(state.instanceId)
            o["AssociatedQueueIds"] = .array(queueIds.map { .string($0) })
            o["NumberOfAssociatedQueues"] = .int(configs.count)
            o["NumberOfAssociatedUsers"] = .int(state.all(.user).filter { $0.attrs["RoutingProfileId"]?.stringValue == r.id }.count)
            o["IsDefault"] = .bool(r.hidden["IsDefault"]?.boolValue ?? false)
            if forSearch {
                // SearchRoutingProfiles does not populate these (model documentation).
                o["AgentAvailabilityTimer"] = nil
                o["LastModifiedTime"] = nil
                o["LastModifiedRegion"] = nil
                if let mcs = o["MediaConcurrencies"]?.arrayValue {
                    o["MediaConcurrencies"] = .array(mcs.map { mc in
                        var m = mc
                        m["CrossChannelBehavior"] = nil
                        return m
                    })
                }
            }
        case .contactFlow:
            if let c = r.attrs["Content"]?.stringValue { o["FlowContentSha256"] = .string(SHA256Digest.hex(Array(c.utf8))) }
        case .flowModule:
            if let c = r.attrs["Content"]?.stringValue { o["FlowModuleContentSha256"] = .string(SHA256Digest.hex(Array(c.utf8))) }
        case .securityProfile:
            o["OrganizationResourceId"] = .string(state.instanceId)
            if forSearch {
                return .object(o.filter { ["Id", "OrganizationResourceId", "Arn", "SecurityProfileName", "Description", "Tags"].contains($0.key) })
            }
        case .hierarchyGroup:
            o["LevelId"] = .string(String(levelOf(r)))
            o["HierarchyPath"] = hierarchyPath(r)
        case .user:
            if forSearch {
                var s = o.filter { ["Arn", "DirectoryUserId", "HierarchyGroupId", "Id", "PhoneConfig", "RoutingProfileId",
                                    "SecurityProfileIds", "Tags", "Username", "AutoAcceptConfigs", "AfterContactWorkConfigs",
                                    "PhoneNumberConfigs", "PersistentConnectionConfigs", "VoiceEnhancementConfigs"].contains($0.key) }
                if let info = o["IdentityInfo"]?.objectValue {
                    s["IdentityInfo"] = .object(info.filter { $0.key == "FirstName" || $0.key == "LastName" })
                }
                return .object(s)
            }
        default: break
        }
        return .object(o)
    }

    func summary(_ kind: ResourceKind, _ r: StoredResource) -> JSONValue {
        var o: [String: JSONValue] = ["Id": .string(r.id), "Arn": .string(r.arn)]
        if !r.name.isEmpty { o[kind == .user ? "Username" : "Name"] = .string(r.name) }
        if kind.hasLastModified && kind != .contactFlow {
            o["LastModifiedTime"] = .double(r.modified)
            o["LastModifiedRegion"] = .string(region)
        }
        switch kind {
        case .queue: o["QueueType"] = r.hidden["QueueType"] ?? "STANDARD"
        case .contactFlow:
            o["ContactFlowType"] = r.attrs["Type"]
            o["ContactFlowState"] = r.attrs["State"]
            o["ContactFlowStatus"] = r.attrs["Status"]
        case .flowModule:
            o["State"] = r.attrs["State"]
        case .quickConnect:
            o["QuickConnectType"] = r.attrs["QuickConnectConfig"]?["QuickConnectType"]
        case .agentStatus:
            o["Type"] = r.attrs["Type"]
        default: break
        }
        return .object(o.filter { !$0.value.isNull })
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

    func hierarchyPath(_ g: StoredResource) -> JSONValue {
        let names = ["LevelOne", "LevelTwo", "LevelThree", "LevelFour", "LevelFive"]
        var o: [String: JSONValue] = [:]
        for (i, a) in ancestors(g).enumerated() where i < 5 {
            o[names[i]] = ["Id": .string(a.id), "Arn": .string(a.arn), "Name": .string(a.name),
                           "LastModifiedTime": .double(a.modified), "LastModifiedRegion": .string(region)]
        }
        return .object(o)
    }

    // MARK: - Pagination

    func paginate<T>(_ items: [T], call: ServiceCall, token: String?, maxResults: Int?, limit: Int,
                     defaultSize: Int = 100, scope: String = "") throws -> ([T], String?) {
        if let m = maxResults, m < 1 || m > limit {
            throw ConnectError.invalidParameter("MaxResults must be between 1 and \(limit)")
        }
        let size = maxResults ?? min(defaultSize, limit)
        var offset = 0
        if let token, !token.isEmpty {
            offset = try PageToken.read(token, operation: call.operation, scope: scope, secret: state.tokenSecret)
        }
        if offset > items.count { offset = items.count }
        let end = min(items.count, offset + size)
        let page = Array(items[offset..<end])
        let next = end < items.count ? PageToken.make(operation: call.operation, scope: scope, offset: end, secret: state.tokenSecret) : nil
        return (page, next)
    }

    func listPage(_ call: ServiceCall, _ items: [JSONValue], member: String, limit: Int = 1000, scope: String = "") throws -> JSONValue {
        let (page, next) = try paginate(items, call: call, token: call.queryValue("nextToken"),
                                        maxResults: try call.queryInt("maxResults"), limit: limit, scope: scope)
        var o: [String: JSONValue] = [member: .array(page)]
        if let next { o["NextToken"] = .string(next) }
        return .object(o)
    }

    // MARK: - Generic operations

    func describeOp(_ kind: ResourceKind, _ call: ServiceCall, idLabel: String) throws -> JSONValue {
        try checkInstance(call)
        let r = try require(kind, call.label(idLabel))
        return [kind.describeMember: describe(kind, r)]
    }

    func listOp(_ kind: ResourceKind, _ call: ServiceCall, filter: (StoredResource) -> Bool = { _ in true }) throws -> JSONValue {
        try checkInstance(call)
        let items = state.all(kind).filter(filter).map { summary(kind, $0) }
        let scope = call.query.filter { $0.key != "nextToken" && $0.key != "maxResults" }
            .sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value.sorted().joined(separator: ","))" }.joined(separator: "&")
        return try listPage(call, items, member: kind.listMember, scope: scope)
    }

    func searchOp(_ kind: ResourceKind, _ call: ServiceCall, baseFilter: (StoredResource) -> Bool = { _ in true }) throws -> JSONValue {
        try checkInstance(call)
        let criteria = call.body["SearchCriteria"]
        let filter = call.body["SearchFilter"]
        var matched: [StoredResource] = []
        for r in state.all(kind) where baseFilter(r) {
            if let criteria, !criteria.isNull, !(try SearchEvaluator.matches(criteria, kind: kind, resource: r, service: self)) { continue }
            if let filter, !filter.isNull, !(try SearchEvaluator.filterMatches(filter, kind: kind, resource: r, service: self)) { continue }
            matched.append(r)
        }
        var scopeData = Data()
        if let criteria { scopeData += criteria.serialized() }
        if let filter { scopeData += filter.serialized() }
        let scope = String(SHA256Digest.hex(scopeData).prefix(16))
        let (page, next) = try paginate(matched, call: call, token: call.string("NextToken"), maxResults: try call.int("MaxResults"),
                                        limit: kind.searchMaxResults, scope: scope)
        var o: [String: JSONValue] = [kind.searchMember: .array(page.map { describe(kind, $0, forSearch: true) }),
                                      "ApproximateTotalCount": .int(matched.count)]
        if let next { o["NextToken"] = .string(next) }
        return .object(o)
    }

    func renameOp(_ kind: ResourceKind, _ call: ServiceCall, idLabel: String, nameRequired: Bool = false) throws -> JSONValue? {
        try checkInstance(call)
        var r = try require(kind, call.label(idLabel))
        if nameRequired { _ = try call.requiredString("Name") }
        if let name = call.string("Name") {
            try validateName(name)
            try checkUniqueName(kind, name, except: r.id)
            r.name = name
        }
        if let d = call.body["Description"], !d.isNull {
            try validateDescription(d.stringValue)
            r.attrs["Description"] = d
        }
        touch(kind, &r)
        return nil
    }

    // MARK: - Tags

    func tagResource(_ call: ServiceCall) throws -> JSONValue? {
        let arn = call.label("resourceArn")
        guard let (kind, found) = state.find(arn: arn) else { throw ConnectError.notFound("Resource \(arn) not found") }
        var r = found
        let tags = try parseTags(call.body["tags"], field: "tags", allowEmpty: false)
        if call.body["tags"] == nil { throw ConnectError.invalidParameter("tags is required") }
        var merged = r.tags
        for (k, v) in tags { merged[k] = v }
        if merged.count > 50 { throw ConnectError.invalidParameter("A resource can have at most 50 tags") }
        r.tags = merged
        state.put(kind, r)
        return nil
    }

    func untagResource(_ call: ServiceCall) throws -> JSONValue? {
        let arn = call.label("resourceArn")
        guard let (kind, found) = state.find(arn: arn) else { throw ConnectError.notFound("Resource \(arn) not found") }
        var r = found
        let keys = call.query["tagKeys"] ?? []
        if keys.isEmpty { throw ConnectError.invalidParameter("tagKeys is required") }
        if keys.count > 50 { throw ConnectError.invalidParameter("tagKeys can have at most 50 keys") }
        for k in keys { r.tags[k] = nil }
        state.put(kind, r)
        return nil
    }

    func listTags(_ call: ServiceCall) throws -> JSONValue {
        let arn = call.label("resourceArn")
        guard let (_, r) = state.find(arn: arn) else { throw ConnectError.notFound("Resource \(arn) not found") }
        return ["tags": .object(r.tags.mapValues { .string($0) })]
    }

    // MARK: - Instance

    func instanceSummary(full: Bool) -> JSONValue {
        var o: [String: JSONValue] = [
            "Id": .string(state.instanceId), "Arn": .string(state.instanceArn),
            "IdentityManagementType": "CONNECT_MANAGED", "InstanceAlias": .string(state.instanceAlias),
            "CreatedTime": .double(state.createdTime),
            "ServiceRole": .string("arn:aws:iam::\(state.accountId):role/aws-service-role/connect.amazonaws.com/AWSServiceRoleForAmazonConnect"),
            "InstanceStatus": "ACTIVE", "InboundCallsEnabled": true, "OutboundCallsEnabled": true,
            "InstanceAccessUrl": .string("https://\(state.instanceAlias).my.connect.aws"),
        ]
        if full { o["Tags"] = .object([:]) }
        return .object(o)
    }

    func listInstances(_ call: ServiceCall) throws -> JSONValue {
        try listPage(call, [instanceSummary(full: false)], member: "InstanceSummaryList", limit: 10)
    }

    func describeInstance(_ call: ServiceCall) throws -> JSONValue {
        try checkInstance(call)
        return ["Instance": instanceSummary(full: true)]
    }
}
