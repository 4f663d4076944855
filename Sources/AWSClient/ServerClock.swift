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

    /// `parse`, for tests.
    public static func parseForTesting(_ text: String) -> Double? { parse(text) }

    /// An IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`) as seconds since 1970 (parsed by hand:
    /// every response has one, and a DateFormatter per response shows up in profiles).
    static func parse(_ text: String) -> Double? {
        let parts = text.split(separator: " ")
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        guard parts.count == 6, parts[5] == "GMT", let day = Int(parts[1]), let year = Int(parts[3]),
              let month = months.firstIndex(of: String(parts[2])).map({ $0 + 1 }) else { return nil }
        let clock = parts[4].split(separator: ":").compactMap { Int($0) }
        guard clock.count == 3 else { return nil }
        // Days from 1970-01-01 to the civil date (Howard Hinnant's days_from_civil).
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        let days = era * 146_097 + doe - 719_468
        return Double(days * 86_400 + clock[0] * 3600 + clock[1] * 60 + clock[2])
    }
}
