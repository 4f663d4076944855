/// A managed field's value in the normalised vocabulary both sides of a diff share.
///
/// Desired state (from the manifests) and live state (from Connect) are each projected
/// into `FieldValue`s, with references written as names, defaults filled in and sets
/// sorted, so that equal configurations compare equal whatever their source.
public indirect enum FieldValue: Hashable, Sendable {
    case null
    case bool(Bool)
    case int(Int)
    case string(String)
    /// An ordered list: order is significant.
    case list([FieldValue])
    /// An unordered collection; construct with `FieldValue.set(_:)` so it is kept sorted.
    case unorderedSet([FieldValue])
    /// A record or a map; keys are compared by name and rendered sorted.
    case object([String: FieldValue])
    /// A secret. It is never rendered and never compared (write-only fields).
    case sensitive

    /// An unordered collection, canonicalised (sorted, duplicates removed).
    public static func set(_ values: [FieldValue]) -> FieldValue {
        .unorderedSet(Array(Set(values)).sorted())
    }

    public static func strings(_ values: [String]) -> FieldValue {
        .set(values.map(FieldValue.string))
    }

    public static func optional(_ value: String?) -> FieldValue {
        value.map(FieldValue.string) ?? .null
    }

    public static func optional(_ value: Int?) -> FieldValue {
        value.map(FieldValue.int) ?? .null
    }

    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }
}

extension FieldValue: Comparable {
    private var rank: Int {
        switch self {
        case .null: 0
        case .bool: 1
        case .int: 2
        case .string: 3
        case .list: 4
        case .unorderedSet: 5
        case .object: 6
        case .sensitive: 7
        }
    }

    public static func < (a: FieldValue, b: FieldValue) -> Bool {
        switch (a, b) {
        case let (.bool(x), .bool(y)): return !x && y
        case let (.int(x), .int(y)): return x < y
        case let (.string(x), .string(y)): return x < y
        case let (.list(x), .list(y)), let (.unorderedSet(x), .unorderedSet(y)):
            return x.lexicographicallyPrecedes(y)
        case let (.object(x), .object(y)):
            let xs = x.sorted { $0.key < $1.key }, ys = y.sorted { $0.key < $1.key }
            return xs.lexicographicallyPrecedes(ys) { l, r in
                l.key != r.key ? l.key < r.key : l.value < r.value
            }
        default: return a.rank < b.rank
        }
    }
}

extension FieldValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral {
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
}
