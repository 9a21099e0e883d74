import Foundation

/// Parses the timestamps Mastodon sends: ISO 8601 with or without fractional
/// seconds (`created_at`, `X-RateLimit-Reset`), and the HTTP `Date` header.
public enum MastodonTimestamp {
    /// `2026-10-14T19:05:00.158143Z`, `2026-10-14T19:05:00Z`, or with an offset.
    public static func parse(_ text: String) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, trimmed.count <= 64 else { return nil }
        if let date = try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(trimmed) { return date }
        return try? Date.ISO8601FormatStyle().parse(trimmed)
    }

    /// An HTTP `Date` header in IMF-fixdate form (`Thu, 15 Oct 2026 19:11:00 GMT`, RFC 9110 §5.6.7).
    public static func parseHTTPDate(_ text: String) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, trimmed.count <= 64 else { return nil }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        return formatter.date(from: trimmed)
    }
}
