import Foundation

/// Security profiles: Create, Describe, Update, Delete, List, Search,
/// ListSecurityProfilePermissions.
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
                try apply(c, &attrs, &hidden)
                hidden["Permissions"] = hidden["Permissions"] ?? .array([])
            },
            "UpdateSecurityProfile": { s, c in
                _ = try s.updateOp(.securityProfile, c) { r in
                    if let d = c.string("Description") { try s.validateDescription(d); r.attrs["Description"] = .string(d) }
                    try apply(c, &r.attrs, &r.hidden)
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
        ],
        blockedBy: [.user],
        describeExtras: { s, _, o, forSearch in
            o["OrganizationResourceId"] = .string(s.state.instanceId)
            if forSearch { o = o.filter { searchMembers.contains($0.key) } }
        })

    /// Permissions, Applications and the optional access-control members of Create/Update.
    static func apply(_ c: ServiceCall, _ attrs: inout [String: JSONValue], _ hidden: inout [String: JSONValue]) throws {
        if let perms = try c.stringList("Permissions") {
            if perms.count > 500 { throw ConnectError.invalidParameter("Permissions can have at most 500 items") }
            hidden["Permissions"] = .array(Array(Set(perms)).sorted().map { .string($0) })
        }
        for key in optionalMembers {
            if let v = c.body[key], !v.isNull { attrs[key] = v }
        }
        if let apps = c.body["Applications"] { hidden["Applications"] = apps }
    }
}
