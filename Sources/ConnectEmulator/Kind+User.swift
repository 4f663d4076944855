import Foundation

/// Users: Create, Describe, UpdateUser{IdentityInfo,PhoneConfig,RoutingProfile,
/// SecurityProfiles,Hierarchy}, Delete, List, Search. Each user has an AGENT queue
/// (id = user id, ARN `…/queue/agent/{userId}`), created and removed with the user.
enum UserKind {
    static let usernamePattern = try! NSRegularExpression(pattern: "^[a-zA-Z0-9_\\-.@]+$")
    static let configMembers = ["AutoAcceptConfigs", "AfterContactWorkConfigs", "PhoneNumberConfigs",
                                "PersistentConnectionConfigs", "VoiceEnhancementConfigs"]
    /// The members of UserSearchSummary.
    static let searchMembers: Set<String> = Set(["Arn", "DirectoryUserId", "HierarchyGroupId", "Id", "PhoneConfig", "RoutingProfileId",
                                             "SecurityProfileIds", "Tags", "Username"]).union(configMembers)

    static let handler = KindHandler(
        kind: .user, searchMaxResults: 500, summaryNameKey: "Username", quota: { $0.usersPerInstance },
        operations: ([
            "CreateUser": { s, c in try s.createResponse(.user, create(s, c)) },
            "UpdateUserIdentityInfo": update { _, c, r in
                guard let info = c.body["IdentityInfo"]?.objectValue else { throw ConnectError.invalidParameter("IdentityInfo is required") }
                r.attrs["IdentityInfo"] = .object(info)
            },
            "UpdateUserPhoneConfig": update { _, c, r in
                guard let pc = c.body["PhoneConfig"] else { throw ConnectError.invalidParameter("PhoneConfig is required") }
                r.attrs["PhoneConfig"] = try phoneConfig(pc)
            },
            "UpdateUserRoutingProfile": update { s, c, r in
                r.attrs["RoutingProfileId"] = .string(try s.require(.routingProfile, try c.requiredString("RoutingProfileId")).id)
            },
            "UpdateUserSecurityProfiles": update { s, c, r in r.attrs["SecurityProfileIds"] = try securityProfileIds(s, c) },
            "UpdateUserHierarchy": update { s, c, r in r.attrs["HierarchyGroupId"] = try hierarchyGroup(s, c) },
        ] as [String: Operation]).merging(UserProficiencyOperations.operations) { own, _ in own },
        references: { r in
            var refs = (r.attrs["SecurityProfileIds"]?.arrayValue ?? []).compactMap(\.stringValue).map { ResourceRef(kind: .securityProfile, id: $0) }
            if let rp = r.attrs["RoutingProfileId"]?.stringValue { refs.append(ResourceRef(kind: .routingProfile, id: rp)) }
            if let g = r.attrs["HierarchyGroupId"]?.stringValue { refs.append(ResourceRef(kind: .hierarchyGroup, id: g)) }
            return refs
        },
        afterDelete: { s, r in s.state.remove(.queue, r.id) },  // its AGENT queue
        searchFields: [
            "username": { [$0.name] },
            "firstname": { $0.attrs["IdentityInfo"]?["FirstName"]?.stringValue.map { [$0] } ?? [] },
            "lastname": { $0.attrs["IdentityInfo"]?["LastName"]?.stringValue.map { [$0] } ?? [] },
            "routingprofileid": { ContactFlowKind.attr($0, "RoutingProfileId") },
            "securityprofileid": securityProfiles,
            "securityprofileids": securityProfiles,
        ],
        searchesDescription: false,
        describeExtras: { s, _, o, forSearch in
            guard forSearch else { return }
            var summary = o.filter { searchMembers.contains($0.key) }
            // "When returned by a SearchUsers call, AfterContactWorkTimeLimit is returned in
            // milliseconds." (API reference, UserPhoneConfig); DescribeUser keeps seconds.
            if s.configuration.searchUsersAfterContactWorkInMilliseconds,
               var phone = summary["PhoneConfig"]?.objectValue, let seconds = phone["AfterContactWorkTimeLimit"]?.intValue {
                phone["AfterContactWorkTimeLimit"] = .int(seconds * 1000)
                summary["PhoneConfig"] = .object(phone)
            }
            if let info = o["IdentityInfo"]?.objectValue {
                summary["IdentityInfo"] = .object(info.filter { $0.key == "FirstName" || $0.key == "LastName" })
            }
            o = summary
        })

    static let securityProfiles: @Sendable (StoredResource) -> [String] = {
        ($0.attrs["SecurityProfileIds"]?.arrayValue ?? []).compactMap(\.stringValue)
    }

    static func update(_ change: @escaping @Sendable (ConnectService, ServiceCall, inout StoredResource) throws -> Void) -> Operation {
        { s, c in
            _ = try s.updateOp(.user, c) { try change(s, c, &$0) }
            return nil
        }
    }

    static func phoneConfig(_ v: JSONValue) throws -> JSONValue {
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

    static func securityProfileIds(_ s: ConnectService, _ c: ServiceCall) throws -> JSONValue {
        guard let ids = try c.stringList("SecurityProfileIds") else { throw ConnectError.invalidParameter("SecurityProfileIds is required") }
        if ids.isEmpty || ids.count > 10 { throw ConnectError.invalidParameter("SecurityProfileIds must have 1-10 items") }
        var out: [String] = []
        for id in ids {
            let sp = try s.require(.securityProfile, id)
            if !out.contains(sp.id) { out.append(sp.id) }
        }
        return .array(out.map { .string($0) })
    }

    static func hierarchyGroup(_ s: ConnectService, _ c: ServiceCall) throws -> JSONValue? {
        guard let gid = c.string("HierarchyGroupId"), !gid.isEmpty else { return nil }
        return .string(try s.require(.hierarchyGroup, gid).id)
    }

    static func create(_ s: ConnectService, _ c: ServiceCall) throws -> StoredResource {
        let username = try c.requiredString("Username")
        if username.isEmpty || username.count > 64 { throw ConnectError.invalidParameter("Username must be 1-64 characters") }
        if usernamePattern.firstMatch(in: username, range: NSRange(username.startIndex..., in: username)) == nil {
            throw ConnectError.invalidParameter("Username may contain only letters, digits and _ - . @")
        }
        let user = try s.createOp(.user, c, nameKey: "Username", maxName: 64, maxDescription: nil) { attrs, _ in
            attrs["SecurityProfileIds"] = try securityProfileIds(s, c)
            attrs["RoutingProfileId"] = .string(try s.require(.routingProfile, try c.requiredString("RoutingProfileId")).id)
            attrs["HierarchyGroupId"] = try hierarchyGroup(s, c)
            attrs["IdentityInfo"] = .object(c.body["IdentityInfo"]?.objectValue ?? [:])
            attrs["PhoneConfig"] = try phoneConfig(c.body["PhoneConfig"] ?? ["PhoneType": "SOFT_PHONE"])
            if let d = c.string("DirectoryUserId") { attrs["DirectoryUserId"] = .string(d) }
            for key in configMembers {
                if let v = c.body[key], !v.isNull { attrs[key] = v }
            }
            if let pw = c.string("Password"), pw.count < 8 || pw.count > 64 {
                throw ConnectError.invalidParameter("Password must be 8-64 characters")
            }
        }
        s.state.put(.queue, agentQueue(s, user))
        return user
    }

    /// The AGENT queue every user gets (ARN `…/queue/agent/{userId}`).
    static func agentQueue(_ s: ConnectService, _ user: StoredResource) -> StoredResource {
        StoredResource(id: user.id, arn: "\(s.state.instanceArn)/queue/agent/\(user.id)", name: "",
                       attrs: ["Status": "ENABLED"], hidden: ["QueueType": "AGENT"],
                       created: user.created, modified: user.modified)
    }
}
