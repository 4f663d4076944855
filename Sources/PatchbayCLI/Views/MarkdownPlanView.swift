import Foundation
import Reconciler

/// Markdown rendering for a pull-request comment: a summary, then one collapsible
/// section per resource with a before/after table (open for replaces and deletes).
struct MarkdownPlanView {
    func render(_ plan: Plan) -> String {
        var out = "### Patchbay plan: stack `\(plan.stack)`\n\n"
        out += "Instance `\(plan.instance.id)` (\(plan.instance.region)); live state read in "
        out += "\(plan.readCalls) API \(plan.readCalls == 1 ? "call" : "calls").\n\n"
        guard plan.hasChanges else {
            out += "**No changes.** The instance matches the manifests.\n"
            return out
        }
        out += "**Plan: \(TextPlanView().summaryLine(plan.summary)).**\n\n"
        let losing = plan.changes.filter { $0.action == .delete || $0.action == .replace }
        if !losing.isEmpty {
            out += "> **Data loss:** " + losing.map { "<code>\(html($0.address))</code> (\($0.action.rawValue))" }.joined(separator: ", ")
            out += ". Deleted and replaced resources lose their id and history; they are shown open below.\n\n"
        }
        for change in plan.changes {
            // Data loss is never folded away: replaces and deletes are open.
            let open = change.action == .replace || change.action == .delete
            out += "<details\(open ? " open" : "")><summary><code>\(change.action.symbol) \(html(change.address))</code> "
            out += "— \(change.action.rawValue)"
            if let previous = change.previousName, change.action == .rename {
                out += " from <code>\(html(previous))</code>"
            }
            out += "</summary>\n\n"
            for warning in change.warnings {
                out += "> **Warning:** \(cell(warning))\n\n"
            }
            if !change.fields.isEmpty {
                out += "| Field | Before | After |\n|---|---|---|\n"
                for field in FieldRow.rows(change.fields) {
                    out += "| `\(cell(field.path))` | \(value(field.before, path: field.path)) | \(value(field.after, path: field.path)) |\n"
                }
                out += "\n"
            }
            if !change.calls.isEmpty {
                out += "Calls: " + change.calls.map { "`\($0)`" }.joined(separator: ", ") + "\n\n"
            }
            out += "</details>\n\n"
        }
        return out
    }

    private func value(_ v: FieldValue?, path: String) -> String {
        guard let v else { return "" }
        return "`" + cell(TextPlanView().display(v, path: path)) + "`"
    }

    /// Escapes what would break a table cell.
    private func cell(_ s: String) -> String {
        s.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
            .replacingOccurrences(of: "`", with: "'")
    }

    private func html(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }
}
