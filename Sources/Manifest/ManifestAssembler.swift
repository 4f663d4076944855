import Foundation
import Model
import Yams

/// Collects declarations from every file (merging kinds across files), reads each resource's
/// body into model values, then checks references, cycles and cross-resource rules.
final class ManifestAssembler {
    let context: ReadContext
    var declared: [ResourceKind: [String: SourceLocation]] = [:]
    var externals: [ResourceAddress] = []
    var hours: [HoursOfOperation] = []
    var queues: [Queue] = []
    var routingProfiles: [RoutingProfile] = []
    var flows: [Flow] = []
    var flowModules: [FlowModule] = []
    var securityProfiles: [SecurityProfile] = []
    var users: [User] = []
    var levels: [String]?
    var levelsLocation: SourceLocation?
    var groups: [String: HierarchyGroup] = [:]
    var groupLocations: [String: SourceLocation] = [:]
    var flowTypes: [String: FlowType] = [:]
    var references: [ReferenceSite] = []
    /// The manifest file being read (flow content paths are relative to it).
    var currentManifestPath = ""

    init(context: ReadContext) { self.context = context }

    static let usernameCharacters = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-@+")
    static let securityProfileNameCharacters = Set(" abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_@-")

    // MARK: Sections

    /// Reads one `queues:`-style section: name → body or `{ external: true }`.
    func readSection(kind: ResourceKind, node: Node) {
        guard case .mapping(let mapping) = node else {
            if case .scalar(let s) = node, ReadContext.isNull(s) { return }
            context.error("'\(kind.manifestSection)' must be a mapping from \(kind.displayName) name to its settings, found \(context.describe(node))",
                          at: node)
            return
        }
        for (name, keyNode, body) in context.pairs(of: mapping, owner: "'\(kind.manifestSection)'") {
            let owner = "\(kind.displayName) '\(name)'"
            guard checkName(name, kind: kind, at: keyNode) else { continue }
            let isNew = declare(ResourceAddress(kind, name), at: keyNode)
            if case .mapping(let bodyMapping) = body,
               bodyMapping.contains(where: { $0.key.scalar?.string == "external" }) {
                readExternal(kind: kind, name: name, body: body, owner: owner, keyNode: keyNode, isNew: isNew)
                continue
            }
            switch kind {
            case .hoursOfOperation: if let v = readHours(name, body, owner, keyNode), isNew { hours.append(v) }
            case .queue: if let v = readQueue(name, body, owner, keyNode), isNew { queues.append(v) }
            case .routingProfile: if let v = readRoutingProfile(name, body, owner, keyNode), isNew { routingProfiles.append(v) }
            case .flow: if let v = readFlow(name, body, owner, keyNode), isNew { flows.append(v) }
            case .flowModule: if let v = readFlowModule(name, body, owner, keyNode), isNew { flowModules.append(v) }
            case .securityProfile: if let v = readSecurityProfile(name, body, owner, keyNode), isNew { securityProfiles.append(v) }
            case .user: if let v = readUser(name, body, owner, keyNode), isNew { users.append(v) }
            case .quickConnect, .prompt:
                context.error("\(owner) must be declared 'external: true'; Patchbay does not manage \(kind.displayName)s yet", at: keyNode)
            default:
                break
            }
        }
    }

    /// Registers a declaration; reports a duplicate (at the second, with a note at the first).
    @discardableResult
    func declare(_ address: ResourceAddress, at node: Node) -> Bool {
        let location = context.location(node)
        if let first = declared[address.kind]?[address.name] {
            context.duplicate("\(address.kind.displayName) '\(address.name)'", first: first, again: location)
            return false
        }
        declared[address.kind, default: [:]][address.name] = location
        return true
    }

    func checkName(_ name: String, kind: ResourceKind, at node: Node) -> Bool {
        let what = "\(kind.displayName) name '\(name)'"
        if name.allSatisfy(\.isWhitespace) {
            context.error("\(kind.displayName) name must not be empty", at: node); return false
        }
        if name.first!.isWhitespace || name.last!.isWhitespace {
            context.error("\(what) has leading or trailing spaces", at: node); return false
        }
        if ReadContext.mayContainSubstitution(name) {
            context.error("\(what) contains '${'; names are not substituted", at: node); return false
        }
        switch kind {
        case .user:
            if name.count > 20 {
                context.error("username '\(name)' is \(name.count) characters long; Connect allows at most 20", at: node); return false
            }
            if let bad = name.first(where: { !Self.usernameCharacters.contains($0) }) {
                context.error("username '\(name)' contains '\(bad)'; usernames may contain letters, digits and . _ - @ +", at: node)
                return false
            }
        case .securityProfile:
            if name.count > 127 {
                context.error("\(what) is \(name.count) characters long; the limit is 127", at: node); return false
            }
            if let bad = name.first(where: { !Self.securityProfileNameCharacters.contains($0) }) {
                context.error("\(what) contains '\(bad)'; security profile names may contain letters, digits, spaces and _ @ -",
                              at: node)
                return false
            }
        default:
            if name.count > 127 {
                context.error("\(what) is \(name.count) characters long; the limit is 127", at: node); return false
            }
        }
        return true
    }

    func readExternal(kind: ResourceKind, name: String, body: Node, owner: String, keyNode: Node, isNew: Bool) {
        guard case .mapping(let mapping) = body else { return }
        var ok = true
        for (key, node, value) in context.pairs(of: mapping, owner: owner) {
            if key == "external" {
                if context.boolean(value, what: "'external' in \(owner)") == false {
                    context.error("'external' in \(owner) must be true; remove it to manage the resource", at: value)
                    ok = false
                }
            } else {
                context.error("\(owner) is declared 'external: true' and may not set '\(key)'", at: node)
                ok = false
            }
        }
        if ok && isNew { externals.append(ResourceAddress(kind, name)) }
    }

    // MARK: Shared fields

    func reference(_ kind: ResourceKind, _ node: Node, what: String, owner: String,
                   requiredFlowType: FlowType? = nil) -> String? {
        guard let name = context.string(node, what: what) else { return nil }
        references.append(ReferenceSite(target: ResourceAddress(kind, name), location: context.location(node), owner: owner,
                                        requiredFlowType: requiredFlowType))
        return name
    }

    func tags(_ entries: [String: (key: Node, value: Node)], owner: String) -> [String: String] {
        guard let node = entries["tags"]?.value else { return [:] }
        return readTags(node, what: "'tags' in \(owner)")
    }

    func readTags(_ node: Node, what: String) -> [String: String] {
        guard let map = context.stringMap(node, what: what) else { return [:] }
        if map.count > 50 { context.error("\(what) has \(map.count) tags; Connect allows at most 50", at: node) }
        for key in map.keys.sorted() where key.hasPrefix("aws:") || key.count > 128 || key.isEmpty {
            context.error("tag key '\(key)' in \(what) is not allowed (1-128 characters, not starting with 'aws:')", at: node)
        }
        for (key, value) in map.sorted(by: { $0.key < $1.key }) where value.count > 256 {
            context.error("tag '\(key)' in \(what) has a value of \(value.count) characters; the limit is 256", at: node)
        }
        return map
    }

    func renamedFrom(_ entries: [String: (key: Node, value: Node)], owner: String) -> [String] {
        guard let node = entries["renamedFrom"]?.value else { return [] }
        if case .scalar = node, let single = context.string(node, what: "'renamedFrom' in \(owner)") { return [single] }
        return context.stringList(node, what: "'renamedFrom' in \(owner)")?.map(\.0) ?? []
    }

    func optionalString(_ entries: [String: (key: Node, value: Node)], _ key: String, owner: String,
                        spec: ObjectSpec) -> String? {
        guard let node = entries[key]?.value else { return nil }
        return context.string(node, what: "'\(key)' in \(owner)", shape: spec.field(key)?.shape ?? .string())
    }
}
