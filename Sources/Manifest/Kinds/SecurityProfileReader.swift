import Model

/// `securityProfiles:` — security profiles by name.
struct SecurityProfileReader: ManifestKindReader {
    let kind = ResourceKind.securityProfile
    let summary = "Security profiles by name."

    static let nameCharacters = Set(" abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_@-")
    let spec = ObjectSpec("securityProfile", "A security profile.", [
        ManifestSchema.descriptionField,
        FieldSpec("permissions", .list(.string(minLength: 1)), "Permission names as Connect spells them."),
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
            $0.tags = body.tags
        }
    }

    func store(_ resources: [SecurityProfile], into desired: inout DesiredState) {
        desired.securityProfiles = resources.sortedByName()
    }
}
