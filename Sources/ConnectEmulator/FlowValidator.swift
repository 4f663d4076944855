import Foundation

/// Checks Amazon Connect Flow language content (connect-api.md §5).
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

    static let arnPattern = try! NSRegularExpression(
        pattern: "^arn:aws[a-z-]*:connect:[^:]*:[^:]*:instance/([^/]+)/(queue|contact-flow|operating-hours|flow-module|prompt)/(.+)$")
    static let uuidPattern = try! NSRegularExpression(pattern: "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
    static let idKeys: [String: ResourceKind] = ["QueueId": .queue, "ContactFlowId": .contactFlow, "HoursOfOperationId": .hoursOfOperation,
                                                  "FlowModuleId": .flowModule, "PromptId": .prompt]

    /// Resource references in the actions' parameters: Connect ARNs anywhere, and bare
    /// UUIDs under the well-known id keys (QueueId, ContactFlowId, …).
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
