import ArgumentParser

/// The `patchbay` command: configuration-as-code for Amazon Connect.
public struct PatchbayCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "patchbay",
        abstract: "Configuration-as-code for Amazon Connect.",
        version: BuildInfo.description,
        subcommands: [ValidateCommand.self, PlanCommand.self, ApplyCommand.self, ExportCommand.self, ShowCommand.self, FlowCommand.self,
                      EmulatorCommand.self, VersionCommand.self]
    )

    public init() {}
}

import Logging

extension PatchbayCommand {
    /// Sends every log line to stderr, so stdout carries only the command's output (a plan
    /// in JSON can be piped). Call once, before running the command.
    public static func bootstrapLogging() {
        LoggingSystem.bootstrap { label in StreamLogHandler.standardError(label: label) }
    }
}

import Foundation

extension PatchbayCommand {
    /// Parses and runs the command with design.md §2's exit codes: 0 success, 1 error (usage
    /// errors included, which ArgumentParser would end with 64), 2 changes pending under
    /// `--detailed-exitcode`. `--help` and `--version` exit 0.
    public static func runWithContractExitCodes() async -> Never {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
            exit()
        } catch {
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(1)
            }
            exit(withError: error)
        }
    }
}
