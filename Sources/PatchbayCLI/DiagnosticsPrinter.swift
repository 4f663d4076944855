import Foundation
import Model

/// Prints diagnostics compiler-style (`FILE:LINE:COLUMN: error: message`, notes indented below),
/// colouring severities only when the output is a terminal and `NO_COLOR` is unset.
public struct DiagnosticsPrinter: Sendable {
    public var useColor: Bool

    public init(useColor: Bool) { self.useColor = useColor }

    /// Colour when stderr is a terminal and `NO_COLOR` is unset (https://no-color.org).
    public static func forStandardError(environment: [String: String] = ProcessInfo.processInfo.environment) -> DiagnosticsPrinter {
        DiagnosticsPrinter(useColor: Terminal.colourEnabled(forStandardError: true, environment: environment))
    }

    /// The text for the diagnostics, one per line plus their notes.
    public func render(_ diagnostics: [Diagnostic]) -> String {
        var out = ""
        for diagnostic in diagnostics {
            out += line(location: diagnostic.location, severity: diagnostic.severity.rawValue, message: diagnostic.message,
                        color: color(for: diagnostic.severity))
            for note in diagnostic.notes {
                out += "    " + line(location: note.location, severity: "note", message: note.message, color: "\u{1B}[1;36m")
            }
        }
        return out
    }

    /// `2 errors, 1 warning`
    public static func summary(_ diagnostics: [Diagnostic]) -> String {
        let errors = diagnostics.errorCount, warnings = diagnostics.warningCount
        var parts: [String] = []
        parts.append("\(errors) error\(errors == 1 ? "" : "s")")
        if warnings > 0 { parts.append("\(warnings) warning\(warnings == 1 ? "" : "s")") }
        return parts.joined(separator: ", ")
    }

    private func line(location: SourceLocation?, severity: String, message: String, color: String) -> String {
        let prefix = location.map { "\($0): " } ?? ""
        if useColor {
            return "\u{1B}[1m\(prefix)\u{1B}[0m\(color)\(severity):\u{1B}[0m \u{1B}[1m\(message)\u{1B}[0m\n"
        }
        return "\(prefix)\(severity): \(message)\n"
    }

    private func color(for severity: Diagnostic.Severity) -> String {
        switch severity {
        case .error: "\u{1B}[1;31m"
        case .warning: "\u{1B}[1;33m"
        case .note: "\u{1B}[1;36m"
        }
    }
}
