import Model
import Yams

/// A resource's body (or a mapping nested in it) checked against its key table, with readers
/// for its values that word their messages "'key' in OWNER".
struct ResourceBody {
    /// The declared resource's name.
    let name: String
    /// The mapping itself.
    let node: Node
    let entries: [String: (key: Node, value: Node)]
    let spec: ObjectSpec
    /// "queue 'Support'", or "'outboundCallerId' of queue 'Support'" for a nested mapping.
    let owner: String
    /// The declared resource, named in reference errors ("queue 'Support' refers to …").
    let referrer: String
    let assembler: ManifestAssembler

    var context: ReadContext { assembler.context }
    var isEmpty: Bool { entries.isEmpty }

    subscript(_ key: String) -> Node? { entries[key]?.value }

    func what(_ key: String) -> String { "'\(key)' in \(owner)" }

    /// A mapping nested in this body (a list item, or the value of a key), checked against `spec`.
    func nested(_ node: Node, spec: ObjectSpec, owner: String) -> ResourceBody? {
        guard let entries = context.object(node, spec: spec, owner: owner) else { return nil }
        return ResourceBody(name: name, node: node, entries: entries, spec: spec, owner: owner, referrer: referrer,
                            assembler: assembler)
    }

    /// The mapping at `key`, owned as "'key' of OWNER".
    func object(_ key: String, spec: ObjectSpec) -> ResourceBody? {
        self[key].flatMap { nested($0, spec: spec, owner: "'\(key)' of \(owner)") }
    }

    func string(_ key: String) -> String? { self[key].flatMap { context.string($0, what: what(key)) } }

    /// A string held to the length limits of its key table entry.
    func limitedString(_ key: String) -> String? {
        self[key].flatMap { context.string($0, what: what(key), shape: spec.field(key)?.shape ?? .string()) }
    }

    func integer(_ key: String, minimum: Int? = nil, maximum: Int? = nil) -> Int? {
        self[key].flatMap { context.integer($0, what: what(key), minimum: minimum, maximum: maximum) }
    }

    func boolean(_ key: String) -> Bool? { self[key].flatMap { context.boolean($0, what: what(key)) } }

    func enumeration<E: RawRepresentable & CaseIterable>(_ key: String, as type: E.Type) -> E? where E.RawValue == String {
        self[key].flatMap { context.enumeration($0, what: what(key), as: type) }
    }

    /// A phone number, reported unless it is E.164; nil when absent or not a string.
    func phoneNumber(_ key: String) -> (value: String, valid: Bool)? {
        guard let node = self[key], let number = string(key) else { return nil }
        let valid = Self.isE164(number)
        if !valid {
            context.error("\(what(key)) must be an E.164 phone number like +15550100, found '\(number)'", at: node)
        }
        return (number, valid)
    }

    static func isE164(_ text: String) -> Bool {
        text.hasPrefix("+") && (7...16).contains(text.count) && text.dropFirst().allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// A name referring to a resource of `kind`, checked once every declaration is known.
    func reference(_ key: String, to kind: ResourceKind, requiredFlowType: FlowType? = nil) -> String? {
        self[key].flatMap { assembler.reference(kind, $0, what: what(key), owner: referrer, requiredFlowType: requiredFlowType) }
    }

    /// A list of names referring to resources of `kind`: each checked, returned unique and sorted.
    func references(_ key: String, to kind: ResourceKind) -> [String]? {
        guard let node = self[key], let list = context.stringList(node, what: what(key)) else { return nil }
        for (name, nameNode) in list {
            assembler.references.append(ReferenceSite(target: ResourceAddress(kind, name), location: context.location(nameNode),
                                                      owner: referrer))
        }
        return Array(Set(list.map(\.0))).sorted()
    }

    var tags: [String: String] {
        self["tags"].map { assembler.readTags($0, what: what("tags")) } ?? [:]
    }

    var renamedFrom: [String] {
        guard let node = self["renamedFrom"] else { return [] }
        if case .scalar = node, let single = context.string(node, what: what("renamedFrom")) { return [single] }
        return context.stringList(node, what: what("renamedFrom"))?.map(\.0) ?? []
    }
}
