import Foundation
import Reconciler

/// Terraform-like text rendering of a plan: `+ ~ - -/+` markers, field diffs, and a
/// final "N to create, N to update, N to delete" line.
struct TextPlanView {
    var style: TerminalStyle = .plain

    func render(_ plan: Plan) -> String {
        var out = ""
        out += "Stack \(plan.stack) on instance \(plan.instance.id) (\(plan.instance.region)).\n"
        out += "Read the live state in \(plan.readCalls) API \(plan.readCalls == 1 ? "call" : "calls").\n\n"
        guard plan.hasChanges else {
            out += style.green("No changes.") + " The instance matches the manifests.\n"
            return out
        }
        out += "Patchbay will perform the following actions, in this order:\n\n"
        for change in plan.changes {
            out += render(change)
            out += "\n"
        }
        out += style.bold("Plan: \(summaryLine(plan.summary)).") + "\n"
        return out
    }

    func summaryLine(_ s: PlanSummary) -> String {
        var parts = ["\(s.create) to create", "\(s.update) to update", "\(s.delete) to delete"]
        if s.replace > 0 { parts.append("\(s.replace) to replace") }
        if s.rename > 0 { parts.append("\(s.rename) to rename") }
        if s.adopt > 0 { parts.append("\(s.adopt) to adopt") }
        return parts.joined(separator: ", ")
    }

    private func colour(_ action: ChangeAction, _ text: String) -> String {
        switch action {
        case .create: style.green(text)
        case .delete: style.red(text)
        case .replace: style.magenta(text)
        case .update, .rename, .adopt: style.yellow(text)
        }
    }

    private func render(_ change: PlannedChange) -> String {
        var out = "  " + colour(change.action, change.action.symbol) + " " + style.bold(change.address)
        switch change.action {
        case .rename: out += " (renamed from \(JSONValue.quote(change.previousName ?? "?")))"
        case .adopt: out += " (adopt: exists, not yet managed by this stack)"
        case .replace: out += " (" + style.red("must be replaced") + ")"
        case .create, .update, .delete: break
        }
        out += "\n"
        for warning in change.warnings {
            out += "      " + style.red("! " + warning) + "\n"
        }
        let rows = FieldRow.rows(change.fields)
        let width = min(rows.map(\.path.count).max() ?? 0, 40)
        for field in rows {
            let name = field.path.padding(toLength: max(width, field.path.count), withPad: " ", startingAt: 0)
            switch (field.before, field.after) {
            case let (nil, after?):
                out += "      " + style.green("+") + " \(name) = \(display(after, path: field.path))\n"
            case let (before?, nil):
                out += "      " + style.red("-") + " \(name) = \(display(before, path: field.path))\n"
            case let (before?, after?):
                out += "      " + style.yellow("~") + " \(name) = \(display(before, path: field.path)) -> \(display(after, path: field.path))\n"
            case (nil, nil):
                break
            }
        }
        if !change.calls.isEmpty {
            out += "      " + style.dim("calls: " + change.calls.joined(separator: ", ")) + "\n"
        }
        return out
    }

    func display(_ value: FieldValue, path: String = "") -> String {
        switch value {
        case .null: return "(none)"
        case .sensitive: return "(sensitive)"
        case let .string(text) where path == "content" || path == "layout":
            return FlowContentSummary.describe(text, isLayout: path == "layout")
        default: return value.json.compact()
        }
    }
}
