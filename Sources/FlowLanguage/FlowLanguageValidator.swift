/// A problem in flow content, with where it is.
public struct FlowProblem: Sendable, Equatable, CustomStringConvertible {
    public enum Severity: String, Sendable { case error, warning }

    public enum Rule: String, Sendable {
        // Errors: Connect rejects the content at publish time.
        case unknownActionType, missingParameter, parameterType, notAllowedInFlowType, malformedReference, unresolvedReference
        // Warnings: Connect accepts the content, but a contact may not go where the author meant.
        case unreachableAction, deadEnd, errorBranchGoesNowhere, loopWithoutCounter
    }

    public var severity: Severity
    public var rule: Rule
    public var message: String
    /// Where: a JSON path from the content's root (map it to a line and column with your parser).
    public var path: JSONPath
    /// The action the problem is about.
    public var action: String?

    public var description: String { "\(path): \(severity.rawValue): \(message)" }
}

/// A resource reference found in an action's parameters.
public struct FlowReference: Sendable, Equatable {
    public enum Form: Sendable, Equatable {
        /// A Connect ARN (`arn:…:connect:…:instance/{instanceId}/{segment}/{resourceId}`) or
        /// another service's ARN (Lambda, Lex), with the instance id when it has one.
        case arn(instanceId: String?, resourceId: String)
        /// A bare resource id.
        case id
    }

    public var kind: ReferenceKind
    public var value: String
    public var form: Form
    public var action: String
    public var parameter: String
    public var path: JSONPath
}

/// Validates Flow language content against `FlowCatalogue`
/// (https://docs.aws.amazon.com/connect/latest/APIReference/flow-language.html).
///
/// Structure (version, identifiers, `StartAction`, transition targets) is the caller's check; this
/// validator assumes the `Actions` list is well formed enough to walk and skips what is not.
public enum FlowLanguageValidator {
    /// How much to check.
    public enum Level: Sendable {
        /// SAVED content: Connect does not validate it ("the SAVED status does not initiate
        /// validation of the content"); only lint warnings, when asked for.
        case saved
        /// PUBLISHED content: what Connect checks at publish time.
        case published
    }

    /// - Parameters:
    ///   - flowType: the flow's `Type` (CONTACT_FLOW, CUSTOMER_WHISPER, …); `nil` for a flow module
    ///     or when unknown: then no flow-type restriction is checked.
    ///   - lint: add the warnings (unreachable actions, dead ends, error branches that go nowhere,
    ///     loops without a counter).
    ///   - resolve: at `.published`, asked about every static, well-formed reference; returns a
    ///     problem message when the reference does not resolve in the instance, or `nil`
    ///     (the default: offline, nothing can be looked up).
    ///   - placeholders: `${kind:NAME}` values are Patchbay references, resolved before upload and
    ///     checked by the manifest's reference rules; `false` (the emulator: content as Connect
    ///     receives it) makes them malformed references like any other template text.
    public static func validate(_ content: FlowJSON, flowType: String?, level: Level, lint: Bool = false,
                                placeholders: Bool = true,
                                resolve: (FlowReference) -> String? = { _ in nil }) -> [FlowProblem] {
        var problems: [FlowProblem] = []
        guard let actions = content["Actions"]?.array else { return problems }
        let root = JSONPath().appending("Actions")
        if level == .published {
            for (index, action) in actions.enumerated() {
                checkAction(action, path: root.appending(index), flowType: flowType, placeholders: placeholders, resolve: resolve,
                            into: &problems)
            }
        }
        if lint {
            problems += FlowLint.warnings(content)
        }
        return problems
    }

    /// The resource references in the content's actions, by the catalogue's reference parameters
    /// (dynamic JSONPath values and `${…}` placeholders are not references).
    public static func references(_ content: FlowJSON) -> [FlowReference] {
        var out: [FlowReference] = []
        let root = JSONPath().appending("Actions")
        for (index, action) in (content["Actions"]?.array ?? []).enumerated() {
            guard let type = action["Type"]?.string, let spec = FlowCatalogue.spec(for: type),
                  let parameters = action["Parameters"] else { continue }
            let id = action["Identifier"]?.string ?? "#\(index)"
            collectReferences(parameters, specs: spec.parameters, action: id, path: root.appending(index).appending("Parameters"),
                              placeholders: true, into: &out, malformed: { _, _, _, _ in })
        }
        return out
    }

    // MARK: - Actions

    static func checkAction(_ action: FlowJSON, path: JSONPath, flowType: String?, placeholders: Bool,
                            resolve: (FlowReference) -> String?,
                            into problems: inout [FlowProblem]) {
        guard action.members != nil, let type = action["Type"]?.string else { return }
        let id = action["Identifier"]?.string ?? "?"
        func problem(_ rule: FlowProblem.Rule, _ message: String, at path: JSONPath) {
            problems.append(FlowProblem(severity: .error, rule: rule, message: message, path: path, action: id))
        }
        guard let spec = FlowCatalogue.spec(for: type) else {
            problem(.unknownActionType, "action '\(id)' has unknown type '\(type)'"
                    + didYouMean(type, among: FlowCatalogue.actions.keys), at: path.appending("Type"))
            return
        }
        if let flowType, FlowCatalogue.FlowTypes.all.contains(flowType), !spec.allows(flowType: flowType) {
            problem(.notAllowedInFlowType, "action '\(id)': \(type) is not allowed in a \(flowType) flow"
                    + allowedTypesNote(spec.flowTypes), at: path.appending("Type"))
        }
        let parametersPath = path.appending("Parameters")
        let parameters = action["Parameters"]
        if let parameters, parameters.members == nil {
            problem(.parameterType, "'Parameters' of action '\(id)' must be an object, found \(parameters.typeName)", at: parametersPath)
            return
        }
        let given = parameters ?? .object([])
        checkMembers(given, specs: spec.parameters, what: { "parameter '\($0)' of action '\(id)' (\(type))" },
                     path: parameters == nil ? path : parametersPath, membersPath: parametersPath, problem: problem)
        for group in spec.oneOf where !group.contains(where: { given[$0] != nil }) {
            problem(.missingParameter, "action '\(id)' (\(type)) needs one of the parameters "
                    + group.map { "'\($0)'" }.joined(separator: ", "), at: parameters == nil ? path : parametersPath)
        }
        // References: well-formed, then resolved.
        var found: [FlowReference] = []
        collectReferences(given, specs: spec.parameters, action: id, path: parametersPath, placeholders: placeholders,
                          into: &found) { kind, value, parameter, at in
            problem(.malformedReference, "parameter '\(parameter)' of action '\(id)' is '\(value)', which is not a \(kind.label) "
                    + (kind == .lambdaFunction || kind == .lexBot ? "ARN" : "ID or ARN") + placeholderHint(value), at: at)
        }
        for reference in found {
            if let message = resolve(reference) { problem(.unresolvedReference, message, at: reference.path) }
        }
    }

    /// Required members present, present members typed; recurses into known object members.
    static func checkMembers(_ object: FlowJSON, specs: [ParameterSpec], what: (String) -> String, path: JSONPath,
                             membersPath: JSONPath, problem: (FlowProblem.Rule, String, JSONPath) -> Void) {
        for spec in specs {
            guard let value = object[spec.name] else {
                if spec.required { problem(.missingParameter, "\(what(spec.name)) is required", path) }
                continue
            }
            let valuePath = membersPath.appending(spec.name)
            guard spec.type.accepts(value) else {
                problem(.parameterType, "\(what(spec.name)) must be \(spec.type.description), found \(value.typeName)", valuePath)
                continue
            }
            if !spec.members.isEmpty, case .object = value {
                checkMembers(value, specs: spec.members, what: { what(spec.name + "." + $0) }, path: valuePath, membersPath: valuePath,
                             problem: problem)
            }
        }
    }

    /// References under the catalogue's reference parameters; `malformed` is told about static
    /// values that are neither an ID nor an ARN of the right kind (e.g. `QUEUE_ARN_HERE`).
    static func collectReferences(_ object: FlowJSON, specs: [ParameterSpec], action: String, path: JSONPath,
                                  placeholders: Bool, into out: inout [FlowReference],
                                  malformed: (ReferenceKind, String, String, JSONPath) -> Void) {
        func visit(_ value: FlowJSON, kind: ReferenceKind, parameter: String, at valuePath: JSONPath) {
            guard let string = value.string else { return }
            switch classify(string, as: kind) {
            case .dynamic: return
            case .placeholder where placeholders: return
            case .placeholder: malformed(kind, string, parameter, valuePath)
            case .malformed: malformed(kind, string, parameter, valuePath)
            case .reference(let form):
                out.append(FlowReference(kind: kind, value: string, form: form, action: action, parameter: parameter, path: valuePath))
            }
        }
        for spec in specs {
            guard let value = object[spec.name] else { continue }
            let valuePath = path.appending(spec.name)
            if let kind = spec.reference { visit(value, kind: kind, parameter: spec.name, at: valuePath) }
            if let kind = spec.mapValueReference {
                for member in value.members ?? [] {
                    visit(member.value, kind: kind, parameter: spec.name + "." + member.key, at: valuePath.appending(member.key))
                }
            }
            guard !spec.members.isEmpty else { continue }
            switch value {
            case .object:
                collectReferences(value, specs: spec.members, action: action, path: valuePath, placeholders: placeholders, into: &out,
                                  malformed: malformed)
            case .array(let elements):
                for (i, element) in elements.enumerated() {
                    collectReferences(element, specs: spec.members, action: action, path: valuePath.appending(i),
                                      placeholders: placeholders, into: &out, malformed: malformed)
                }
            default: break
            }
        }
    }

    // MARK: - Reference values

    enum Classification: Equatable {
        case dynamic, placeholder, malformed
        case reference(FlowReference.Form)
    }

    /// "Must be either fully statically defined or a single, valid JSONPath identifier": a value
    /// starting with `$.` is dynamic; `${…}` is a Patchbay reference, resolved before upload.
    static func classify(_ value: String, as kind: ReferenceKind) -> Classification {
        if value.hasPrefix("$.") || value.hasPrefix("$[") { return .dynamic }
        if value.contains("${") { return .placeholder }
        if value.hasPrefix("arn:") {
            let parts = value.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 6, parts[1].hasPrefix("aws") else { return .malformed }
            let service = parts[2], resource = parts[5]
            switch kind {
            case .lambdaFunction:
                // arn:aws:lambda:REGION:ACCOUNT:function:NAME[:QUALIFIER]
                guard service == "lambda", resource.hasPrefix("function:"), resource.count > "function:".count else { return .malformed }
                return .reference(.arn(instanceId: nil, resourceId: resource))
            case .lexBot:
                // arn:aws:lex:REGION:ACCOUNT:bot-alias/BOT/ALIAS
                let segments = resource.split(separator: "/", omittingEmptySubsequences: false)
                guard service == "lex", segments.count == 3, segments[0] == "bot-alias", !segments[1].isEmpty, !segments[2].isEmpty
                else { return .malformed }
                return .reference(.arn(instanceId: nil, resourceId: resource))
            default:
                // arn:aws:connect:REGION:ACCOUNT:instance/INSTANCE/SEGMENT/ID (agent queues: queue/agent/ID)
                let segments = resource.split(separator: "/", maxSplits: 3, omittingEmptySubsequences: false).map(String.init)
                guard service == "connect", segments.count == 4, segments[0] == "instance", !segments[1].isEmpty,
                      kind.connectSegments.contains(segments[2]) || (kind == .queue && segments[2] == "queue"),
                      isIdentifier(segments[3].hasPrefix("agent/") && kind == .queue ? String(segments[3].dropFirst(6)) : segments[3])
                else { return .malformed }
                return .reference(.arn(instanceId: segments[1], resourceId: segments[3]))
            }
        }
        if kind == .lambdaFunction || kind == .lexBot { return .malformed }
        return isIdentifier(value) ? .reference(.id) : .malformed
    }

    /// Connect resource ids are UUIDs (hex digits and dashes).
    static func isIdentifier(_ s: String) -> Bool {
        let scalars = Array(s.unicodeScalars)
        guard scalars.count == 36 else { return false }
        for (i, c) in scalars.enumerated() {
            if [8, 13, 18, 23].contains(i) { if c != "-" { return false } } else if !c.properties.isASCIIHexDigit { return false }
        }
        return true
    }

    static func placeholderHint(_ value: String) -> String {
        let letters = value.unicodeScalars.filter { $0.properties.isAlphabetic }
        let upper = !letters.isEmpty && letters.allSatisfy { $0.properties.isUppercase }
        if upper || value.contains("<") || value.contains("#") || value.contains("${") || value.contains("HERE")
            || value.lowercased().contains("replace") {
            return " (unfilled template text?)"
        }
        return ""
    }

    static func allowedTypesNote(_ rule: FlowTypeRule) -> String {
        switch rule {
        case .any: ""
        case .only(let types): "; it is allowed only in " + types.sorted().joined(separator: ", ")
        case .except(let types): "; it is allowed in every flow type except " + types.sorted().joined(separator: ", ")
        }
    }

    // MARK: - Suggestions

    static func didYouMean(_ word: String, among candidates: some Sequence<String>) -> String {
        let limit = max(2, word.count / 3)
        var best: (Int, String)?
        for candidate in candidates {
            let d = distance(word.lowercased(), candidate.lowercased())
            if d <= limit, best == nil || (d, candidate) < best! { best = (d, candidate) }
        }
        return best.map { "; did you mean '\($0.1)'?" } ?? ""
    }

    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars), b = Array(b.unicodeScalars)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count), current = Array(repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
