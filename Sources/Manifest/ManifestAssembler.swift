import Foundation
import Model
import Yams

/// Collects declarations from every file (merging kinds across files), reads each resource's
/// body into model values through its kind's reader (`ManifestKinds`), then checks references,
/// cycles and cross-resource rules.
final class ManifestAssembler {
    let context: ReadContext
    var declared: [ResourceKind: [String: SourceLocation]] = [:]
    var externals: [ResourceAddress] = []
    /// What the readers read, per kind, each kind in its own model type.
    private var values: [ResourceKind: [any Sendable]] = [:]
    /// The type of every flow declared with a valid `type`, for references that need a flow of a given type.
    var flowTypes: [String: FlowType] = [:]
    var references: [ReferenceSite] = []
    /// Each proficiency's attribute value, checked against the attribute's declared values once all are read.
    var proficiencyValues: [ProficiencyValueSite] = []
    /// The manifest file being read (flow content paths are relative to it).
    var currentManifestPath = ""
    /// The manifests' `promptBucket`, read before the resources (prompts' `audio:` needs it).
    var promptBucket: PromptBucket?
    /// Whether a `promptBucket` was given (valid or not).
    var promptBucketDeclared = false

    init(context: ReadContext) { self.context = context }

    func append(_ value: some Sendable, to kind: ResourceKind) { values[kind, default: []].append(value) }

    func values<Value>(of kind: ResourceKind, as type: Value.Type) -> [Value] {
        (values[kind] ?? []).compactMap { $0 as? Value }
    }

    // MARK: Sections

    /// Reads one `queues:`-style section: name → body or `{ external: true }`.
    func readSection<Reader: ManifestKindReader>(_ reader: Reader, node: Node) {
        let kind = reader.kind
        guard case .mapping(let mapping) = node else {
            if case .scalar(let s) = node, ReadContext.isNull(s) { return }
            context.error("'\(kind.manifestSection)' must be a mapping from \(kind.displayName) name to its settings, found \(context.describe(node))",
                          at: node)
            return
        }
        for (name, keyNode, body) in context.pairs(of: mapping, owner: "'\(kind.manifestSection)'") {
            let owner = "\(kind.displayName) '\(name)'"
            guard checkName(name, kind: kind, at: keyNode, problem: reader.nameProblem) else { continue }
            let isNew = declare(ResourceAddress(kind, name), at: keyNode)
            if case .mapping(let bodyMapping) = body,
               bodyMapping.contains(where: { $0.key.scalar?.string == "external" }) {
                readExternal(kind: kind, name: name, body: body, owner: owner, keyNode: keyNode, isNew: isNew)
                continue
            }
            guard !reader.spec.fields.isEmpty else {
                context.error("\(owner) must be declared 'external: true'; Patchbay does not manage \(kind.displayName)s yet", at: keyNode)
                continue
            }
            guard let entries = context.object(body, spec: reader.spec, owner: owner, ownerNode: keyNode) else { continue }
            let resource = ResourceBody(name: name, node: body, entries: entries, spec: reader.spec, owner: owner, referrer: owner,
                                        assembler: self)
            if let value = reader.read(resource), isNew { append(value, to: kind) }
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

    /// The rules every name follows, then the kind's own (`problem`).
    func checkName(_ name: String, kind: ResourceKind, at node: Node, problem: (String) -> String?) -> Bool {
        let what = "\(kind.displayName) name '\(name)'"
        guard let first = name.first, let last = name.last, !name.allSatisfy(\.isWhitespace) else {
            context.error("\(kind.displayName) name must not be empty", at: node); return false
        }
        if first.isWhitespace || last.isWhitespace {
            context.error("\(what) has leading or trailing spaces", at: node); return false
        }
        if ReadContext.mayContainSubstitution(name) {
            context.error("\(what) contains '${'; names are not substituted", at: node); return false
        }
        if let problem = problem(name) {
            context.error(problem, at: node); return false
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
}
