/// The manifest's resource sections: the one list the loader accepts top-level keys from and
/// dispatches on, and the schema and the key reference (docs/manifest.md) list, in this order.
/// (Creation order is `ResourceKind.rank`; the manifest does not depend on it.)
///
/// Adding a kind: its model type (Model), its reader in `Kinds/` and one line here.
enum ManifestKinds {
    static let sections: [any ManifestSection] = [
        HoursOfOperationReader(),
        QueueReader(),
        RoutingProfileReader(),
        FlowReader(),
        FlowModuleReader(),
        SecurityProfileReader(),
        UserHierarchyReader(),
        UserReader(),
        QuickConnectReader(),
        AgentStatusReader(),
        PhoneNumberReader(),
        IntegrationsReader(),
        PromptReader(),
        PredefinedAttributeReader(),
        TaskTemplateReader(),
    ]

    private static let byKey: [String: any ManifestSection] = Dictionary(
        sections.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })

    static func section(forKey key: String) -> (any ManifestSection)? { byKey[key] }
}
