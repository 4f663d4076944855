import FlowLanguage
import Foundation
import Model
import Yams

/// Loads a flow (or flow module) content file and checks it is Flow-language JSON:
/// version `2019-10-30`, `StartAction` naming an action, unique identifiers made of allowed
/// characters, at most 250 actions, transitions pointing at existing actions. Records the
/// `${kind:NAME}` resource references found inside for the reference check. Then the actions
/// against the Flow language catalogue (FlowLanguage: known types, required and typed parameters,
/// the flow's type, well-formed IDs and ARNs) and the lint warnings (unreachable actions, dead
/// ends, error branches that go nowhere, loops without a counter), each at its line and column.
enum FlowContentLoader {
    static let version = "2019-10-30"
    static let maxActions = 250
    static let maxIdentifierLength = 50
    static let forbiddenIdentifierCharacters: Set<Character> = ["%", ":", "(", "\\", "/", ")", "=", "$", ",", ";", "[", "]", "{", "}"]
    static let maxContentCharacters = 256_000

    /// - Parameters:
    ///   - flowType: the flow's type as the API spells it; `nil` for a flow module.
    ///   - published: the content will be published: catalogue problems are errors (Connect
    ///     rejects them at publish time); for SAVED content they are warnings.
    static func load(contentNode: Node, relativePath: String, manifestPath: String, owner: String,
                     context: ReadContext, references: inout [ReferenceSite],
                     flowType: String? = nil, published: Bool = true) -> FlowContent? {
        let resolved = PathUtilities.join(PathUtilities.directory(of: manifestPath), relativePath)
        guard let text = readText(resolved, relativePath: relativePath, owner: owner, contentNode: contentNode, context: context) else {
            return nil
        }
        let fileStart = SourceLocation(file: resolved, line: 1, column: 1)
        func at(_ position: Position) -> SourceLocation {
            SourceLocation(file: resolved, line: position.line, column: position.column)
        }

        let json: JSONScanner.Located
        switch JSONScanner.parse(text) {
        case .failure(let failure):
            context.error("invalid JSON in flow content: \(failure.message)", at: at(failure.position))
            return nil
        case .success(let value):
            json = value
        }
        let errorsBefore = context.diagnostics.errorCount
        checkFlowLanguage(json, at: at, context: context, fileStart: fileStart)
        if context.diagnostics.errorCount == errorsBefore {
            checkActions(json, flowType: flowType, published: published, at: at, context: context)
        }
        if text.count > maxContentCharacters {
            context.error("flow content is \(text.count) characters long; Connect accepts at most \(maxContentCharacters)", at: fileStart)
        }

        let (output, found) = substitute(text, resolved: resolved, owner: owner, context: context, references: &references)
        guard context.diagnostics.errorCount == errorsBefore else { return nil }
        var content = FlowContent(path: relativePath, resolvedPath: resolved, text: output, references: found.sorted())
        content.integrations = integrations(in: output, original: json, at: at)
        return content
    }

    /// The Lambda functions and Lex bot aliases the actions invoke, as they read after `${var:…}`
    /// substitution, each located where it is written in the file (substitution keeps the structure).
    private static func integrations(in output: String, original json: JSONScanner.Located,
                                     at: (Position) -> SourceLocation) -> [IntegrationUse] {
        guard case .success(let substituted) = JSONScanner.parse(output) else { return [] }
        return FlowLanguageValidator.references(substituted.flowJSON).compactMap { reference in
            let kind: ResourceKind
            switch reference.kind {
            case .lambdaFunction: kind = .lambdaFunction
            case .lexBot: kind = .lexBot
            default: return nil
            }
            return IntegrationUse(Integration(kind, arn: reference.value), at: at(json.position(of: reference.path)))
        }
    }

    /// The file's text, checked for encoding problems (a BOM is dropped); nil after reporting why not.
    private static func readText(_ resolved: String, relativePath: String, owner: String, contentNode: Node,
                                 context: ReadContext) -> String? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: resolved, isDirectory: &isDirectory), !isDirectory.boolValue else {
            context.error("content file '\(relativePath)' of \(owner) does not exist (looked for \(resolved))", at: contentNode)
            return nil
        }
        let attributes = try? FileManager.default.attributesOfItem(atPath: resolved)
        if let size = (attributes?[.size] as? NSNumber)?.intValue, size > ManifestLimits.maxFlowContentBytes {
            context.error("content file '\(relativePath)' of \(owner) is too large (\(size) bytes; the limit is \(ManifestLimits.maxFlowContentBytes))",
                          at: contentNode)
            return nil
        }
        guard let data = FileManager.default.contents(atPath: resolved) else {
            context.error("cannot read content file '\(relativePath)' of \(owner)", at: contentNode)
            return nil
        }
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if let problem = TextCheck.firstProblem(in: bytes) {
            context.error(problem.message, at: SourceLocation(file: resolved, line: problem.line, column: problem.column))
            return nil
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `${…}` in the raw text: resource references are kept and recorded; var/env are substituted.
    private static func substitute(_ text: String, resolved: String, owner: String, context: ReadContext,
                                   references: inout [ReferenceSite]) -> (String, Set<ResourceAddress>) {
        func at(_ position: Position) -> SourceLocation {
            SourceLocation(file: resolved, line: position.line, column: position.column)
        }
        let source = SourceText(path: resolved, text: text)
        var output = ""
        var found: Set<ResourceAddress> = []
        var lineNumber = 0
        for line in source.lines {
            lineNumber += 1
            var i = 0
            while i < line.count {
                let c = line[i]
                if c == "$" && i + 2 < line.count && line[i + 1] == "$" && line[i + 2] == "{" {
                    output += "${"; i += 3; continue
                }
                guard c == "$" && i + 1 < line.count && line[i + 1] == "{" else {
                    output.unicodeScalars.append(c); i += 1; continue
                }
                let start = Position(line: lineNumber, column: i + 1)
                guard let close = line[i...].firstIndex(of: "}") else {
                    context.error("unterminated '${' in flow content (write '$${' for a literal '${')", at: at(start))
                    output += "${"; i += 2; continue
                }
                let token = String(String.UnicodeScalarView(line[i...close]))
                let inner = token.dropFirst(2).dropLast()
                let parts = inner.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
                i = close + 1
                guard parts.count == 2, !parts[1].isEmpty else {
                    context.error("malformed reference '\(token)' in flow content; write ${kind:NAME}", at: at(start))
                    output += token; continue
                }
                let prefix = String(parts[0]), name = String(parts[1])
                if prefix == "var" {
                    if let value = context.variables[name] { output += value } else {
                        context.error("undefined variable '\(name)'" + EditDistance.didYouMean(name, among: context.variables.keys), at: at(start))
                    }
                } else if prefix == "env" {
                    if let value = context.processEnvironment[name] { output += value } else {
                        context.error("environment variable '\(name)' is not set", at: at(start))
                    }
                } else if let kind = ResourceKind(contentReferencePrefix: prefix) {
                    let address = ResourceAddress(kind, name)
                    found.insert(address)
                    references.append(ReferenceSite(target: address, location: at(start), owner: owner))
                    output += token
                } else {
                    let prefixes = ["var", "env"] + ResourceKind.allCases.compactMap(\.referencePrefix)
                    context.error("unknown reference kind '\(prefix)' in '\(token)'" + EditDistance.didYouMean(prefix, among: prefixes),
                                  at: at(start))
                    output += token
                }
            }
            if lineNumber < source.lines.count { output += "\n" }
        }
        return (output, found)
    }

    /// The catalogue checks and lint warnings of FlowLanguage, mapped to positions in the file.
    private static func checkActions(_ json: JSONScanner.Located, flowType: String?, published: Bool,
                                     at: (Position) -> SourceLocation, context: ReadContext) {
        let problems = FlowLanguageValidator.validate(json.flowJSON, flowType: flowType, level: .published, lint: true)
        for problem in problems {
            let location = at(json.position(of: problem.path))
            switch problem.severity {
            case .error where published:
                context.error(problem.message, at: location)
            case .error:
                context.warning(problem.message + "; Connect rejects this when the flow is published", at: location)
            case .warning:
                context.warning(problem.message, at: location)
            }
        }
    }

    private static func checkFlowLanguage(_ json: JSONScanner.Located, at: (Position) -> SourceLocation,
                                          context: ReadContext, fileStart: SourceLocation) {
        guard case .object = json.value else {
            context.error("flow content must be a JSON object, found \(json.typeName)", at: at(json.position))
            return
        }
        if let versionNode = json["Version"] {
            if versionNode.string != version {
                context.error("flow content 'Version' must be \"\(version)\"", at: at(versionNode.position))
            }
        } else {
            context.error("flow content has no 'Version' (expected \"\(version)\")", at: at(json.position))
        }
        guard let actions = json["Actions"] else {
            context.error("flow content has no 'Actions' list", at: at(json.position))
            return
        }
        guard let list = actions.array else {
            context.error("flow content 'Actions' must be an array, found \(actions.typeName)", at: at(actions.position))
            return
        }
        if list.count > maxActions {
            context.error("flow content has \(list.count) actions; Connect allows at most \(maxActions)", at: at(actions.position))
        }
        let identifiers = checkIdentifiers(list, at: at, context: context)
        if let start = json["StartAction"] {
            if let name = start.string {
                if identifiers[name] == nil {
                    context.error("'StartAction' names '\(name)', which is not an action identifier"
                                  + EditDistance.didYouMean(name, among: identifiers.keys), at: at(start.position))
                }
            } else {
                context.error("'StartAction' must be a string, found \(start.typeName)", at: at(start.position))
            }
        } else {
            context.error("flow content has no 'StartAction'", at: at(json.position))
        }
        checkTransitions(list, identifiers: identifiers, at: at, context: context)
    }

    /// Each action's identifier: present, well-formed, unique; and a type. Returns where each is.
    private static func checkIdentifiers(_ list: [JSONScanner.Located], at: (Position) -> SourceLocation,
                                         context: ReadContext) -> [String: Position] {
        var identifiers: [String: Position] = [:]
        for action in list {
            guard case .object = action.value else {
                context.error("each action must be a JSON object, found \(action.typeName)", at: at(action.position)); continue
            }
            guard let idNode = action["Identifier"] else {
                context.error("action has no 'Identifier'", at: at(action.position)); continue
            }
            guard let id = idNode.string else {
                context.error("action 'Identifier' must be a string, found \(idNode.typeName)", at: at(idNode.position)); continue
            }
            if id.isEmpty || id.count > maxIdentifierLength {
                context.error("action identifier '\(id)' must be 1 to \(maxIdentifierLength) characters long", at: at(idNode.position))
            } else if let bad = id.first(where: { forbiddenIdentifierCharacters.contains($0) }) {
                context.error("action identifier '\(id)' contains '\(bad)'; identifiers must not contain % : ( \\ / ) = $ , ; [ ] { }",
                              at: at(idNode.position))
            }
            if let first = identifiers[id] {
                context.error("duplicate action identifier '\(id)'; the first is on line \(first.line)", at: at(idNode.position),
                              notes: [.init("first '\(id)' is here", at: at(first))])
            } else {
                identifiers[id] = idNode.position
            }
            if action["Type"]?.string == nil {
                context.error("action '\(id)' has no 'Type'", at: at(action.position))
            }
        }
        return identifiers
    }

    /// Transitions must lead to existing actions.
    private static func checkTransitions(_ list: [JSONScanner.Located], identifiers: [String: Position],
                                         at: (Position) -> SourceLocation, context: ReadContext) {
        for action in list {
            guard let transitions = action["Transitions"] else { continue }
            var targets: [JSONScanner.Located] = []
            if let next = transitions["NextAction"] { targets.append(next) }
            for key in ["Errors", "Conditions"] {
                for entry in transitions[key]?.array ?? [] {
                    if let next = entry["NextAction"] { targets.append(next) }
                }
            }
            for target in targets {
                guard let name = target.string else {
                    context.error("'NextAction' must be a string, found \(target.typeName)", at: at(target.position)); continue
                }
                if identifiers[name] == nil {
                    context.error("'NextAction' names '\(name)', which is not an action identifier"
                                  + EditDistance.didYouMean(name, among: identifiers.keys), at: at(target.position))
                }
            }
        }
    }
}
