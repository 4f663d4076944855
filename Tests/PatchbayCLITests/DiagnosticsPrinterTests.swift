import Model
import Testing
@testable import PatchbayCLI

/// Issue 16 item 8: the printer caps what it writes (100k nested errors printed 200,000 lines).
@Suite struct DiagnosticsPrinterTests {
    static let many: [Diagnostic] = (1...100_000).map { n in
        n % 10 == 0 ? .warning("problem \(n)", at: SourceLocation(file: "m.yaml", line: n, column: 1))
                    : .error("problem \(n)", at: SourceLocation(file: "m.yaml", line: n, column: 1),
                             notes: [Diagnostic.Note("declared here")])
    }

    @Test(arguments: DiagnosticsPrinter.Style.allCases)
    func aHundredThousandProblemsPrintAFewHundredLines(style: DiagnosticsPrinter.Style) {
        let text = DiagnosticsPrinter(useColor: false, style: style).render(Self.many)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count <= 2 * 200 + 1, "\(lines.count) lines")
        #expect(text.contains("m.yaml") && text.contains("problem 200") && !text.contains("problem 201"))
        #expect(lines.last == "… and 99800 more not shown (89820 errors, 9980 warnings); fix these first and run again")
    }

    @Test func fewProblemsAreAllShown() {
        let text = DiagnosticsPrinter(useColor: false).render(Array(Self.many.prefix(3)))
        #expect(text == "m.yaml:1:1: error: problem 1\n    note: declared here\nm.yaml:2:1: error: problem 2\n    note: declared here\nm.yaml:3:1: error: problem 3\n    note: declared here\n")
    }
}
