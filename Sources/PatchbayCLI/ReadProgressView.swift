import Foundation
import Reconciler
import Synchronization

/// On a terminal, one self-updating stderr line while the instance is read.
final class ReadProgressView: Sendable {
    let isEnabled: Bool
    private let state = Mutex<(counts: [String: Int], lastDraw: Double, drawn: Bool)>(([:], 0, false))

    init(enabled: Bool = Terminal.stderrIsTerminal) {
        isEnabled = enabled
    }

    func update(_ progress: LiveStateReader.Progress) {
        guard isEnabled else { return }
        let now = Date().timeIntervalSince1970
        let line: String? = state.withLock { s in
            s.counts[progress.kind] = progress.read
            guard now - s.lastDraw > 0.1 else { return nil }
            s.lastDraw = now
            s.drawn = true
            let parts = s.counts.keys.sorted().map { "\($0) \(s.counts[$0]!)" }
            var text = "Reading instance: " + parts.joined(separator: ", ")
            if let total = progress.total { text += " (details \(progress.read)/\(total))" }
            return text
        }
        if let line { Terminal.writeError("\r\u{1B}[2K" + line) }
    }

    func finish() {
        guard isEnabled, state.withLock({ $0.drawn }) else { return }
        Terminal.writeError("\r\u{1B}[2K")
    }
}
