import Model
import Yams

/// `securityProfiles:` — security profiles by name.
struct SecurityProfileReader: ManifestKindReader {
    let kind = ResourceKind.securityProfile
    let summary = "Security profiles by name."

    static let nameCharacters = Set(" abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_@-")
    /// TagRestrictedResources: "Following are acceptable ResourceNames: User | SecurityProfile | Queue |
    /// RoutingProfile" (API Reference, CreateSecurityProfile; botocore 1.43's model links the tagging
    /// page of the Administrator Guide instead).
    static let tagRestrictable = ["User", "SecurityProfile", "Queue", "RoutingProfile"]
    /// HierarchyRestrictedResources: "Following are acceptable ResourceNames: User" (botocore's model).
    static let hierarchyRestrictable = ["User"]
    /// Application.ApplicationPermissions: "For third-party applications, only the ACCESS permission is
    /// supported. For MCP Servers, the permissions are tool Identifiers accepted by MCP Server."
    static let thirdPartyPermissions = ["ACCESS"]

    static let application = ObjectSpec("securityProfileApplication", "A third-party application or MCP server the profile gives access to.", [
        FieldSpec("namespace", .string(minLength: 1, maxLength: 128), required: true, "The application's namespace."),
        FieldSpec("applicationPermissions", .list(.string(minLength: 1, maxLength: 128), minItems: 1, maxItems: 50), required: true,
                  "ACCESS for a third-party application; the tool identifiers for an MCP server."),
        FieldSpec("type", .enumeration(SecurityProfileApplication.ApplicationType.allCases.map(\.rawValue)),
                  "THIRD_PARTY_APPLICATION (default) or MCP."),
    ])
    let spec = ObjectSpec("securityProfile", "A security profile.", [
        ManifestSchema.descriptionField,
        FieldSpec("permissions", .list(.string(minLength: 1)), "Permission names as Connect spells them."),
        FieldSpec("allowedAccessControlTags", .map(.string(maxLength: 256)),
                  "Tags (at most 4) resources must carry for this profile's users to access them; absent: not managed."),
        FieldSpec("tagRestrictedResources", .list(.enumeration(SecurityProfileReader.tagRestrictable), maxItems: 10),
                  "Resources the tag restriction applies to; absent: not managed."),
        FieldSpec("hierarchyRestrictedResources", .list(.enumeration(SecurityProfileReader.hierarchyRestrictable)),
                  "Resources the hierarchy restriction applies to; absent: not managed."),
        FieldSpec("allowedAccessControlHierarchyGroup", .string(minLength: 1),
                  "Hierarchy group path (Americas/New York) access is restricted to; absent: not managed."),
        FieldSpec("applications", .list(.object(SecurityProfileReader.application), maxItems: 10),
                  "Third-party applications and MCP servers; absent: not managed, `[]`: none."),
        ManifestSchema.tagsField,
    ])

    func nameProblem(_ name: String) -> String? {
        if let problem = lengthProblem(name) { return problem }
        guard let bad = name.first(where: { !Self.nameCharacters.contains($0) }) else { return nil }
        return "\(kind.displayName) name '\(name)' contains '\(bad)'; security profile names may contain letters, digits, spaces and _ @ -"
    }

    func read(_ body: ResourceBody) -> SecurityProfile? {
        var permissions: Set<String> = []
        if let node = body["permissions"], let list = body.context.stringList(node, what: body.what("permissions")) {
            for (permission, permissionNode) in list where !permissions.insert(permission).inserted {
                body.context.warning("permission '\(permission)' is listed twice in \(body.owner)", at: permissionNode)
            }
        }
        return SecurityProfile(name: body.name) {
            $0.description = body.limitedString("description")
            $0.permissions = permissions.sorted()
            $0.allowedAccessControlTags = readAccessControlTags(body)
            $0.tagRestrictedResources = readResourceNames(body, "tagRestrictedResources", among: Self.tagRestrictable, limit: 10)
            $0.hierarchyRestrictedResources = readResourceNames(body, "hierarchyRestrictedResources", among: Self.hierarchyRestrictable, limit: nil)
            $0.allowedAccessControlHierarchyGroup = body.reference("allowedAccessControlHierarchyGroup", to: .hierarchyGroup)
            $0.applications = readApplications(body)
            $0.tags = body.tags
        }
    }

    /// AllowedAccessControlTags: at most 4 entries, keys 1–128 characters, values ≤ 256 (botocore's model).
    private func readAccessControlTags(_ body: ResourceBody) -> [String: String]? {
        guard let node = body["allowedAccessControlTags"],
              let tags = body.context.stringMap(node, what: body.what("allowedAccessControlTags")) else { return nil }
        if tags.count > 4 {
            body.context.error("\(body.what("allowedAccessControlTags")) has \(tags.count) tags; Connect allows at most 4", at: node)
        }
        for (key, value) in tags where key.count > 128 || value.count > 256 {
            body.context.error("tag '\(key)' in \(body.what("allowedAccessControlTags")) is too long (keys up to 128 characters, values up to 256)", at: node)
        }
        return tags
    }

    /// A list of resource names Connect accepts, each once, sorted.
    private func readResourceNames(_ body: ResourceBody, _ key: String, among known: [String], limit: Int?) -> [String]? {
        guard let node = body[key], let list = body.context.stringList(node, what: body.what(key)) else { return nil }
        var names: [String] = []
        for (name, nameNode) in list {
            if !known.contains(name) {
                body.context.error("'\(name)' in \(body.what(key)) is not a resource Connect restricts; it accepts \(known.joined(separator: ", "))"
                                   + EditDistance.didYouMean(name, among: known), at: nameNode)
            } else if names.contains(name) {
                body.context.warning("'\(name)' is listed twice in \(body.what(key))", at: nameNode)
            } else {
                names.append(name)
            }
        }
        if let limit, list.count > limit {
            body.context.error("\(body.what(key)) lists \(list.count) resources; Connect allows at most \(limit)", at: node)
        }
        return names.sorted()
    }

    /// The applications, each namespace once; a third-party application's permissions are ACCESS only.
    private func readApplications(_ body: ResourceBody) -> [SecurityProfileApplication]? {
        guard let node = body["applications"] else { return nil }
        guard let items = body.context.list(node, what: body.what("applications")) else { return [] }
        if items.count > 10 { body.context.error("\(body.what("applications")) lists \(items.count) applications; Connect allows at most 10", at: node) }
        var out: [SecurityProfileApplication] = [], seen: [String: Node] = [:]
        for item in items {
            guard let a = body.nested(item, spec: Self.application, owner: "an application of \(body.owner)"),
                  let namespace = a.limitedString("namespace"), let namespaceNode = a["namespace"] else { continue }
            let type = a["type"] == nil ? .thirdPartyApplication : a.enumeration("type", as: SecurityProfileApplication.ApplicationType.self)
            guard let permissionsNode = a["applicationPermissions"],
                  let list = a.context.stringList(permissionsNode, what: a.what("applicationPermissions"), shape: .string(minLength: 1, maxLength: 128)) else { continue }
            if !(1...50).contains(list.count) {
                a.context.error("\(a.what("applicationPermissions")) must list 1 to 50 permissions, found \(list.count)", at: permissionsNode)
            }
            var permissions = Set<String>()
            for (permission, permissionNode) in list {
                if type == .thirdPartyApplication, !Self.thirdPartyPermissions.contains(permission) {
                    a.context.error("unknown application permission '\(permission)' in \(a.owner); a third-party application takes ACCESS only",
                                    at: permissionNode)
                } else if !permissions.insert(permission).inserted {
                    a.context.warning("permission '\(permission)' is listed twice in \(a.owner)", at: permissionNode)
                }
            }
            guard let type else { continue }
            if let first = seen[namespace] {
                body.context.error("application '\(namespace)' is listed more than once in \(body.owner)", at: namespaceNode,
                                   notes: [.init("first listed here", at: body.context.location(first))])
                continue
            }
            seen[namespace] = namespaceNode
            out.append(SecurityProfileApplication(namespace: namespace, permissions: permissions.sorted(), type: type))
        }
        return out.sorted { $0.namespace < $1.namespace }
    }

    func store(_ resources: [SecurityProfile], into desired: inout DesiredState) {
        desired.securityProfiles = resources.sortedByName()
    }
}
