import Model
import Yams

/// State shared while reading the manifests: the diagnostics so far, the variables in force and
/// the file being read. Provides typed scalar readers that take scalars as written and convert
/// them per the field's type.
final class ReadContext {
    var diagnostics: [Diagnostic] = []
    var variables: [String: String] = [:]
    let processEnvironment: [String: String]
    /// When false (unselected environments), `${…}` is left alone.
    var substitutes = true
    /// False while reading variable values themselves, which may use `${env:…}` only.
    var allowsVariableReferences = true
    private(set) var source: SourceText
    private(set) var skippedKeys: Set<Position> = []

    init(processEnvironment: [String: String]) {
        self.processEnvironment = processEnvironment
        self.source = SourceText(path: "", text: "")
    }

    func enter(_ file: ParsedYAMLFile) {
        source = file.source
        skippedKeys = file.skippedKeys
    }

    // MARK: Locations and diagnostics

    func location(_ node: Node) -> SourceLocation {
        let mark = node.mark
        return SourceLocation(file: source.path, line: mark?.line ?? 1, column: mark?.column ?? 1)
    }

    func error(_ message: String, at node: Node, notes: [Diagnostic.Note] = []) {
        diagnostics.append(.error(message, at: location(node), notes: notes))
    }

    func error(_ message: String, at location: SourceLocation?, notes: [Diagnostic.Note] = []) {
        diagnostics.append(.error(message, at: location, notes: notes))
    }

    /// One error per duplicated name: at the first declaration, with a note for every further one.
    private var duplicates: [String: Int] = [:]

    /// Reports that `what` (e.g. "queue 'Support'") is declared again at `again`; the error sits at
    /// the first declaration and each repetition adds an "also declared here" note.
    func duplicate(_ what: String, first: SourceLocation, again: SourceLocation) {
        let note = Diagnostic.Note("also declared here", at: again)
        if let index = duplicates[what] {
            diagnostics[index].notes.append(note)
        } else {
            duplicates[what] = diagnostics.count
            diagnostics.append(.error("\(what) is declared more than once", at: first, notes: [note]))
        }
    }

    func warning(_ message: String, at node: Node) {
        diagnostics.append(.warning(message, at: location(node)))
    }

    func warning(_ message: String, at location: SourceLocation?) {
        diagnostics.append(.warning(message, at: location))
    }

    // MARK: Node descriptions

    static func isNull(_ scalar: Node.Scalar) -> Bool {
        guard scalar.style == .plain else { return false }
        switch scalar.string {
        case "", "~", "null", "Null", "NULL": return true
        default: return false
        }
    }

    func describe(_ node: Node) -> String {
        switch node {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        case .scalar(let scalar):
            if Self.isNull(scalar) { return "nothing (null)" }
            let text = scalar.string.count > 40 ? String(scalar.string.prefix(40)) + "…" : scalar.string
            if scalar.style == .singleQuoted || scalar.style == .doubleQuoted { return "the quoted string \"\(text)\"" }
            return "'\(text)'"
        }
    }

    // MARK: Mappings

    /// The pairs of a mapping whose key is a scalar, in order, skipping keys renamed after a
    /// duplicate-key error. Reports non-scalar keys.
    ///
    /// YAML merge keys (`<<: *defaults` or `<<: [*a, *b]`) are expanded: the merged mappings'
    /// pairs are added unless the mapping sets the key itself (earlier merged mappings win).
    func pairs(of mapping: Node.Mapping, owner: String, depth: Int = 0) -> [(key: String, keyNode: Node, value: Node)] {
        var result: [(String, Node, Node)] = []
        var merged: [(String, Node, Node)] = []
        result.reserveCapacity(mapping.count)
        for (key, value) in mapping {
            guard case .scalar(let scalar) = key else {
                error("keys in \(owner) must be plain text, found \(describe(key))", at: key)
                continue
            }
            if let mark = scalar.mark, skippedKeys.contains(Position(line: mark.line, column: mark.column)) { continue }
            if scalar.string == "<<" && scalar.style == .plain {
                let sources: [Node]
                switch value {
                case .mapping: sources = [value]
                case .sequence(let sequence): sources = Array(sequence)
                default: sources = []
                }
                for source in sources {
                    guard case .mapping(let inner) = source, depth < 8 else {
                        error("'<<' in \(owner) must merge a mapping or a list of mappings, found \(describe(source))", at: source)
                        continue
                    }
                    merged += pairs(of: inner, owner: owner, depth: depth + 1)
                }
                if sources.isEmpty {
                    error("'<<' in \(owner) must merge a mapping or a list of mappings, found \(describe(value))", at: value)
                }
                continue
            }
            result.append((scalar.string, key, value))
        }
        if !merged.isEmpty {
            var present = Set(result.map(\.0))
            for pair in merged where present.insert(pair.0).inserted { result.append(pair) }
        }
        return result
    }

    /// Reads a mapping against `spec`: reports a non-mapping, unknown keys (with "did you mean")
    /// and missing required keys (at `ownerNode`, the key that names the owner, when given).
    func object(_ node: Node, spec: ObjectSpec, owner: String, ownerNode: Node? = nil) -> [String: (key: Node, value: Node)]? {
        guard case .mapping(let mapping) = node else {
            if case .scalar(let s) = node, Self.isNull(s), !spec.fields.contains(where: \.required) {
                return [:]
            }
            error("\(owner) must be a mapping, found \(describe(node))", at: node)
            return nil
        }
        var entries: [String: (key: Node, value: Node)] = [:]
        for (key, keyNode, value) in pairs(of: mapping, owner: owner) {
            guard spec.field(key) != nil else {
                error("unknown key '\(key)' in \(owner)\(EditDistance.didYouMean(key, among: spec.keys))", at: keyNode)
                continue
            }
            entries[key] = (keyNode, value)
        }
        for field in spec.fields where field.required && entries[field.name] == nil {
            error("missing required key '\(field.name)' in \(owner)", at: ownerNode ?? node)
        }
        return entries
    }

    // MARK: Scalars

    /// The scalar's text after `${var:…}`/`${env:…}` substitution, or nil (reported) when the node
    /// is not a scalar or a substitution failed.
    func text(_ node: Node, what: @autoclosure () -> String, allowNull: Bool = false) -> (text: String, style: Node.Scalar.Style)? {
        guard case .scalar(let scalar) = node else {
            error("\(what()) must be \(expectation(for: .string())), found \(describe(node))", at: node)
            return nil
        }
        if !allowNull && Self.isNull(scalar) {
            error("\(what()) must have a value, found nothing (null)", at: node)
            return nil
        }
        guard substitutes, Self.mayContainSubstitution(scalar.string) else { return (scalar.string, scalar.style) }
        guard let substituted = substitute(scalar.string, node: node) else { return nil }
        // A substituted value is read as if written plain: `"${var:max}"` may fill an integer field.
        return (substituted, .plain)
    }

    func string(_ node: Node, what: @autoclosure () -> String, shape: FieldShape = .string()) -> String? {
        guard let (value, _) = text(node, what: what()) else { return nil }
        if case let .string(_, minLength, maxLength) = shape {
            if let minLength, value.count < minLength {
                error("\(what()) must not be empty", at: node); return nil
            }
            if let maxLength, value.count > maxLength {
                error("\(what()) is \(value.count) characters long; the limit is \(maxLength)", at: node); return nil
            }
        }
        return value
    }

    func integer(_ node: Node, what: @autoclosure () -> String, minimum: Int? = nil, maximum: Int? = nil) -> Int? {
        guard let (value, style) = text(node, what: what()) else { return nil }
        let digits = value.hasPrefix("-") || value.hasPrefix("+") ? value.dropFirst() : Substring(value)
        guard style == .plain, !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }),
              let number = Int(value.hasPrefix("+") ? String(digits) : value) else {
            error("\(what()) must be an integer, found \(describe(node))", at: node)
            return nil
        }
        if let minimum, let maximum, number < minimum || number > maximum {
            error(minimum == maximum ? "\(what()) must be \(minimum), found \(number)"
                                     : "\(what()) must be between \(minimum) and \(maximum), found \(number)", at: node)
            return nil
        }
        if let minimum, number < minimum {
            error("\(what()) must be at least \(minimum), found \(number)", at: node); return nil
        }
        if let maximum, number > maximum {
            error("\(what()) must be at most \(maximum), found \(number)", at: node); return nil
        }
        return number
    }

    func boolean(_ node: Node, what: @autoclosure () -> String) -> Bool? {
        guard let (value, style) = text(node, what: what()) else { return nil }
        if style == .plain && value == "true" { return true }
        if style == .plain && value == "false" { return false }
        error("\(what()) must be true or false, found \(describe(node))", at: node)
        return nil
    }

    func enumeration<E: RawRepresentable & CaseIterable>(_ node: Node, what: @autoclosure () -> String, as type: E.Type) -> E?
        where E.RawValue == String {
        guard let (value, _) = text(node, what: what()) else { return nil }
        if let result = E(rawValue: value) { return result }
        let names = E.allCases.map(\.rawValue)
        error("\(what()) must be one of \(names.joined(separator: ", ")), found '\(value)'"
              + EditDistance.didYouMean(value, among: names), at: node)
        return nil
    }

    func list(_ node: Node, what: @autoclosure () -> String) -> [Node]? {
        switch node {
        case .sequence(let sequence): return Array(sequence)
        default:
            error("\(what()) must be a list, found \(describe(node))", at: node)
            return nil
        }
    }

    func stringList(_ node: Node, what: @autoclosure () -> String, shape: FieldShape = .string()) -> [(String, Node)]? {
        guard let items = list(node, what: what()) else { return nil }
        return items.compactMap { item in string(item, what: "an entry of \(what())", shape: shape).map { ($0, item) } }
    }

    /// A name → string mapping (tags, variables).
    func stringMap(_ node: Node, what: @autoclosure () -> String, substituting: Bool = true) -> [String: String]? {
        guard case .mapping(let mapping) = node else {
            if case .scalar(let s) = node, Self.isNull(s) { return [:] }
            error("\(what()) must be a mapping, found \(describe(node))", at: node)
            return nil
        }
        var result: [String: String] = [:]
        let saved = substitutes
        if !substituting { substitutes = false }
        defer { substitutes = saved }
        for (key, _, value) in pairs(of: mapping, owner: what()) {
            if let text = string(value, what: "'\(key)' in \(what())") { result[key] = text }
        }
        return result
    }

    private func expectation(for shape: FieldShape) -> String {
        switch shape {
        case .integer: "an integer"
        case .boolean: "true or false"
        default: "a string"
        }
    }

    // MARK: Substitution

    /// Fast pre-check (a byte scan for `$`) before the real search; most scalars have no `$`.
    static func mayContainSubstitution(_ text: String) -> Bool {
        text.utf8.contains(UInt8(ascii: "$")) && text.contains("${")
    }

    /// Replaces `${var:NAME}` and `${env:NAME}`, unescapes `$${`; reports problems at the
    /// reference's own position in the source.
    func substitute(_ text: String, node: Node) -> String? {
        var result = ""
        var ok = true
        var rest = Substring(text)
        while let dollar = rest.firstIndex(of: "$") {
            result += rest[..<dollar]
            let after = rest[dollar...]
            if after.hasPrefix("$${") {
                result += "${"
                rest = after.dropFirst(3)
                continue
            }
            guard after.hasPrefix("${") else {
                result += "$"
                rest = after.dropFirst()
                continue
            }
            guard let close = after.firstIndex(of: "}") else {
                reference(after.prefix(2), in: node, "unterminated '${' (write '$${' for a literal '${')")
                return nil
            }
            let token = after[..<after.index(after: close)]
            switch resolve(token) {
            case .success(let value): result += value
            case .failure(let problem): reference(token, in: node, problem.message); ok = false
            }
            rest = after[after.index(after: close)...]
        }
        result += rest
        return ok ? result : nil
    }

    private struct SubstitutionProblem: Error { let message: String }

    /// The value of one `${var:NAME}` or `${env:NAME}` token, or why there is none.
    private func resolve(_ token: Substring) -> Result<String, SubstitutionProblem> {
        let parts = token.dropFirst(2).dropLast().split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        let name = parts.count == 2 ? String(parts[1]) : ""
        let problem: String
        switch parts.count == 2 ? parts[0] : "" {
        case "var" where !allowsVariableReferences:
            problem = "a variable's value cannot use another variable ('\(token)'); only ${env:NAME}"
        case "var":
            if let value = variables[name] { return .success(value) }
            problem = "undefined variable '\(name)'" + EditDistance.didYouMean(name, among: variables.keys)
        case "env":
            if let value = processEnvironment[name] { return .success(value) }
            problem = "environment variable '\(name)' is not set"
        default:
            problem = "unknown substitution '\(token)'; manifests support ${var:NAME} and ${env:NAME} (write '$${' for a literal '${')"
        }
        return .failure(SubstitutionProblem(message: problem))
    }

    private func reference(_ token: Substring, in node: Node, _ message: String) {
        var location = self.location(node)
        if let found = source.find(String(token), fromLine: location.line, column: location.column) {
            location = source.location(line: found.line, column: found.column)
        }
        error(message, at: location)
    }
}
