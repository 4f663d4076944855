import Model
import Yams

/// Where a proficiency names an attribute value (checked against the attribute's values later).
struct ProficiencyValueSite {
    var attribute: String
    var value: String
    var location: SourceLocation
    var owner: String
}

extension UserReader {
    /// "You can add up to 10 proficiencies per agent" (admin guide, "Assign proficiencies to agents").
    static let maxProficiencies = 10

    /// `proficiencies: { Language: { English: 5 } }`. nil: not declared; `.some(nil)`: declared with errors.
    /// Levels: "The valid values are 1, 2, 3, 4 and 5" (UserProficiency.Level, API reference).
    func readProficiencies(_ body: ResourceBody) -> [String: [String: Int]]?? {
        guard let node = body["proficiencies"] else { return nil }
        let context = body.context, assembler = body.assembler
        guard case .mapping(let mapping) = node else {
            context.error("'proficiencies' in \(body.owner) must be a mapping from attribute to values and levels, found \(context.describe(node))",
                          at: node)
            return .some(nil)
        }
        var result: [String: [String: Int]] = [:], ok = true, count = 0
        for (attribute, attributeNode, values) in context.pairs(of: mapping, owner: "'proficiencies' in \(body.owner)") {
            assembler.references.append(ReferenceSite(target: ResourceAddress(.predefinedAttribute, attribute),
                                                      location: context.location(attributeNode), owner: body.referrer))
            guard case .mapping(let levels) = values else {
                context.error("proficiency '\(attribute)' in \(body.owner) must be a mapping from value to level, found \(context.describe(values))",
                              at: values)
                ok = false
                continue
            }
            for (value, valueNode, levelNode) in context.pairs(of: levels, owner: "proficiency '\(attribute)' in \(body.owner)") {
                count += 1
                assembler.proficiencyValues.append(ProficiencyValueSite(attribute: attribute, value: value,
                                                                        location: context.location(valueNode), owner: body.owner))
                guard let level = context.integer(levelNode, what: "the level of \(attribute) \(value) in \(body.owner)",
                                                  minimum: 1, maximum: 5) else { ok = false; continue }
                result[attribute, default: [:]][value] = level
            }
        }
        if count > Self.maxProficiencies {
            context.error("\(body.owner) has \(count) proficiencies; Connect allows at most \(Self.maxProficiencies) per user", at: node)
            ok = false
        }
        return ok ? .some(result) : .some(nil)
    }
}
