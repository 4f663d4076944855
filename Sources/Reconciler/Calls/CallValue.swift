import Model

/// A member of a planned call's input: plain JSON, or a value only apply can know.
///
/// Ids and ARNs are written as references to the resource (`.id(queue.Support)`): apply
/// resolves them from the live state or from a create earlier in the same run. Flow content
/// keeps its `${kind:NAME}` references until apply resolves them to ARNs. Secrets are named,
/// never held: their value comes from the manifests' `${env:…}` at apply.
public indirect enum CallValue: Sendable, Hashable {
    case string(String)
    case int(Int)
    case bool(Bool)
    case list([CallValue])
    case object([String: CallValue])
    /// The Connect instance's id.
    case instanceId
    case id(ResourceAddress)
    case arn(ResourceAddress)
    /// A resource's id with a qualifier appended (`id:$SAVED`, a flow's saved content).
    case qualifiedId(ResourceAddress, qualifier: String)
    /// A fresh idempotency token, made when the call is sent (so plans stay deterministic).
    case clientToken
    /// Flow language JSON with `${kind:NAME}` references.
    case content(String)
    /// A write-only value (a password), resolved at apply and never rendered.
    case secret(ResourceAddress, field: String)
    /// A fingerprint tag's value: the fingerprint and, appended when the call is sent, the
    /// service's clock (`fp@T`, see `Fingerprint`).
    case stamped(String)

    /// Leaves out nil members, like the AWS SDKs.
    public static func optional(_ value: String?) -> CallValue? { value.map(CallValue.string) }

    public static func strings(_ values: [String]) -> CallValue { .list(values.map(CallValue.string)) }

    /// A map of strings (tags).
    public static func map(_ values: [String: String]) -> CallValue { .object(values.mapValues(CallValue.string)) }
}

extension CallValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByDictionaryLiteral, ExpressibleByArrayLiteral {
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    /// Members whose value is nil are left out.
    public init(dictionaryLiteral elements: (String, CallValue?)...) {
        var members: [String: CallValue] = [:]
        for (key, value) in elements { if let value { members[key] = value } }
        self = .object(members)
    }
    public init(arrayLiteral elements: CallValue...) { self = .list(elements) }
}
