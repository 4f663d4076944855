import FlowLanguage
import Foundation

/// Checks Amazon Connect Flow language content (connect-api.md §5) as Connect does:
///
/// - `basicProblems` (= `structuralProblems`) for SAVED content: "The PUBLISHED status will
///   initiate validation on the content. The SAVED status does not initiate validation of the
///   content." (CreateContactFlow, `Status`) — the emulator still refuses content it cannot read
///   as a flow at all.
/// - `publishProblems` for PUBLISHED content: the structure, then the Flow language catalogue
///   (FlowLanguage: known action types only, required parameters present and typed, the action
///   allowed in the flow's type, IDs and ARNs well formed), then every reference resolved against
///   the instance through the caller's lookup.
///
/// The problems are the `problems[].message` of InvalidContactFlowException
/// (`ConnectError.invalidFlow`).
enum FlowValidator {
    struct Reference: Equatable {
        var kind: ResourceKind
        var id: String
        var instanceId: String?
        var raw: String
    }

    static let forbidden = Set("%:()\\/=$,;[]{}")

    static func structuralProblems(_ content: String) -> [String] {
        guard let json = try? JSONValue.parse(Data(content.utf8)), let o = json.objectValue else {
            return ["Content is not a valid JSON object"]
        }
        var problems: [String] = []
        if o["Version"]?.stringValue != "2019-10-30" {
            problems.append("Version must be \"2019-10-30\"")
        }
        guard let actions = o["Actions"]?.arrayValue else {
            problems.append("Actions must be a list")
            return problems
        }
        if actions.count > 250 { problems.append("A flow can have at most 250 actions (it has \(actions.count))") }
        var ids = Set<String>()
        for (i, a) in actions.enumerated() {
            guard let id = a["Identifier"]?.stringValue, !id.isEmpty else {
                problems.append("Action \(i) has no Identifier")
                continue
            }
            if id.count > 50 { problems.append("Identifier \(id) is longer than 50 characters") }
            if id.contains(where: { forbidden.contains($0) }) { problems.append("Identifier \(id) contains a forbidden character") }
            if !ids.insert(id).inserted { problems.append("Identifier \(id) is used by more than one action") }
            if a["Type"]?.stringValue?.isEmpty ?? true { problems.append("Action \(id) has no Type") }
        }
        if let start = o["StartAction"]?.stringValue {
            if !ids.contains(start) { problems.append("StartAction \(start) does not match any action Identifier") }
        } else if !actions.isEmpty {
            problems.append("StartAction is required")
        }
        for a in actions {
            guard let id = a["Identifier"]?.stringValue, let t = a["Transitions"] else { continue }
            var targets: [String] = []
            if let n = t["NextAction"]?.stringValue { targets.append(n) }
            for key in ["Errors", "Conditions"] {
                for e in t[key]?.arrayValue ?? [] { if let n = e["NextAction"]?.stringValue { targets.append(n) } }
            }
            for n in targets where !ids.contains(n) {
                problems.append("Action \(id) transitions to unknown action \(n)")
            }
        }
        return problems
    }

    /// Basic validation, for SAVED content.
    static func basicProblems(_ content: String) -> [String] { structuralProblems(content) }

    /// Full validation, for PUBLISHED content (what Connect checks at publish time).
    ///
    /// - Parameters:
    ///   - flowType: the flow's `Type`; `nil` for a flow module (no flow-type restriction).
    ///   - referenceProblem: the caller's lookup of an instance resource (queue, flow, module,
    ///     hours, prompt, agent): a problem message when it does not exist, or `nil`.
    ///   - integration: whether a Lambda function ARN / Lex bot alias ARN is associated with the
    ///     instance (AssociateLambdaFunction, AssociateBot); `nil` when the caller cannot tell.
    static func publishProblems(_ content: String, flowType: String?,
                                referenceProblem: (Reference) -> String?,
                                integration: (FlowLanguage.ReferenceKind, String) -> Bool? = { _, _ in nil }) -> [String] {
        let structural = structuralProblems(content)
        guard structural.isEmpty, let json = try? JSONValue.parse(Data(content.utf8)) else { return structural }
        var checked: Set<String> = []
        let problems = FlowLanguageValidator.validate(flowJSON(json), flowType: flowType, level: .published,
                                                    placeholders: false) { ref in
            checked.insert(ref.value)
            switch ref.kind {
            case .lambdaFunction, .lexBot:
                guard integration(ref.kind, ref.value) == false else { return nil }
                let how = ref.kind == .lambdaFunction ? "AssociateLambdaFunction" : "AssociateBot"
                return "parameter '\(ref.parameter)' of action '\(ref.action)': \(ref.kind.label) \(ref.value) is not associated "
                    + "with this instance (\(how))"
            default:
                guard let kind = resourceKind(ref.kind) else { return nil }
                let reference: Reference
                switch ref.form {
                case .arn(let instanceId, let resourceId): reference = Reference(kind: kind, id: resourceId, instanceId: instanceId, raw: ref.value)
                case .id: reference = Reference(kind: kind, id: ref.value, instanceId: nil, raw: ref.value)
                }
                return referenceProblem(reference).map { "parameter '\(ref.parameter)' of action '\(ref.action)': " + $0 }
            }
        }
        var messages = problems.filter { $0.severity == .error }.map(\.message)
        // ARNs elsewhere in the parameters (attribute values, parameters the catalogue does not list).
        for ref in references(content) where !checked.contains(ref.raw) && ref.instanceId != nil {
            if let problem = referenceProblem(ref) { messages.append(problem) }
        }
        var seen: Set<String> = []
        return messages.filter { seen.insert($0).inserted }
    }

    static func resourceKind(_ kind: FlowLanguage.ReferenceKind) -> ResourceKind? {
        switch kind {
        case .queue: .queue
        case .agent: .user
        case .contactFlow: .contactFlow
        case .flowModule: .flowModule
        case .hoursOfOperation: .hoursOfOperation
        case .prompt: .prompt
        case .lambdaFunction, .lexBot: nil
        }
    }

    /// The emulator's JSON as FlowLanguage sees it (object members in key order: the emulator's
    /// parser does not keep the document's order).
    static func flowJSON(_ value: JSONValue) -> FlowJSON {
        switch value {
        case .null: .null
        case .bool(let b): .bool(b)
        case .int(let i): .number(Double(i))
        case .double(let d): .number(d)
        case .string(let s): .string(s)
        case .array(let a): .array(a.map(flowJSON))
        case .object(let o): .object(o.keys.sorted().map { FlowJSON.Member(key: $0, value: flowJSON(o[$0]!)) })
        }
    }

    static let arnPattern = try! NSRegularExpression(
        pattern: "^arn:aws[a-z-]*:connect:[^:]*:[^:]*:instance/([^/]+)/(queue|contact-flow|operating-hours|flow-module|prompt)/(.+)$")
    static let uuidPattern = try! NSRegularExpression(pattern: "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
    static let idKeys: [String: ResourceKind] = ["QueueId": .queue, "ContactFlowId": .contactFlow, "HoursOfOperationId": .hoursOfOperation,
                                                  "FlowModuleId": .flowModule, "PromptId": .prompt]

    /// Resource references in the actions' parameters: Connect ARNs anywhere, and bare
    /// UUIDs (or template text that is no ID at all) under the well-known id keys (QueueId,
    /// ContactFlowId, …).
    static func references(_ content: String) -> [Reference] {
        guard let json = try? JSONValue.parse(Data(content.utf8)) else { return [] }
        var strings: [(key: String?, value: String)] = []
        for a in json["Actions"]?.arrayValue ?? [] { a["Parameters"]?.allStrings(into: &strings) }
        var out: [Reference] = []
        for (key, s) in strings {
            let range = NSRange(s.startIndex..., in: s)
            if let m = arnPattern.firstMatch(in: s, range: range),
               let iid = Range(m.range(at: 1), in: s), let seg = Range(m.range(at: 2), in: s), let id = Range(m.range(at: 3), in: s) {
                let kind: ResourceKind
                switch s[seg] {
                case "queue": kind = .queue
                case "contact-flow": kind = .contactFlow
                case "operating-hours": kind = .hoursOfOperation
                case "flow-module": kind = .flowModule
                default: kind = .prompt
                }
                out.append(Reference(kind: kind, id: String(s[id]), instanceId: String(s[iid]), raw: s))
            } else if let key, let kind = idKeys[key], uuidPattern.firstMatch(in: s, range: range) != nil {
                out.append(Reference(kind: kind, id: s, instanceId: nil, raw: s))
            } else if let key, let kind = idKeys[key], !s.hasPrefix("$."), !s.hasPrefix("$["), !s.hasPrefix("arn:") {
                // Neither an ID nor an ARN nor a JSONPath: unfilled template text such as
                // QUEUE_ARN_HERE or ${queue:Support}, which resolves to nothing in any instance.
                out.append(Reference(kind: kind, id: s, instanceId: nil, raw: s))
            }
        }
        return out
    }

    /// A minimal valid flow: one action that ends the contact.
    static func minimalContent(identifier: String) -> String {
        let o: JSONValue = ["Version": "2019-10-30", "StartAction": .string(identifier), "Metadata": .object([:]),
                            "Actions": [["Identifier": .string(identifier), "Type": "DisconnectParticipant",
                                         "Parameters": .object([:]), "Transitions": .object([:])]]]
        return String(decoding: o.serialized(), as: UTF8.self)
    }
}
