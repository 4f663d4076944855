import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where output goes and whether it may be coloured or animated.
enum Terminal {
    static var stdoutIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }
    static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }
    static var stdinIsTerminal: Bool { isatty(STDIN_FILENO) == 1 }

    /// Colour only on a terminal and never when `NO_COLOR` is set (https://no-color.org).
    static func colourEnabled(forStandardError: Bool,
                              environment env: [String: String] = ProcessInfo.processInfo.environment) -> Bool {
        if let noColor = env["NO_COLOR"], !noColor.isEmpty { return false }
        if env["TERM"] == "dumb" { return false }
        return forStandardError ? stderrIsTerminal : stdoutIsTerminal
    }

    static func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    static func writeError(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    static func errorPrefix() -> String {
        TerminalStyle(enabled: colourEnabled(forStandardError: true)).red("error: ")
    }
}
