import Foundation

/// The operations that belong to no resource kind: the instance, the user hierarchy
/// structure and tags (which take any kind's ARN).
enum InstanceOperations {
    static let operations: [String: Operation] = [
        "ListInstances": { s, c in .object(try s.listPage(c, [s.instanceSummary(full: false)], key: { [$0["Id"]?.stringValue ?? ""] },
                                                          render: { $0 }, member: "InstanceSummaryList", limit: 10)) },
        "DescribeInstance": { s, c in
            try s.checkInstance(c)
            return ["Instance": s.instanceSummary(full: true)]
        },
        "DescribeUserHierarchyStructure": { s, c in try s.describeHierarchyStructure(c) },
        "UpdateUserHierarchyStructure": { s, c in try s.updateHierarchyStructure(c) },
        "TagResource": { s, c in try s.tagResource(c) },
        "UntagResource": { s, c in try s.untagResource(c) },
        "ListTagsForResource": { s, c in try s.listTags(c) },
        "AssociateLambdaFunction": { s, c in try s.associate(c, lambda: true, add: true) },
        "DisassociateLambdaFunction": { s, c in try s.associate(c, lambda: true, add: false) },
        "ListLambdaFunctions": { s, c in
            try s.checkInstance(c)
            return .object(try s.listPage(c, s.state.integrations.lambdaFunctions, key: { [$0] }, render: { .string($0) },
                                          member: "LambdaFunctions", limit: 25))
        },
        "AssociateBot": { s, c in try s.associate(c, lambda: false, add: true) },
        "DisassociateBot": { s, c in try s.associate(c, lambda: false, add: false) },
        "ListBots": { s, c in
            try s.checkInstance(c)
            // Lex V1 bots are not modelled: LexVersion V1 lists none.
            let bots = c.queryValue("lexVersion") == "V1" ? [] : s.state.integrations.lexBots
            return .object(try s.listPage(c, bots, key: { [$0] }, render: { ["LexV2Bot": ["AliasArn": .string($0)]] },
                                          member: "LexBots", limit: 25))
        },
    ]
}

extension ConnectService {
    /// AssociateLambdaFunction / DisassociateLambdaFunction (`FunctionArn`, in the body or, for the
    /// DELETE, the `functionArn` query) and AssociateBot / DisassociateBot (`LexV2Bot.AliasArn`):
    /// "Allows the specified Amazon Connect instance to access the specified Lambda function" /
    /// "Lex bot" (API reference). Associating twice is accepted; removing an unknown one is
    /// ResourceNotFoundException (listed for both operations in the model).
    func associate(_ c: ServiceCall, lambda: Bool, add: Bool) throws -> JSONValue? {
        try checkInstance(c)
        let arn: String
        if lambda {
            arn = c.string("FunctionArn") ?? c.queryValue("functionArn") ?? ""
            guard arn.hasPrefix("arn:") && arn.contains(":lambda:") else {
                throw ConnectError.invalidParameter("FunctionArn must be a Lambda function ARN")
            }
        } else {
            arn = c.body["LexV2Bot"]?["AliasArn"]?.stringValue ?? ""
            guard arn.hasPrefix("arn:") && arn.contains(":lex:") else {
                throw ConnectError.invalidParameter("LexV2Bot.AliasArn must be a Lex V2 bot alias ARN (Lex V1 bots are not modelled)")
            }
        }
        var list = lambda ? state.integrations.lambdaFunctions : state.integrations.lexBots
        if add {
            if !list.contains(arn) { list.append(arn); list.sort() }
        } else {
            guard let i = list.firstIndex(of: arn) else { throw ConnectError.notFound("\(arn) is not associated with this instance") }
            list.remove(at: i)
        }
        if lambda { state.integrations.lambdaFunctions = list } else { state.integrations.lexBots = list }
        return nil
    }

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

    // MARK: - Tags

    func taggedResource(_ call: ServiceCall) throws -> (ResourceKind, StoredResource) {
        let arn = call.label("resourceArn")
        guard let found = state.find(arn: arn) else { throw ConnectError.notFound("Resource \(arn) not found") }
        return found
    }

    func tagResource(_ call: ServiceCall) throws -> JSONValue? {
        var (kind, r) = try taggedResource(call)
        let tags = try parseTags(call.body["tags"], field: "tags", allowEmpty: false)
        if call.body["tags"] == nil { throw ConnectError.invalidParameter("tags is required") }
        var merged = r.tags
        for (k, v) in tags { merged[k] = v }
        if merged.count > 50 { throw ConnectError.invalidParameter("A resource can have at most 50 tags") }
        r.tags = merged
        if configuration.tagsBumpLastModified { r.modified = now }
        state.put(kind, r)
        return nil
    }

    func untagResource(_ call: ServiceCall) throws -> JSONValue? {
        var (kind, r) = try taggedResource(call)
        let keys = call.query["tagKeys"] ?? []
        if keys.isEmpty { throw ConnectError.invalidParameter("tagKeys is required") }
        if keys.count > 50 { throw ConnectError.invalidParameter("tagKeys can have at most 50 keys") }
        for k in keys { r.tags[k] = nil }
        if configuration.tagsBumpLastModified { r.modified = now }
        state.put(kind, r)
        return nil
    }

    func listTags(_ call: ServiceCall) throws -> JSONValue {
        let (_, r) = try taggedResource(call)
        return ["tags": .object(r.tags.mapValues { .string($0) })]
    }

    // MARK: - User hierarchy structure

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

    func hierarchyLevelNames(_ hs: [String: JSONValue]) throws -> [String] {
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
        return names
    }

    func updateHierarchyStructure(_ c: ServiceCall) throws -> JSONValue? {
        try checkInstance(c)
        guard let hs = c.body["HierarchyStructure"]?.objectValue else {
            throw ConnectError.invalidParameter("HierarchyStructure is required")
        }
        let names = try hierarchyLevelNames(hs)
        if names.count < state.hierarchyLevels.count {
            let groups = state.all(.hierarchyGroup)
            for lvl in (names.count + 1)...state.hierarchyLevels.count {
                if let g = groups.first(where: { levelOf($0) == lvl }) {
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
}
