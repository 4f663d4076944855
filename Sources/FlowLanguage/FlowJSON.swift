/// A JSON value as the Flow language validator sees it. Callers convert from their own parser
/// (the manifest loader keeps positions, the emulator does not) and map the `JSONPath` of each
/// problem back to a line and column, or ignore it.
public indirect enum FlowJSON: Sendable, Equatable {
    case object([Member])
    case array([FlowJSON])
    case string(String)
    case number(Double)
    case bool(Bool)
    case null

    public struct Member: Sendable, Equatable {
        public var key: String
        public var value: FlowJSON
        public init(key: String, value: FlowJSON) {
            self.key = key
            self.value = value
        }
    }

    /// The member named `key` (the last one when a key is repeated, as JSON parsers do).
    public subscript(key: String) -> FlowJSON? {
        guard case .object(let members) = self else { return nil }
        return members.last { $0.key == key }?.value
    }

    public var members: [Member]? {
        if case .object(let m) = self { return m }
        return nil
    }

    public var array: [FlowJSON]? {
        if case .array(let a) = self { return a }
        return nil
    }

    public var string: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    public var typeName: String {
        switch self {
        case .object: "an object"
        case .array: "an array"
        case .string: "a string"
        case .number: "a number"
        case .bool: "a boolean"
        case .null: "null"
        }
    }
}

/// Where a problem is: a path from the content's root, e.g. `$.Actions[2].Parameters.QueueId`.
public struct JSONPath: Sendable, Hashable, CustomStringConvertible {
    public enum Component: Sendable, Hashable {
        case key(String)
        case index(Int)
    }

    public var components: [Component]

    public init(_ components: [Component] = []) { self.components = components }

    public func appending(_ key: String) -> JSONPath { JSONPath(components + [.key(key)]) }
    public func appending(_ index: Int) -> JSONPath { JSONPath(components + [.index(index)]) }

    public var description: String {
        "$" + components.map { c in
            switch c {
            case .key(let k): "." + k
            case .index(let i): "[\(i)]"
            }
        }.joined()
    }
}
