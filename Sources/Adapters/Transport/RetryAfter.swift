import Foundation

/// Reads how long a server asked the client to wait before retrying, from
/// every form the platforms use:
/// - `Retry-After`: delta-seconds or an HTTP-date (RFC 9110 §10.2.3);
/// - a JSON body's `retry_after` in seconds (Discord, docs/topics/Rate_Limits.md)
///   or `retry_after_ms` in milliseconds (Matrix client-server API, `M_LIMIT_EXCEEDED`);
/// - `X-RateLimit-Reset-After` in seconds (Discord);
/// - `X-RateLimit-Reset` as epoch seconds (Discord) or an ISO 8601 timestamp (Mastodon).
///
/// Every result is clamped to `0...maximum`, so a hostile or broken header
/// cannot park a client for days.
public enum RetryAfter {
    /// The longest wait any reader returns.
    public static let maximum: Duration = .seconds(3600)

    /// The best hint among the headers and the body: body fields first (they
    /// carry fractions), then `Retry-After`, `X-RateLimit-Reset-After`, `X-RateLimit-Reset`.
    public static func delay(headers: HTTPHeaders, body: Data? = nil, now: Date) -> Duration? {
        if let body, let fromBody = bodyDelay(body) { return fromBody }
        if let value = headers["Retry-After"], let delay = headerDelay(value, now: now) { return delay }
        if let value = headers["X-RateLimit-Reset-After"], let seconds = Double(value.trimmed) {
            return clamp(seconds)
        }
        if let value = headers["X-RateLimit-Reset"], let delay = resetDelay(value, now: now) { return delay }
        return nil
    }

    /// A `Retry-After` value: delta-seconds (`"120"`, fractions tolerated) or an HTTP-date.
    public static func headerDelay(_ value: String, now: Date) -> Duration? {
        let text = value.trimmed
        if let seconds = Double(text) { return clamp(seconds) }
        guard let date = httpDate(text) else { return nil }
        return clamp(date.timeIntervalSince(now))
    }

    /// An `X-RateLimit-Reset` value: epoch seconds (`"1470173023.123"`) or ISO 8601
    /// (`"2017-05-23T20:45:00.000Z"`), as the time left from `now`.
    public static func resetDelay(_ value: String, now: Date) -> Duration? {
        let text = value.trimmed
        if let epoch = Double(text) { return clamp(epoch - now.timeIntervalSince1970) }
        guard let date = iso8601Date(text) else { return nil }
        return clamp(date.timeIntervalSince(now))
    }

    /// `retry_after_ms` (Matrix) or `retry_after` (Discord, seconds) from a JSON object body.
    public static func bodyDelay(_ body: Data) -> Duration? {
        guard !body.isEmpty, body.first == UInt8(ascii: "{"),
            let object = try? JSONSerialization.jsonObject(with: body) as? [String: Any]
        else { return nil }
        if let millis = number(object["retry_after_ms"]) { return clamp(millis / 1000) }
        if let seconds = number(object["retry_after"]) { return clamp(seconds) }
        return nil
    }

    private static func number(_ value: Any?) -> Double? {
        switch value {
        case let number as NSNumber: number.doubleValue
        case let text as String: Double(text)
        default: nil
        }
    }

    private static func clamp(_ seconds: Double) -> Duration {
        min(Duration.transportSeconds(seconds), maximum)
    }

    /// IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`), the only form senders may generate.
    static func httpDate(_ text: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        return formatter.date(from: text)
    }

    static func iso8601Date(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.date(from: text)
    }
}

extension String {
    fileprivate var trimmed: String { trimmingCharacters(in: .whitespaces) }
}
