import Foundation

/// A request member that carries the service's time, filled in by the client as late as
/// possible: after the rate limiter lets the attempt go, before it is signed (every attempt
/// afresh). Fingerprint tags use it to record when Patchbay wrote a resource (`fp@<time>`).
public enum ServerTime {
    /// What a string member holds where the time goes.
    /// (Plain ASCII that no JSON writer escapes, so it is found in the encoded body as it is.)
    public static let placeholder = "@@patchbay-server-time@@"

    /// `body` with every placeholder replaced by `time` (seconds since 1970, three decimals).
    public static func fill(_ body: Data, time: Double) -> Data {
        let text = String(decoding: body, as: UTF8.self)
        return Data(text.replacingOccurrences(of: placeholder, with: String(format: "%.3f", time)).utf8)
    }

    /// Whether a JSON `body` holds the placeholder.
    public static func appears(in body: Data) -> Bool { body.range(of: Data(placeholder.utf8)) != nil }
}
