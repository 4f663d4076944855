import Foundation

/// Security profiles: Create, Describe, Update, Delete, List, Search,
/// ListSecurityProfilePermissions, ListSecurityProfileApplications.
enum SecurityProfileKind {
    static let namePattern = try! NSRegularExpression(pattern: "^[ a-zA-Z0-9_@-]+$")
    static let optionalMembers = ["AllowedAccessControlTags", "TagRestrictedResources", "HierarchyRestrictedResources",
                                  "AllowedAccessControlHierarchyGroupId", "GranularAccessControlConfiguration"]
    /// The members of SecurityProfileSearchSummary.
    static let searchMembers: Set<String> = ["Id", "OrganizationResourceId", "Arn", "SecurityProfileName", "Description", "Tags"]

    static let handler = KindHandler(
        kind: .securityProfile, quota: { $0.securityProfilesPerInstance },
        operations: [
            "CreateSecurityProfile": KindHandler.create(.securityProfile, nameKey: "SecurityProfileName") { s, c, attrs, hidden in
                let name = try c.requiredString("SecurityProfileName")
                if namePattern.firstMatch(in: name, range: NSRange(name.startIndex..., in: name)) == nil {
                    throw ConnectError.invalidParameter("SecurityProfileName must match ^[ a-zA-Z0-9_@-]+$")
                }
                try apply(s, c, &attrs, &hidden)
                hidden["Permissions"] = hidden["Permissions"] ?? .array([])
            },
            "UpdateSecurityProfile": { s, c in
                _ = try s.updateOp(.securityProfile, c) { r in
                    if let d = c.string("Description") { try s.validateDescription(d); r.attrs["Description"] = .string(d) }
                    try apply(s, c, &r.attrs, &r.hidden)
                }
                return nil
            },
            "ListSecurityProfilePermissions": { s, c in
                try s.checkInstance(c)
                let r = try s.require(.securityProfile, c.label("SecurityProfileId"))
                let perms = (r.hidden["Permissions"]?.arrayValue ?? []).compactMap(\.stringValue).sorted()
                return s.withLastModified(r, try s.listPage(c, perms, key: { [$0] }, render: { .string($0) },
                                                           member: "Permissions", scope: r.id))
            },
            "ListSecurityProfileApplications": { s, c in
                try s.checkInstance(c)
                let r = try s.require(.securityProfile, c.label("SecurityProfileId"))
                let apps = r.hidden["Applications"]?.arrayValue ?? []
                return s.withLastModified(r, try s.listPage(c, apps, key: { [$0["Namespace"]?.stringValue ?? ""] }, render: { $0 },
                                                           member: "Applications", scope: r.id))
            },
        ],
        references: { r in
            r.attrs["AllowedAccessControlHierarchyGroupId"]?.stringValue.map { [ResourceRef(kind: .hierarchyGroup, id: $0)] } ?? []
        },
        blockedBy: [.user],
        describeExtras: { s, _, o, forSearch in
            o["OrganizationResourceId"] = .string(s.state.instanceId)
            if forSearch { o = o.filter { searchMembers.contains($0.key) } }
        })

    /// Permissions, Applications and the optional access-control members of Create/Update. A member
    /// sent replaces the stored one; one left out is kept (UpdateSecurityProfile's members are all
    /// optional; the reference does not say an absent one is cleared).
    static func apply(_ s: ConnectService, _ c: ServiceCall, _ attrs: inout [String: JSONValue], _ hidden: inout [String: JSONValue]) throws {
        if let perms = try c.stringList("Permissions") {
            if perms.count > 500 { throw ConnectError.invalidParameter("Permissions can have at most 500 items") }
            hidden["Permissions"] = .array(Array(Set(perms)).sorted().map { .string($0) })
        }
        try checkLimits(c)
        if let gid = c.string("AllowedAccessControlHierarchyGroupId"), !gid.isEmpty {
            // HierarchyGroupId of a group in the instance (ResourceNotFoundException is among the operation's errors).
            attrs["AllowedAccessControlHierarchyGroupId"] = .string(try s.require(.hierarchyGroup, gid).id)
        }
        for key in optionalMembers where key != "AllowedAccessControlHierarchyGroupId" {
            if let v = c.body[key], !v.isNull { attrs[key] = v }
        }
        if let apps = c.body["Applications"], !apps.isNull { hidden["Applications"] = try applications(apps) }
    }

    /// botocore's model: AllowedAccessControlTags max 4 entries (keys 1–128, values ≤ 256),
    /// TagRestrictedResourceList max 10, names 1–128.
    static func checkLimits(_ c: ServiceCall) throws {
        if let tags = c.body["AllowedAccessControlTags"]?.objectValue {
            if tags.count > 4 { throw ConnectError.invalidParameter("AllowedAccessControlTags can have at most 4 entries") }
            for (k, v) in tags where k.isEmpty || k.count > 128 || (v.stringValue?.count ?? 0) > 256 {
                throw ConnectError.invalidParameter("AllowedAccessControlTags key '\(k)' or its value is too long")
            }
        }
        if let names = try c.stringList("TagRestrictedResources") {
            if names.count > 10 { throw ConnectError.invalidParameter("TagRestrictedResources can have at most 10 items") }
            if names.contains(where: { $0.isEmpty || $0.count > 128 }) { throw ConnectError.invalidParameter("TagRestrictedResources names must be 1-128 characters") }
        }
        if let names = try c.stringList("HierarchyRestrictedResources"), names.contains(where: { $0.isEmpty || $0.count > 128 }) {
            throw ConnectError.invalidParameter("HierarchyRestrictedResources names must be 1-128 characters")
        }
    }

    /// Applications (max 10): Namespace 1–128, ApplicationPermissions 1–50 of 1–128 characters,
    /// Type MCP | THIRD_PARTY_APPLICATION (botocore's model). "For third-party applications, only
    /// the ACCESS permission is supported" — what Connect answers otherwise is not documented; the
    /// emulator refuses it with InvalidParameterException.
    static func applications(_ v: JSONValue) throws -> JSONValue {
        guard let list = v.arrayValue else { throw ConnectError.invalidParameter("Applications must be a list") }
        if list.count > 10 { throw ConnectError.invalidParameter("Applications can have at most 10 items") }
        return .array(try list.map { app in
            guard let ns = app["Namespace"]?.stringValue, (1...128).contains(ns.count) else {
                throw ConnectError.invalidParameter("Applications Namespace must be 1-128 characters")
            }
            let perms = (app["ApplicationPermissions"]?.arrayValue ?? []).compactMap(\.stringValue)
            guard (1...50).contains(perms.count), perms.allSatisfy({ (1...128).contains($0.count) }) else {
                throw ConnectError.invalidParameter("ApplicationPermissions must have 1-50 items of 1-128 characters")
            }
            var out: [String: JSONValue] = ["Namespace": .string(ns), "ApplicationPermissions": .array(perms.map { .string($0) })]
            if let type = app["Type"]?.stringValue {
                guard ["MCP", "THIRD_PARTY_APPLICATION"].contains(type) else { throw ConnectError.invalidParameter("Application Type must be MCP or THIRD_PARTY_APPLICATION") }
                out["Type"] = .string(type)
            }
            if out["Type"] != "MCP", perms != ["ACCESS"] {
                throw ConnectError.invalidParameter("A third-party application supports only the ACCESS permission")
            }
            return .object(out)
        })
    }
}
