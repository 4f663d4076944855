import ArgumentParser
import Foundation
import Reconciler

/// `patchbay plan`: read the instance, diff it against the manifests, print the changes.
struct PlanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Show what apply would change in the instance.",
        discussion: """
            Reads the live instance (Search APIs first, per-resource calls only where Search lacks \
            fields), diffs it against the manifests and prints the changes in the order apply would \
            make them. Never writes to the instance.

            Exit codes: 0 success; 1 error; with --detailed-exitcode, 0 means no changes and 2 means \
            changes are pending (for drift detection on a schedule).
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, markdown }

    @Argument(help: "A manifest file or a directory of manifests.")
    var path: String = "."

    @Option(help: "The environment (from 'environments:') to plan for.")
    var env: String?

    @Option(help: "Output format: text, json or markdown.")
    var format: Format = .text

    @Option(name: .customLong("out"), help: "Also save the plan to this file, for 'apply --plan'.")
    var out: String?

    @Flag(name: .customLong("detailed-exitcode"), help: "Exit 2 when there are changes, 0 when there are none.")
    var detailedExitcode = false

    @Flag(help: "Also delete resources tagged with this stack that the manifests no longer declare.")
    var prune = false

    @OptionGroup var connection: ConnectionOptions

    func run() async throws {
        var hasChanges = false
        try await PlanPipeline.reportingErrors {
            let desired = try PlanPipeline.load(path: path, environment: env)
            let session = try await ConnectSession.open(connection, manifest: desired.instance)
            do {
                let (result, _) = try await PlanPipeline.plan(session: session, desired: desired, prune: prune,
                                                                refresh: connection.refresh)
                Terminal.write(PlanOutput.render(result, format: format))
                if let out {
                    // Absolute, so that `apply --plan` finds the same manifests from any directory.
                    let absolutePath = URL(fileURLWithPath: path).standardizedFileURL.path
                    let text = SavedPlan.encode(result.plan, source: SavedPlan.Source(path: absolutePath, environment: env, prune: prune))
                    try text.write(toFile: out, atomically: true, encoding: .utf8)
                    Terminal.writeError("Saved the plan to \(out); apply it with: patchbay apply --plan \(out)\n")
                }
                hasChanges = result.plan.hasChanges
                await session.close()
            } catch {
                await session.close()
                throw error
            }
        }
        if detailedExitcode && hasChanges { throw ExitCode(2) }
    }
}

/// Renders a plan in the chosen format, with the planner's notes.
enum PlanOutput {
    static func render(_ result: PlanningResult, format: PlanCommand.Format) -> String {
        switch format {
        case .json:
            return PlanDocument.json(result.plan).rendered()
        case .markdown:
            var text = MarkdownPlanView().render(result.plan)
            for note in result.notes { text += "> **Note:** \(note)\n\n" }
            return text
        case .text:
            var text = TextPlanView(style: TerminalStyle(enabled: Terminal.colourEnabled(forStandardError: false)))
                .render(result.plan)
            for note in result.notes { text += "\nNote: \(note)\n" }
            return text
        }
    }
}
