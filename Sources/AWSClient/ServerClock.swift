import Foundation
import Synchronization

/// The service's clock, as the `Date` headers of its responses tell it.
///
/// A `Date` header has whole seconds (RFC 9110 HTTP-date, truncated), so one response says
/// only that the service's clock read `[D, D+1)` at some moment between sending the request and
/// receiving the response. Every response narrows the offset between the service's clock and
/// the local monotonic one: `D − received ≤ offset < D + 1 − sent`. `upperBound()` is the latest
/// the service's clock can read now given everything seen — never earlier than the truth (so a
/// time written with it is not before anything the service did up to now), and within a
/// fraction of a second of it once responses have crossed a few second boundaries.
public final class ServerClock: Sendable {
    private struct Bounds { var upper = Double.infinity; var lower = -Double.infinity }
    private let bounds = Mutex(Bounds())
    private let clock: AWSClock

    public init(clock: AWSClock = SystemClock()) { self.clock = clock }

    /// Records one response's `Date` header; `sent` and `received` are `clock.uptime` readings.
    public func record(dateHeader: String, sent: Double, received: Double) {
        guard let date = Self.parse(dateHeader) else { return }
        bounds.withLock {
            $0.upper = min($0.upper, date + 1 - sent)
            $0.lower = max($0.lower, date - received)
        }
    }

    /// The latest the service's clock can read now (seconds since 1970), or nil before any response.
    public func upperBound() -> Double? {
        let upper = bounds.withLock { $0.upper }
        return upper.isFinite ? clock.uptime + upper : nil
    }

    /// An IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`) as seconds since 1970.
    static func parse(_ text: String) -> Double? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        return formatter.date(from: text)?.timeIntervalSince1970
    }
}
