import ArgumentParser
import Foundation
import Reconciler

/// `patchbay show PLAN.json`: render a saved plan (`plan --out`, `plan --format json`) again,
/// offline, in any format.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Render a saved plan (from 'plan --out' or 'plan --format json') as text, json or markdown.",
        discussion: "Reads only the file: no manifests, no instance. The planner's notes are not part of a saved plan.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, markdown }

    @Argument(help: "A plan file written by 'plan --out' or 'plan --format json'.")
    var planFile: String

    @Option(help: "Output format: text (default), json or markdown.")
    var format: Format = .text

    func run() throws {
        let text: String
        do { text = try String(contentsOfFile: planFile, encoding: .utf8) } catch {
            Terminal.writeError(Terminal.errorPrefix() + "cannot read plan file \(planFile): \(error.localizedDescription)\n")
            throw ExitCode(1)
        }
        let plan: Plan
        do { plan = try PlanDocumentDecoder.decode(text) } catch {
            Terminal.writeError(Terminal.errorPrefix() + "\(planFile) is not a plan document: \(error)\n")
            throw ExitCode(1)
        }
        switch format {
        case .text:
            Terminal.write(TextPlanView(style: TerminalStyle(enabled: Terminal.colourEnabled(forStandardError: false))).render(plan))
        case .markdown: Terminal.write(MarkdownPlanView().render(plan))
        case .json: Terminal.write(PlanDocument.json(plan).rendered())
        }
    }
}
