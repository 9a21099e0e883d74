import Foundation

/// The rate-limit fields of one HTTP response, as Discord
/// (docs/topics/Rate_Limits.md "Header Format") and Mastodon
/// (docs "Rate limits") send them.
public struct RateLimitHeaders: Sendable, Equatable {
    /// `X-RateLimit-Limit`: requests allowed per window.
    public var limit: Int?
    /// `X-RateLimit-Remaining`: requests left in the current window.
    public var remaining: Int?
    /// Time until the window resets: `X-RateLimit-Reset-After`, else `X-RateLimit-Reset`.
    public var resetAfter: Duration?
    /// `X-RateLimit-Bucket`: Discord's opaque bucket id shared by routes with one limit.
    public var bucket: String?
    /// True when a 429 applies to every route (`X-RateLimit-Global: true` or `X-RateLimit-Scope: global`).
    public var isGlobal: Bool

    public init(limit: Int? = nil, remaining: Int? = nil, resetAfter: Duration? = nil, bucket: String? = nil, isGlobal: Bool = false) {
        self.limit = limit
        self.remaining = remaining
        self.resetAfter = resetAfter
        self.bucket = bucket
        self.isGlobal = isGlobal
    }

    /// Reads the fields from `headers`; `now` converts a reset timestamp into a delay.
    public init(headers: HTTPHeaders, now: Date) {
        limit = headers["X-RateLimit-Limit"].flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        remaining = headers["X-RateLimit-Remaining"].flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        if let after = headers["X-RateLimit-Reset-After"].flatMap({ Double($0.trimmingCharacters(in: .whitespaces)) }) {
            resetAfter = min(Duration.transportSeconds(after), RetryAfter.maximum)
        } else if let reset = headers["X-RateLimit-Reset"] {
            resetAfter = RetryAfter.resetDelay(reset, now: now)
        }
        bucket = headers["X-RateLimit-Bucket"].map { $0.trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
        isGlobal = headers["X-RateLimit-Global"]?.lowercased() == "true"
            || headers["X-RateLimit-Scope"]?.lowercased() == "global"
    }

    /// True when the response carried any rate-limit field.
    public var isEmpty: Bool { limit == nil && remaining == nil && resetAfter == nil && bucket == nil && !isGlobal }
}
