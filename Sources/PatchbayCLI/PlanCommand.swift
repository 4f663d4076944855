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

            --format github prints the plan as text and every problem as a GitHub Actions workflow \
            command (::error file=FILE,line=LINE,col=COLUMN::message), shown as an annotation on the \
            pull request's diff line. When GITHUB_ACTIONS=true, problems are written that way with \
            every format but an explicit --format text.

            Exit codes: 0 success; 1 error; with --detailed-exitcode, 0 means no changes and 2 means \
            changes are pending (for drift detection on a schedule).
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, markdown, github

        /// How problems are printed: `github` for --format github, and in GitHub Actions
        /// (`GITHUB_ACTIONS=true`) unless --format text was asked for explicitly.
        static func diagnosticsStyle(for format: Format?,
                                     environment: [String: String] = ProcessInfo.processInfo.environment) -> DiagnosticsPrinter.Style {
            switch format {
            case .github: .github
            case .text: .text
            case nil, .json, .markdown: .automatic(environment: environment)
            }
        }
    }

    @Argument(help: "A manifest file or a directory of manifests.")
    var path: String = "."

    @Option(help: "The environment (from 'environments:') to plan for.")
    var env: String?

    @Option(help: "Output format: text (default), json, markdown, or github (text, with problems as GitHub Actions annotations).")
    var format: Format?

    @Option(name: .customLong("out"), help: "Also save the plan to this file, for 'apply --plan'.")
    var out: String?

    @Flag(name: .customLong("detailed-exitcode"), help: "Exit 2 when there are changes, 0 when there are none.")
    var detailedExitcode = false

    @OptionGroup var scope: ScopeOptions
    @OptionGroup var quotas: QuotaOptions

    @OptionGroup var connection: ConnectionOptions

    @OptionGroup var read: ReadOptions

    func run() async throws {
        var hasChanges = false
        try await PlanPipeline.reportingErrors {
            let style = Format.diagnosticsStyle(for: format)
            let desired = try PlanPipeline.load(path: path, environment: env, diagnostics: style)
            let session = try await ConnectSession.open(connection, manifest: desired.instance, manifestPath: path,
                                                       environmentName: env)
            do {
                let (result, _) = try await PlanPipeline.plan(session: session, desired: desired, prune: scope.prune,
                                                              allowPrune: try ScopeOptions.addresses(scope.allowPrune, flag: "--allow-prune"),
                                                              targets: try ScopeOptions.addresses(scope.target, flag: "--target"),
                                                              quotas: try quotas.quotas(),
                                                                refresh: read.refresh, diagnostics: style)
                Terminal.write(PlanOutput.render(result, format: format ?? .text))
                if let out {
                    // Absolute, so that `apply --plan` finds the same manifests from any directory.
                    let absolutePath = URL(fileURLWithPath: path).standardizedFileURL.path
                    let text = SavedPlan.encode(result.plan, source: SavedPlan.Source(path: absolutePath, environment: env, prune: scope.prune,
                                                                                               allowPrune: scope.allowPrune.sorted(),
                                                                                               targets: scope.target.sorted()))
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
        case .text, .github:
            var text = TextPlanView(style: TerminalStyle(enabled: Terminal.colourEnabled(forStandardError: false)))
                .render(result.plan)
            for note in result.notes { text += "\nNote: \(note)\n" }
            return text
        }
    }
}
