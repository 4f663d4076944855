import Model
import Yams

/// `predefinedAttributes:` — name → its values (design.md §3b), or `{ external: true }` for one
/// managed elsewhere that proficiencies may still name. Limits from the admin guide ("Create
/// predefined attributes for routing contacts to agents"): "You can create up to 500 values per
/// attribute", names and values up to 100 characters, and they "can't start with aws: or connect:";
/// "You cannot create duplicate predefined attribute names or values".
struct PredefinedAttributeReader: ManifestSection {
    let key = ResourceKind.predefinedAttribute.manifestSection
    static let maxValues = 500, maxLength = 100

    var field: FieldSpec {
        FieldSpec(key, .map(.orExternal(.list(.string(minLength: 1, maxLength: Self.maxLength), minItems: 1, maxItems: Self.maxValues))),
                  "Predefined attributes by name, each with its values (a set; 1–500 values of up to 100 characters); "
                  + "no tags in Connect: only --prune deletes an undeclared one.")
    }

    func readSection(_ node: Node, into assembler: ManifestAssembler) {
        let context = assembler.context, kind = ResourceKind.predefinedAttribute
        guard case .mapping(let mapping) = node else {
            if case .scalar(let s) = node, ReadContext.isNull(s) { return }
            context.error("'\(key)' must be a mapping from attribute name to its list of values, found \(context.describe(node))", at: node)
            return
        }
        for (name, keyNode, body) in context.pairs(of: mapping, owner: "'\(key)'") {
            let owner = "predefined attribute '\(name)'"
            guard assembler.checkName(name, kind: kind, at: keyNode, problem: Self.textProblem) else { continue }
            let isNew = assembler.declare(ResourceAddress(kind, name), at: keyNode)
            if case .mapping = body {
                assembler.readExternal(kind: kind, name: name, body: body, owner: owner, keyNode: keyNode, isNew: isNew)
                continue
            }
            guard let values = context.stringList(body, what: "the values of \(owner)") else { continue }
            if let values = Self.checkedValues(values, owner: owner, listNode: body, context: context), isNew {
                assembler.append(PredefinedAttribute(name: name, values: values), to: kind)
            }
        }
    }

    /// The values when they follow Connect's rules (1–500, unique, each a valid text); else reports and nil.
    static func checkedValues(_ values: [(String, Node)], owner: String, listNode: Node, context: ReadContext) -> [String]? {
        var ok = true, seen: Set<String> = []
        if values.isEmpty || values.count > maxValues {
            context.error("\(owner) has \(values.count) values; Connect accepts 1 to \(maxValues)", at: listNode)
            ok = false
        }
        for (value, node) in values {
            if let problem = textProblem(value) {
                context.error("value '\(value)' of \(owner): \(problem)", at: node)
                ok = false
            } else if !seen.insert(value).inserted {
                context.error("value '\(value)' is listed twice in \(owner)", at: node)
                ok = false
            }
        }
        return ok ? values.map(\.0) : nil
    }

    /// Connect's pattern for names and values: up to 100 characters, not starting with aws: or connect:.
    static func textProblem(_ text: String) -> String? {
        if text.isEmpty { return "must not be empty" }
        if text.count > maxLength { return "'\(text)' is \(text.count) characters long; the limit is \(maxLength)" }
        if text.hasPrefix("aws:") || text.hasPrefix("connect:") { return "'\(text)' may not start with 'aws:' or 'connect:'" }
        return nil
    }

    /// Every proficiency names a value its attribute declares (an external attribute's values are unknown: any).
    func check(_ assembler: ManifestAssembler) {
        let declared = Dictionary(assembler.values(of: .predefinedAttribute, as: PredefinedAttribute.self).map { ($0.name, $0.values) },
                                  uniquingKeysWith: { first, _ in first })
        for site in assembler.proficiencyValues {
            guard let values = declared[site.attribute], !values.contains(site.value) else { continue }
            assembler.context.error("\(site.owner) has a proficiency in unknown value '\(site.value)' of predefined attribute '\(site.attribute)'"
                                    + EditDistance.didYouMean(site.value, among: values), at: site.location)
        }
    }

    func store(from assembler: ManifestAssembler, into desired: inout DesiredState) {
        desired.predefinedAttributes = assembler.values(of: .predefinedAttribute, as: PredefinedAttribute.self).sortedByName()
    }
}
