import Foundation
import Reconciler

/// A one-line description of flow content for plan views, instead of a JSON blob:
/// `(5 actions, starts at "greeting")` or, for the designer layout, `(layout, 12 bytes)`.
enum FlowContentSummary {
    static func describe(_ canonical: String, isLayout: Bool) -> String {
        if isLayout { return canonical.isEmpty || canonical == "{}" ? "(no layout)" : "(designer layout, \(canonical.utf8.count) bytes)" }
        guard let data = canonical.data(using: .utf8),
              let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
            return "(\(canonical.utf8.count) bytes, not JSON)"
        }
        let actions = (object["Actions"] as? [Any])?.count ?? 0
        var text = "(\(actions) action\(actions == 1 ? "" : "s")"
        if let start = object["StartAction"] as? String { text += ", starts at \(JSONValue.quote(start))" }
        return text + ")"
    }
}

