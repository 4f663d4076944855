import Foundation

extension ConnectService {
    // MARK: - Contact flows and modules

    /// Validates flow content; when `published`, its resource references must exist.
    func checkFlowContent(_ content: String, published: Bool, module: Bool) throws {
        var problems = FlowValidator.structuralProblems(content)
        if problems.isEmpty && published {
            problems += FlowValidator.references(content).compactMap { ref in
                referenceProblem(ref)
            }
        }
        if !problems.isEmpty {
            throw module ? ConnectError.invalidModule(problems) : ConnectError.invalidFlow(problems)
        }
    }

    func referenceProblem(_ ref: FlowValidator.Reference) -> String? {
        if let iid = ref.instanceId, iid != state.instanceId {
            return "Resource \(ref.raw) belongs to another instance (\(iid))"
        }
        var id = ref.id
        if ref.kind == .queue, id.hasPrefix("agent/") { id = String(id.dropFirst(6)) }
        if state.get(ref.kind, id) == nil {
            return "Referenced \(ref.kind.label) \(ref.raw) does not exist"
        }
        return nil
    }

    func createFlow(_ c: ServiceCall) throws -> JSONValue {
        try checkInstance(c)
        let name = try c.requiredString("Name")
        try validateName(name)
        let type = try c.requiredString("Type")
        guard Self.flowTypes.contains(type) else { throw ConnectError.invalidParameter("Type \(type) is not a valid flow type") }
        let content = try c.requiredString("Content")
        if content.count > 256_000 { throw ConnectError.invalidParameter("Content must be at most 256000 characters") }
        let status = c.string("Status") ?? "PUBLISHED"
        guard status == "PUBLISHED" || status == "SAVED" else { throw ConnectError.invalidParameter("Status must be PUBLISHED or SAVED") }
        let tags = try parseTags(c.body["Tags"])
        try validateDescription(c.string("Description"), max: 500)
        try checkFlowContent(content, published: status == "PUBLISHED", module: false)
        try checkUniqueName(.contactFlow, name)
        try checkQuota(.contactFlow)
        var attrs: [String: JSONValue] = ["Type": .string(type), "State": "ACTIVE", "Status": .string(status), "Content": .string(content)]
        if let d = c.string("Description") { attrs["Description"] = .string(d) }
        let r = newResource(.contactFlow, name: name, tags: tags, attrs: attrs)
        state.put(.contactFlow, r)
        return ["ContactFlowId": .string(r.id), "ContactFlowArn": .string(r.arn),
                "FlowContentSha256": .string(SHA256Digest.hex(Array(content.utf8)))]
    }

    /// `{id}` or `{id}:$SAVED` (or `{id}:$LATEST`); the emulator keeps one content per flow.
    func describeFlow(_ c: ServiceCall) throws -> JSONValue {
        try checkInstance(c)
        var raw = c.label("ContactFlowId")
        if let colon = raw.firstIndex(of: ":"), !raw.hasPrefix("arn:") {
            let suffix = raw[raw.index(after: colon)...]
            guard suffix == "$SAVED" || suffix == "$LATEST" || Int(suffix) != nil else {
                throw ConnectError.invalidParameter("ContactFlowId qualifier \(suffix) is not valid")
            }
            raw = String(raw[..<colon])
        }
        let r = try require(.contactFlow, raw)
        return ["ContactFlow": describe(.contactFlow, r)]
    }

    func updateFlowContent(_ c: ServiceCall) throws -> JSONValue? {
        try checkInstance(c)
        var r = try require(.contactFlow, c.label("ContactFlowId"))
        let content = try c.requiredString("Content")
        if content.count > 256_000 { throw ConnectError.invalidParameter("Content must be at most 256000 characters") }
        try checkFlowContent(content, published: r.attrs["Status"]?.stringValue == "PUBLISHED", module: false)
        r.attrs["Content"] = .string(content)
        touch(.contactFlow, &r)
        return nil
    }

    func updateFlowMetadata(_ kind: ResourceKind, _ c: ServiceCall, idLabel: String, stateKey: String) throws -> JSONValue? {
        try checkInstance(c)
        var r = try require(kind, c.label(idLabel))
        if let name = c.string("Name") {
            try validateName(name)
            try checkUniqueName(kind, name, except: r.id)
            r.name = name
        }
        if let d = c.string("Description") { try validateDescription(d, max: 500); r.attrs["Description"] = .string(d) }
        if let s = c.string(stateKey) {
            guard s == "ACTIVE" || s == "ARCHIVED" else { throw ConnectError.invalidParameter("\(stateKey) must be ACTIVE or ARCHIVED") }
            r.attrs["State"] = .string(s)
        }
        touch(kind, &r)
        return nil
    }

    func createModule(_ c: ServiceCall) throws -> JSONValue {
        try checkInstance(c)
        let name = try c.requiredString("Name")
        try validateName(name)
        let content = try c.requiredString("Content")
        if content.count > 256_000 { throw ConnectError.invalidParameter("Content must be at most 256000 characters") }
        let tags = try parseTags(c.body["Tags"])
        try validateDescription(c.string("Description"), max: 500)
        if let token = c.string("ClientToken"), let existing = state.all(.flowModule).first(where: { $0.hidden["ClientToken"]?.stringValue == token }) {
            if existing.name == name && existing.attrs["Content"]?.stringValue == content { return createResponse(.flowModule, existing) }
            throw ConnectError(code: "IdempotencyException", status: 409, message: "An entity with the same ClientToken was already created with different parameters.")
        }
        try checkFlowContent(content, published: true, module: true)
        try checkUniqueName(.flowModule, name)
        try checkQuota(.flowModule)
        var attrs: [String: JSONValue] = ["State": "ACTIVE", "Status": "PUBLISHED", "Content": .string(content)]
        if let d = c.string("Description") { attrs["Description"] = .string(d) }
        if let s = c.string("Settings") { attrs["Settings"] = .string(s) }
        if let e = c.body["ExternalInvocationConfiguration"], !e.isNull { attrs["ExternalInvocationConfiguration"] = e }
        var hidden: [String: JSONValue] = [:]
        if let token = c.string("ClientToken") { hidden["ClientToken"] = .string(token) }
        let r = newResource(.flowModule, name: name, tags: tags, attrs: attrs, hidden: hidden)
        state.put(.flowModule, r)
        return createResponse(.flowModule, r)
    }

    func updateModuleContent(_ c: ServiceCall) throws -> JSONValue? {
        try checkInstance(c)
        var r = try require(.flowModule, c.label("ContactFlowModuleId"))
        if let content = c.string("Content") {
            try checkFlowContent(content, published: true, module: true)
            r.attrs["Content"] = .string(content)
        }
        if let s = c.string("Settings") { r.attrs["Settings"] = .string(s) }
        touch(.flowModule, &r)
        return nil
    }

    // MARK: - Security profiles

    static let securityProfileNamePattern = try! NSRegularExpression(pattern: "^[ a-zA-Z0-9_@-]+$")

    func permissionsList(_ c: ServiceCall) throws -> JSONValue? {
        guard let perms = try c.stringList("Permissions") else { return nil }
        if perms.count > 500 { throw ConnectError.invalidParameter("Permissions can have at most 500 items") }
        return .array(Array(Set(perms)).sorted().map { .string($0) })
    }

    func createSecurityProfile(_ c: ServiceCall) throws -> JSONValue {
        try checkInstance(c)
        let name = try c.requiredString("SecurityProfileName")
        try validateName(name, field: "SecurityProfileName")
        if Self.securityProfileNamePattern.firstMatch(in: name, range: NSRange(name.startIndex..., in: name)) == nil {
            throw ConnectError.invalidParameter("SecurityProfileName must match ^[ a-zA-Z0-9_@-]+$")
        }
        let tags = try parseTags(c.body["Tags"])
        try validateDescription(c.string("Description"))
        let perms = try permissionsList(c) ?? .array([])
        try checkUniqueName(.securityProfile, name)
        try checkQuota(.securityProfile)
        var attrs: [String: JSONValue] = [:]
        if let d = c.string("Description") { attrs["Description"] = .string(d) }
        for key in ["AllowedAccessControlTags", "TagRestrictedResources", "HierarchyRestrictedResources",
                    "AllowedAccessControlHierarchyGroupId", "GranularAccessControlConfiguration"] {
            if let v = c.body[key], !v.isNull { attrs[key] = v }
        }
        var hidden: [String: JSONValue] = ["Permissions": perms]
        if let apps = c.body["Applications"] { hidden["Applications"] = apps }
        let r = newResource(.securityProfile, name: name, tags: tags, attrs: attrs, hidden: hidden)
        state.put(.securityProfile, r)
        return createResponse(.securityProfile, r)
    }

    func updateSecurityProfile(_ c: ServiceCall) throws -> JSONValue? {
        try checkInstance(c)
        var r = try require(.securityProfile, c.label("SecurityProfileId"))
        if let d = c.string("Description") { try validateDescription(d); r.attrs["Description"] = .string(d) }
        if let p = try permissionsList(c) { r.hidden["Permissions"] = p }
        for key in ["AllowedAccessControlTags", "TagRestrictedResources", "HierarchyRestrictedResources",
                    "AllowedAccessControlHierarchyGroupId", "GranularAccessControlConfiguration"] {
            if let v = c.body[key], !v.isNull { r.attrs[key] = v }
        }
        if let apps = c.body["Applications"] { r.hidden["Applications"] = apps }
        touch(.securityProfile, &r)
        return nil
    }

    // MARK: - User hierarchy

    static let levelNames = ["LevelOne", "LevelTwo", "LevelThree", "LevelFour", "LevelFive"]

    func describeHierarchyStructure(_ c: ServiceCall) throws -> JSONValue {
        try checkInstance(c)
        var o: [String: JSONValue] = [:]
        for (i, level) in state.hierarchyLevels.enumerated() where i < 5 {
            o[Self.levelNames[i]] = ["Id": .string(level.id), "Arn": .string(level.arn), "Name": .string(level.name),
                                     "LastModifiedTime": .double(level.modified), "LastModifiedRegion": .string(region)]
        }
        return ["HierarchyStructure": .object(o)]
    }

    func updateHierarchyStructure(_ c: ServiceCall) throws -> JSONValue? {
        try checkInstance(c)
        guard let hs = c.body["HierarchyStructure"]?.objectValue else {
            throw ConnectError.invalidParameter("HierarchyStructure is required")
        }
        var names: [String] = []
        var ended = false
        for key in Self.levelNames {
            if let level = hs[key], !level.isNull {
                guard !ended else { throw ConnectError.invalidParameter("\(key) is set but a lower level is missing") }
                guard let n = level["Name"]?.stringValue, !n.isEmpty, n.count <= 50 else {
                    throw ConnectError.invalidParameter("\(key).Name must be 1-50 characters")
                }
                names.append(n)
            } else {
                ended = true
            }
        }
        if names.count < state.hierarchyLevels.count {
            for lvl in (names.count + 1)...state.hierarchyLevels.count {
                if let g = state.all(.hierarchyGroup).first(where: { levelOf($0) == lvl }) {
                    throw ConnectError.inUse("Hierarchy level \(lvl) still has groups (e.g. \(g.name))", type: "HIERARCHY_LEVEL",
                                             id: state.hierarchyLevels[lvl - 1].arn)
                }
            }
        }
        var levels: [HierarchyLevel] = []
        for (i, n) in names.enumerated() {
            if i < state.hierarchyLevels.count {
                var l = state.hierarchyLevels[i]
                if l.name != n { l.name = n; l.modified = now }
                levels.append(l)
            } else {
                let id = newId()
                levels.append(HierarchyLevel(id: id, arn: "\(state.instanceArn)/agent-group-level/\(id)", name: n, modified: now))
            }
        }
        state.hierarchyLevels = levels
        return nil
    }

    func createHierarchyGroup(_ c: ServiceCall) throws -> JSONValue {
        try checkInstance(c)
        let name = try c.requiredString("Name")
        try validateName(name, max: 100)
        let tags = try parseTags(c.body["Tags"])
        var level = 1
        var hidden: [String: JSONValue] = [:]
        if let pid = c.string("ParentGroupId"), !pid.isEmpty {
            let parent = try require(.hierarchyGroup, pid, field: "Parent group")
            level = levelOf(parent) + 1
            hidden["ParentId"] = .string(parent.id)
        }
        if level > 5 { throw ConnectError.invalidParameter("A hierarchy can have at most 5 levels") }
        if level > state.hierarchyLevels.count {
            throw ConnectError.invalidParameter("Hierarchy level \(level) is not defined; call UpdateUserHierarchyStructure first")
        }
        hidden["Level"] = .int(level)
        try checkUniqueName(.hierarchyGroup, name)
        try checkQuota(.hierarchyGroup)
        let r = newResource(.hierarchyGroup, name: name, tags: tags, hidden: hidden)
        state.put(.hierarchyGroup, r)
        return createResponse(.hierarchyGroup, r)
    }

    // MARK: - Users

    func phoneConfig(_ v: JSONValue) throws -> JSONValue {
        guard var o = v.objectValue else { throw ConnectError.invalidParameter("PhoneConfig must be an object") }
        guard let t = o["PhoneType"]?.stringValue, t == "SOFT_PHONE" || t == "DESK_PHONE" else {
            throw ConnectError.invalidParameter("PhoneConfig.PhoneType must be SOFT_PHONE or DESK_PHONE")
        }
        if t == "DESK_PHONE" && (o["DeskPhoneNumber"]?.stringValue ?? "").isEmpty {
            throw ConnectError.invalidParameter("PhoneConfig.DeskPhoneNumber is required for DESK_PHONE")
        }
        if let acw = o["AfterContactWorkTimeLimit"], !acw.isNull {
            guard let n = acw.intValue, (0...2_000_000).contains(n) else {
                throw ConnectError.invalidParameter("AfterContactWorkTimeLimit must be 0-2000000")
            }
        } else {
            o["AfterContactWorkTimeLimit"] = 0
        }
        if o["AutoAccept"] == nil { o["AutoAccept"] = false }
        return .object(o)
    }

    func securityProfileIds(_ c: ServiceCall) throws -> JSONValue {
        guard let ids = try c.stringList("SecurityProfileIds") else { throw ConnectError.invalidParameter("SecurityProfileIds is required") }
        if ids.isEmpty || ids.count > 10 { throw ConnectError.invalidParameter("SecurityProfileIds must have 1-10 items") }
        var out: [String] = []
        for id in ids {
            let sp = try require(.securityProfile, id)
            if !out.contains(sp.id) { out.append(sp.id) }
        }
        return .array(out.map { .string($0) })
    }

    static let usernamePattern = try! NSRegularExpression(pattern: "^[a-zA-Z0-9_\\-.@]+$")

    func createUser(_ c: ServiceCall) throws -> JSONValue {
        try checkInstance(c)
        let username = try c.requiredString("Username")
        if username.isEmpty || username.count > 64 { throw ConnectError.invalidParameter("Username must be 1-64 characters") }
        if Self.usernamePattern.firstMatch(in: username, range: NSRange(username.startIndex..., in: username)) == nil {
            throw ConnectError.invalidParameter("Username may contain only letters, digits and _ - . @")
        }
        let sps = try securityProfileIds(c)
        let rp = try require(.routingProfile, try c.requiredString("RoutingProfileId"))
        let tags = try parseTags(c.body["Tags"])
        var attrs: [String: JSONValue] = ["SecurityProfileIds": sps, "RoutingProfileId": .string(rp.id)]
        if let gid = c.string("HierarchyGroupId"), !gid.isEmpty { attrs["HierarchyGroupId"] = .string(try require(.hierarchyGroup, gid).id) }
        if let info = c.body["IdentityInfo"]?.objectValue { attrs["IdentityInfo"] = .object(info) } else { attrs["IdentityInfo"] = .object([:]) }
        attrs["PhoneConfig"] = try phoneConfig(c.body["PhoneConfig"] ?? ["PhoneType": "SOFT_PHONE"])
        if let d = c.string("DirectoryUserId") { attrs["DirectoryUserId"] = .string(d) }
        for key in ["AutoAcceptConfigs", "AfterContactWorkConfigs", "PhoneNumberConfigs", "PersistentConnectionConfigs", "VoiceEnhancementConfigs"] {
            if let v = c.body[key], !v.isNull { attrs[key] = v }
        }
        if let pw = c.string("Password"), pw.count < 8 || pw.count > 64 {
            throw ConnectError.invalidParameter("Password must be 8-64 characters")
        }
        try checkUniqueName(.user, username)
        try checkQuota(.user)
        let user = newResource(.user, name: username, tags: tags, attrs: attrs)
        state.put(.user, user)
        // Every user gets an AGENT queue (ARN …/queue/agent/{userId}).
        let q = StoredResource(id: user.id, arn: "\(state.instanceArn)/queue/agent/\(user.id)", name: "",
                               attrs: ["Status": "ENABLED"], hidden: ["QueueType": "AGENT"],
                               created: user.created, modified: user.modified)
        state.put(.queue, q)
        return createResponse(.user, user)
    }

    func updateUser(_ c: ServiceCall, _ change: (inout StoredResource) throws -> Void) throws -> JSONValue? {
        try checkInstance(c)
        var r = try require(.user, c.label("UserId"))
        try change(&r)
        touch(.user, &r)
        return nil
    }

    // MARK: - Quick connects

    func quickConnectConfig(_ v: JSONValue) throws -> JSONValue {
        guard let type = v["QuickConnectType"]?.stringValue else {
            throw ConnectError.invalidParameter("QuickConnectConfig.QuickConnectType is required")
        }
        func flow(_ id: String?, expected: String) throws -> String {
            guard let id else { throw ConnectError.invalidParameter("ContactFlowId is required") }
            let f = try require(.contactFlow, id)
            guard f.attrs["Type"]?.stringValue == expected else {
                throw ConnectError.invalidParameter("Flow \(id) must be of type \(expected)")
            }
            return f.id
        }
        switch type {
        case "USER":
            guard let uc = v["UserConfig"], let uid = uc["UserId"]?.stringValue else {
                throw ConnectError.invalidParameter("UserConfig with UserId and ContactFlowId is required for USER quick connects")
            }
            let u = try require(.user, uid)
            return ["QuickConnectType": "USER", "UserConfig": ["UserId": .string(u.id),
                    "ContactFlowId": .string(try flow(uc["ContactFlowId"]?.stringValue, expected: "AGENT_TRANSFER"))]]
        case "QUEUE":
            guard let qc = v["QueueConfig"], let qid = qc["QueueId"]?.stringValue else {
                throw ConnectError.invalidParameter("QueueConfig with QueueId and ContactFlowId is required for QUEUE quick connects")
            }
            let q = try standardQueue(qid)
            return ["QuickConnectType": "QUEUE", "QueueConfig": ["QueueId": .string(q.id),
                    "ContactFlowId": .string(try flow(qc["ContactFlowId"]?.stringValue, expected: "QUEUE_TRANSFER"))]]
        case "PHONE_NUMBER":
            guard let n = v["PhoneConfig"]?["PhoneNumber"]?.stringValue, n.hasPrefix("+"), n.count >= 4 else {
                throw ConnectError.invalidParameter("PhoneConfig.PhoneNumber in E.164 format is required for PHONE_NUMBER quick connects")
            }
            return ["QuickConnectType": "PHONE_NUMBER", "PhoneConfig": ["PhoneNumber": .string(n)]]
        case "FLOW":
            guard let fid = v["FlowConfig"]?["ContactFlowId"]?.stringValue else {
                throw ConnectError.invalidParameter("FlowConfig.ContactFlowId is required for FLOW quick connects")
            }
            return ["QuickConnectType": "FLOW", "FlowConfig": ["ContactFlowId": .string(try require(.contactFlow, fid).id)]]
        default:
            throw ConnectError.invalidParameter("QuickConnectType must be USER, QUEUE, PHONE_NUMBER or FLOW")
        }
    }

    func createQuickConnect(_ c: ServiceCall) throws -> JSONValue {
        try checkInstance(c)
        let name = try c.requiredString("Name")
        try validateName(name)
        guard let cfg = c.body["QuickConnectConfig"] else { throw ConnectError.invalidParameter("QuickConnectConfig is required") }
        let config = try quickConnectConfig(cfg)
        let tags = try parseTags(c.body["Tags"])
        try validateDescription(c.string("Description"))
        try checkUniqueName(.quickConnect, name)
        try checkQuota(.quickConnect)
        var attrs: [String: JSONValue] = ["QuickConnectConfig": config]
        if let d = c.string("Description") { attrs["Description"] = .string(d) }
        let r = newResource(.quickConnect, name: name, tags: tags, attrs: attrs)
        state.put(.quickConnect, r)
        return createResponse(.quickConnect, r)
    }

    // MARK: - Agent statuses and prompts

    func createAgentStatus(_ c: ServiceCall) throws -> JSONValue {
        try checkInstance(c)
        let name = try c.requiredString("Name")
        try validateName(name)
        let st = try c.requiredString("State")
        guard st == "ENABLED" || st == "DISABLED" else { throw ConnectError.invalidParameter("State must be ENABLED or DISABLED") }
        let tags = try parseTags(c.body["Tags"])
        try checkUniqueName(.agentStatus, name)
        try checkQuota(.agentStatus)
        var attrs: [String: JSONValue] = ["State": .string(st), "Type": "CUSTOM"]
        if let d = c.string("Description") { attrs["Description"] = .string(d) }
        if let o = try c.int("DisplayOrder") {
            guard (1...50).contains(o) else { throw ConnectError.invalidParameter("DisplayOrder must be 1-50") }
            attrs["DisplayOrder"] = .int(o)
        } else {
            attrs["DisplayOrder"] = .int(state.count(.agentStatus) + 1)
        }
        let r = newResource(.agentStatus, name: name, tags: tags, attrs: attrs)
        state.put(.agentStatus, r)
        return createResponse(.agentStatus, r)
    }

    func updateAgentStatus(_ c: ServiceCall) throws -> JSONValue? {
        try checkInstance(c)
        var r = try require(.agentStatus, c.label("AgentStatusId"))
        if let name = c.string("Name") {
            try validateName(name)
            try checkUniqueName(.agentStatus, name, except: r.id)
            r.name = name
        }
        if let d = c.string("Description") { r.attrs["Description"] = .string(d) }
        if let st = c.string("State") {
            guard st == "ENABLED" || st == "DISABLED" else { throw ConnectError.invalidParameter("State must be ENABLED or DISABLED") }
            if r.attrs["Type"]?.stringValue != "CUSTOM" && st == "DISABLED" {
                throw ConnectError.invalidParameter("System agent statuses cannot be disabled")
            }
            r.attrs["State"] = .string(st)
        }
        if let o = try c.int("DisplayOrder") {
            guard (1...50).contains(o) else { throw ConnectError.invalidParameter("DisplayOrder must be 1-50") }
            r.attrs["DisplayOrder"] = .int(o)
        }
        if c.body["ResetOrderNumber"]?.boolValue == true { r.attrs["DisplayOrder"] = nil }
        touch(.agentStatus, &r)
        return nil
    }

    func createPrompt(_ c: ServiceCall) throws -> JSONValue {
        try checkInstance(c)
        let name = try c.requiredString("Name")
        try validateName(name)
        let uri = try c.requiredString("S3Uri")
        guard uri.hasPrefix("s3://") || uri.hasPrefix("https://") else {
            throw ConnectError.invalidParameter("S3Uri must be an s3:// or https:// URI")
        }
        let tags = try parseTags(c.body["Tags"])
        try checkUniqueName(.prompt, name)
        try checkQuota(.prompt)
        var attrs: [String: JSONValue] = [:]
        if let d = c.string("Description") { attrs["Description"] = .string(d) }
        let r = newResource(.prompt, name: name, tags: tags, attrs: attrs, hidden: ["S3Uri": .string(uri)])
        state.put(.prompt, r)
        return createResponse(.prompt, r)
    }

    // MARK: - Delete

    func deleteOp(_ kind: ResourceKind, _ c: ServiceCall, idLabel: String) throws -> JSONValue? {
        try checkInstance(c)
        let r = try require(kind, c.label(idLabel))
        func inUse(_ by: ResourceKind, _ user: StoredResource) -> ConnectError {
            ConnectError.inUse("The \(kind.label) \(r.id) is in use by \(by.label) \(user.name.isEmpty ? user.id : user.name) (\(user.arn)).",
                               type: by.resourceTypeName, id: user.arn)
        }
        switch kind {
        case .hoursOfOperation:
            if let q = state.all(.queue).first(where: { $0.attrs["HoursOfOperationId"]?.stringValue == r.id }) { throw inUse(.queue, q) }
        case .queue:
            if r.hidden["QueueType"]?.stringValue == "AGENT" {
                throw ConnectError.invalidParameter("Agent queues are deleted with their user")
            }
            for rp in state.all(.routingProfile) {
                let configs = rp.hidden["QueueConfigs"]?.arrayValue ?? []
                if rp.attrs["DefaultOutboundQueueId"]?.stringValue == r.id || configs.contains(where: { $0["QueueId"]?.stringValue == r.id }) {
                    throw inUse(.routingProfile, rp)
                }
            }
            if let qc = state.all(.quickConnect).first(where: { $0.attrs["QuickConnectConfig"]?["QueueConfig"]?["QueueId"]?.stringValue == r.id }) {
                throw inUse(.quickConnect, qc)
            }
        case .routingProfile:
            if let u = state.all(.user).first(where: { $0.attrs["RoutingProfileId"]?.stringValue == r.id }) { throw inUse(.user, u) }
        case .securityProfile:
            if let u = state.all(.user).first(where: { ($0.attrs["SecurityProfileIds"]?.arrayValue ?? []).contains(.string(r.id)) }) {
                throw inUse(.user, u)
            }
        case .hierarchyGroup:
            if let child = state.all(.hierarchyGroup).first(where: { $0.hidden["ParentId"]?.stringValue == r.id }) {
                throw inUse(.hierarchyGroup, child)
            }
            if let u = state.all(.user).first(where: { $0.attrs["HierarchyGroupId"]?.stringValue == r.id }) { throw inUse(.user, u) }
        case .user:
            state.remove(.queue, r.id)  // its AGENT queue
        case .quickConnect:
            for var q in state.all(.queue) {
                let ids = q.hidden["QuickConnectIds"]?.arrayValue ?? []
                if ids.contains(.string(r.id)) {
                    q.hidden["QuickConnectIds"] = .array(ids.filter { $0 != .string(r.id) })
                    state.put(.queue, q)
                }
            }
        default:
            break
        }
        state.remove(kind, r.id)
        return nil
    }
}
