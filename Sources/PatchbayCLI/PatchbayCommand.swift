import ArgumentParser

/// The `patchbay` command: configuration-as-code for Amazon Connect.
public struct PatchbayCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "patchbay",
        abstract: "Configuration-as-code for Amazon Connect.",
        version: "0.1.0-dev",
        subcommands: [ValidateCommand.self, PlanCommand.self, ApplyCommand.self, FlowCommand.self, EmulatorCommand.self]
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
