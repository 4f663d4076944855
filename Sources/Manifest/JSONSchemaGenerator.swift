import Foundation
/// Generates `schemas/patchbay.schema.json` (JSON Schema draft 2020-12) from `ManifestSchema`,
/// the same key tables the loader checks against, so the two cannot drift apart.
/// Every object has `additionalProperties: false`, as the loader rejects unknown keys.
public enum JSONSchemaGenerator {
    public static let schemaID = "https://patchbay.dev/schemas/patchbay.schema.json"

    /// The schema as pretty-printed JSON with sorted keys and a trailing newline.
    public static func generate() -> String {
        var defs: [String: JSONText] = [:]
        defs["substitution"] = .object([
            "type": .string("string"),
            "pattern": .string("\\$\\{(var|env):[^}]+\\}"),
            "description": .string("A ${var:NAME} or ${env:NAME} reference, substituted when the manifest is loaded."),
        ])
        defs["groupTree"] = .object([
            "type": .array([.string("object"), .string("null")]),
            "description": .string("Child groups by name; a group with no children is {} or empty."),
            "additionalProperties": .object(["$ref": .string("#/$defs/groupTree")]),
        ])
        defs["external"] = objectSchema(ManifestSchema.external, defs: &defs)
        var root = objectSchema(ManifestSchema.topLevel, defs: &defs, allowNull: false)
        guard case .object(var members) = root else { fatalError("unreachable") }
        members["$schema"] = .string("https://json-schema.org/draft/2020-12/schema")
        members["$id"] = .string(schemaID)
        members["title"] = .string("Patchbay manifest")
        members["$defs"] = .object(defs)
        root = .object(members)
        return root.render(indent: 0) + "\n"
    }

    private static func objectSchema(_ spec: ObjectSpec, defs: inout [String: JSONText], allowNull: Bool = true) -> JSONText {
        var properties: [String: JSONText] = [:]
        for field in spec.fields {
            var schema = shapeSchema(field.shape, defs: &defs)
            if case .object(var members) = schema, members["$ref"] == nil {
                members["description"] = .string(field.summary)
                schema = .object(members)
            }
            properties[field.name] = schema
        }
        var members: [String: JSONText] = [
            "type": allowNull && !spec.fields.contains(where: \.required) ? .array([.string("object"), .string("null")]) : .string("object"),
            "additionalProperties": .bool(false),
            "properties": .object(properties),
        ]
        let required = spec.fields.filter(\.required).map { JSONText.string($0.name) }
        if !required.isEmpty { members["required"] = .array(required) }
        if !spec.summary.isEmpty { members["description"] = .string(spec.summary) }
        return .object(members)
    }

    private static func withSubstitution(_ schema: JSONText) -> JSONText {
        .object(["anyOf": .array([schema, .object(["$ref": .string("#/$defs/substitution")])])])
    }

    private static func shapeSchema(_ shape: FieldShape, defs: inout [String: JSONText]) -> JSONText {
        switch shape {
        case let .string(pattern, minLength, maxLength):
            // The loader reads scalars as written, so an unquoted 42 or true is text where text is
            // expected: accept numbers and booleans too (length and pattern apply to strings only).
            var members: [String: JSONText] = ["type": .array([.string("string"), .string("number"), .string("boolean")])]
            if let minLength { members["minLength"] = .int(minLength) }
            if let maxLength { members["maxLength"] = .int(maxLength) }
            if let pattern {
                members["pattern"] = .string(pattern)
                return withSubstitution(.object(members))
            }
            return .object(members)
        case let .integer(minimum, maximum):
            var members: [String: JSONText] = ["type": .string("integer")]
            if let minimum { members["minimum"] = .int(minimum) }
            if let maximum { members["maximum"] = .int(maximum) }
            return withSubstitution(.object(members))
        case .boolean:
            return withSubstitution(.object(["type": .string("boolean")]))
        case .enumeration(let values):
            return withSubstitution(.object(["enum": .array(values.map(JSONText.string))]))
        case .trueLiteral:
            return .object(["const": .bool(true)])
        case let .list(element, minItems, maxItems):
            var members: [String: JSONText] = ["type": .string("array"), "items": shapeSchema(element, defs: &defs)]
            if let minItems { members["minItems"] = .int(minItems) }
            if let maxItems { members["maxItems"] = .int(maxItems) }
            return .object(members)
        case .stringOrList(let element):
            let item = shapeSchema(element, defs: &defs)
            return .object(["anyOf": .array([item, .object(["type": .string("array"), "items": item])])])
        case .map(let value):
            return .object(["type": .array([.string("object"), .string("null")]),
                            "additionalProperties": shapeSchema(value, defs: &defs)])
        case .object(let spec):
            if defs[spec.title] == nil { defs[spec.title] = objectSchema(spec, defs: &defs) }
            return .object(["$ref": .string("#/$defs/\(spec.title)")])
        case .resources(let spec):
            var choices: [JSONText] = [.object(["$ref": .string("#/$defs/external")])]
            if !spec.fields.isEmpty {
                if defs[spec.title] == nil { defs[spec.title] = objectSchema(spec, defs: &defs) }
                choices.append(.object(["$ref": .string("#/$defs/\(spec.title)")]))
            }
            return .object([
                "type": .array([.string("object"), .string("null")]),
                "propertyNames": .object(["minLength": .int(1)]),
                "additionalProperties": choices.count == 1 ? choices[0] : .object(["anyOf": .array(choices)]),
            ])
        case .groupTree:
            return .object(["$ref": .string("#/$defs/groupTree")])
        case .orExternal(let shape):
            return .object(["anyOf": .array([shapeSchema(shape, defs: &defs), .object(["$ref": .string("#/$defs/external")])])])
        case let .either(first, second):
            return .object(["anyOf": .array([shapeSchema(first, defs: &defs), shapeSchema(second, defs: &defs)])])
        }
    }
}

