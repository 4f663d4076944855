/// ANSI styling that is only applied when colour is on (a terminal, and `NO_COLOR` unset).
struct TerminalStyle: Sendable {
    var enabled: Bool

    static let plain = TerminalStyle(enabled: false)

    func apply(_ code: String, _ text: String) -> String {
        enabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    func green(_ s: String) -> String { apply("32", s) }
    func yellow(_ s: String) -> String { apply("33", s) }
    func red(_ s: String) -> String { apply("31", s) }
    func magenta(_ s: String) -> String { apply("35", s) }
    func cyan(_ s: String) -> String { apply("36", s) }
    func bold(_ s: String) -> String { apply("1", s) }
    func dim(_ s: String) -> String { apply("2", s) }
}
