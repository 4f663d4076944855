/// The shape of a manifest value, shared by the loader (key checks) and the JSON Schema generator.
public indirect enum FieldShape: Sendable {
    case string(pattern: String? = nil, minLength: Int? = nil, maxLength: Int? = nil)
    case integer(minimum: Int? = nil, maximum: Int? = nil)
    case boolean
    case enumeration([String])
    /// The literal `true` (used by `external: true`).
    case trueLiteral
    case list(FieldShape, minItems: Int? = nil, maxItems: Int? = nil)
    /// A string or a list of strings (an hours-of-operation day).
    case stringOrList(FieldShape)
    /// A mapping with user-chosen keys (names) and values of one shape.
    case map(FieldShape)
    case object(ObjectSpec)
    /// A mapping of resource name → either `{ external: true }` or the object.
    case resources(ObjectSpec)
    /// The user hierarchy group tree: name → subtree (or empty).
    case groupTree
    /// A value of the shape, or `{ external: true }` (a predefined attribute's list of values).
    case orExternal(FieldShape)
    /// A value of either shape (a routing-profile channel: its concurrency, or `{ max, crossChannel }`).
    case either(FieldShape, FieldShape)
}

/// One key of a mapping.
public struct FieldSpec: Sendable {
    public var name: String
    public var shape: FieldShape
    public var required: Bool
    public var summary: String

    public init(_ name: String, _ shape: FieldShape, required: Bool = false, _ summary: String) {
        self.name = name
        self.shape = shape
        self.required = required
        self.summary = summary
    }
}

/// A mapping with a fixed set of keys.
public struct ObjectSpec: Sendable {
    /// Used for schema `$defs` names and docs.
    public var title: String
    public var summary: String
    public var fields: [FieldSpec]

    public init(_ title: String, _ summary: String, _ fields: [FieldSpec]) {
        self.title = title
        self.summary = summary
        self.fields = fields
    }

    public var keys: [String] { fields.map(\.name) }

    public func field(_ name: String) -> FieldSpec? { fields.first { $0.name == name } }
}
