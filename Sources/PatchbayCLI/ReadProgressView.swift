import Foundation
import Reconciler
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// On a terminal, one self-updating stderr line while the instance is read. It appears only
/// once reading has taken `delay` seconds (a small instance reads without it), and is cut to
/// the terminal's width so that it never wraps (a wrapped line cannot be cleared in place).
final class ReadProgressView: Sendable {
    let isEnabled: Bool
    let delay: Double
    private let started = Date().timeIntervalSince1970
    private let state = Mutex<(counts: [String: Int], lastDraw: Double, drawn: Bool)>(([:], 0, false))

    init(enabled: Bool = Terminal.stderrIsTerminal, delay: Double = 1.0) {
        isEnabled = enabled
        self.delay = delay
    }

    func update(_ progress: LiveStateReader.Progress) {
        guard isEnabled else { return }
        let now = Date().timeIntervalSince1970
        let width = Self.terminalWidth()
        let line: String? = state.withLock { s in
            s.counts[progress.kind] = progress.read
            guard now - started >= delay, now - s.lastDraw > 0.1 else { return nil }
            s.lastDraw = now
            s.drawn = true
            return Self.line(counts: s.counts, detail: progress.total.map { (progress.read, $0) }, width: width)
        }
        if let line { Terminal.writeError("\r\u{1B}[2K" + line) }
    }

    func finish() {
        guard isEnabled, state.withLock({ $0.drawn }) else { return }
        Terminal.writeError("\r\u{1B}[2K")
    }

    /// `Reading instance: queues 500, users 1500 (details 20/300)`, at most `width - 1` characters.
    static func line(counts: [String: Int], detail: (read: Int, total: Int)?, width: Int) -> String {
        let parts = counts.keys.sorted().map { "\($0) \(counts[$0]!)" }
        var text = "Reading instance: " + parts.joined(separator: ", ")
        if let detail { text += " (details \(detail.read)/\(detail.total))" }
        let limit = max(width - 1, 10)
        if text.count > limit { text = String(text.prefix(limit - 1)) + "…" }
        return text
    }

    /// Columns of the terminal on stderr (80 when unknown).
    static func terminalWidth() -> Int {
        var size = winsize()
        #if canImport(Glibc)
        let ok = ioctl(STDERR_FILENO, UInt(TIOCGWINSZ), &size) == 0
        #else
        let ok = ioctl(STDERR_FILENO, TIOCGWINSZ, &size) == 0
        #endif
        return ok && size.ws_col > 0 ? Int(size.ws_col) : 80
    }
}
