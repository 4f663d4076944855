import ArgumentParser
import Foundation
import Manifest
import Model

extension DiagnosticsPrinter.Style: ExpressibleByArgument {}

/// `patchbay validate [PATH] [--env NAME]`: offline checks of the manifests.
public struct ValidateCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check manifests offline: syntax, keys, types, references, limits.",
        discussion: """
            PATH is a manifest file or a directory (every *.yaml / *.yml below it, hidden folders skipped).
            Prints every problem as FILE:LINE:COLUMN: error: message on stderr, then a summary.
            With --format github (the default when GITHUB_ACTIONS=true), each problem is a GitHub \
            Actions workflow command instead (::error file=FILE,line=LINE,col=COLUMN::message), which \
            the runner shows as an annotation on the pull request's diff line.
            Exits 0 when the manifests are valid, 1 otherwise.
            """
    )

    @Argument(help: "A manifest file or a directory of manifests.")
    public var path: String = "."

    @Option(name: .long, help: "The environment (from 'environments:') to validate for.")
    public var env: String?

    @Option(help: "Diagnostics format: text or github (default: github when GITHUB_ACTIONS=true, else text).")
    public var format: DiagnosticsPrinter.Style?

    public init() {}

    public func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let result = ManifestLoader.load(path: path, environment: env, processEnvironment: environment)
        let printer = DiagnosticsPrinter.forStandardError(environment: environment,
                                                          style: format ?? .automatic(environment: environment))
        var output = printer.render(result.diagnostics)
        if let desired = result.desired {
            output += "\(path): valid (\(Self.describe(desired))"
            let warnings = result.diagnostics.warningCount
            output += warnings > 0 ? "); \(warnings) warning\(warnings == 1 ? "" : "s")\n" : ")\n"
        } else {
            output += DiagnosticsPrinter.summary(result.diagnostics) + "\n"
        }
        FileHandle.standardError.write(Data(output.utf8))
        if result.desired == nil { throw ExitCode(1) }
    }

    /// `5 users, 3 queues, …` in creation order, kinds with no resources left out.
    static func describe(_ desired: DesiredState) -> String {
        let counts = desired.counts
        let parts = ResourceKind.allCases.compactMap { kind -> String? in
            guard let n = counts[kind], n > 0 else { return nil }
            return "\(n) \(n == 1 ? kind.displayName : plural(kind.displayName))"
        }
        let externals = desired.externals.count
        let text = parts.isEmpty ? "no resources" : parts.joined(separator: ", ")
        return externals > 0 ? "\(text), \(externals) external" : text
    }

    private static func plural(_ word: String) -> String {
        word == "hours of operation" ? word : word.hasSuffix("s") ? word + "es" : word + "s"
    }
}
