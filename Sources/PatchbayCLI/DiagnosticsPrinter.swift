import Foundation
import Model

/// Prints diagnostics compiler-style (`FILE:LINE:COLUMN: error: message`, notes indented below),
/// colouring severities only when the output is a terminal and `NO_COLOR` is unset; or, in
/// GitHub Actions, as workflow commands (`::error file=F,line=L,col=C::message`) that the
/// runner turns into annotations on the pull request's diff lines.
public struct DiagnosticsPrinter: Sendable {
    /// How diagnostics are written.
    public enum Style: String, Sendable, CaseIterable {
        /// `FILE:LINE:COLUMN: error: message`
        case text
        /// `::error file=FILE,line=LINE,col=COLUMN::message` (GitHub Actions workflow commands)
        case github

        /// `github` when running in GitHub Actions (`GITHUB_ACTIONS=true`), else `text`.
        public static func automatic(environment: [String: String] = ProcessInfo.processInfo.environment) -> Style {
            environment["GITHUB_ACTIONS"] == "true" ? .github : .text
        }
    }

    public var useColor: Bool
    public var style: Style
    /// At most this many diagnostics are written, then one line with the count of the rest (a
    /// manifest with 100,000 problems would otherwise print hundreds of thousands of lines).
    public var limit = 200

    public init(useColor: Bool, style: Style = .text) {
        self.useColor = useColor && style == .text
        self.style = style
    }

    /// Colour when stderr is a terminal and `NO_COLOR` is unset (https://no-color.org).
    public static func forStandardError(environment: [String: String] = ProcessInfo.processInfo.environment,
                                        style: Style = .text) -> DiagnosticsPrinter {
        DiagnosticsPrinter(useColor: Terminal.colourEnabled(forStandardError: true, environment: environment), style: style)
    }

    /// The text for the diagnostics, one per line plus their notes (in the github style, the
    /// notes are part of their diagnostic's annotation: one annotation per problem).
    public func render(_ diagnostics: [Diagnostic]) -> String {
        let shown = diagnostics.prefix(limit)
        var out = style == .github ? shown.map(Self.workflowCommand).joined() : renderText(shown)
        if diagnostics.count > shown.count {
            let rest = Array(diagnostics.dropFirst(shown.count))
            out += "… and \(rest.count) more not shown (\(Self.summary(rest))); fix these first and run again\n"
        }
        return out
    }

    private func renderText(_ diagnostics: ArraySlice<Diagnostic>) -> String {
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

    /// `::error file=a.yaml,line=4,col=5::message` with notes on the following lines of the
    /// message; values escaped as the runner expects (`%`, CR, LF; in properties also `:` and `,`).
    static func workflowCommand(_ diagnostic: Diagnostic) -> String {
        let command: String
        switch diagnostic.severity {
        case .error: command = "error"
        case .warning: command = "warning"
        case .note: command = "notice"
        }
        var properties: [String] = []
        if let location = diagnostic.location {
            properties.append("file=" + escapeProperty(location.file))
            if location.line > 0 { properties.append("line=\(location.line)") }
            if location.column > 0 { properties.append("col=\(location.column)") }
        }
        var message = diagnostic.message
        for note in diagnostic.notes {
            message += "\n" + (note.location.map { "\($0): " } ?? "") + "note: " + note.message
        }
        let head = properties.isEmpty ? "::\(command)" : "::\(command) " + properties.joined(separator: ",")
        return head + "::" + escapeData(message) + "\n"
    }

    static func escapeData(_ s: String) -> String {
        s.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    static func escapeProperty(_ s: String) -> String {
        escapeData(s).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
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
