import Foundation

/// Mastodon's REST rate limit as a value type, driven by the caller's clock.
///
/// docs.joinmastodon.org/api/rate-limits/: 300 requests per 5 minutes per
/// account (posting statuses and media have longer windows); every response carries `X-RateLimit-Limit`, `X-RateLimit-Remaining`
/// and `X-RateLimit-Reset` — an ISO 8601 *timestamp* (not a number of seconds)
/// of when the window resets. A 429 means wait until that reset.
///
/// The reset is converted with the response's `Date` header when present
/// (reset − server date + our now), so a server clock that differs from ours
/// does not make the bot wait too long or retry too early. On top of the
/// headers, the client keeps its own ceiling of `ceiling` requests per
/// `window`, so it stays within the documented limit even when a proxy strips them.
///
/// Urgent requests (pages, acknowledgements) have their own lane:
/// `urgentReserve` requests of each window are theirs alone, in the client's
/// ceiling and in what the server says remains, so normal traffic that uses
/// up its share never makes a page wait for the window to reset.
public struct MastodonRateLimit: Sendable, Equatable {
    /// The documented default: 300 requests …
    public static let defaultCeiling = 300
    /// … per 5 minutes.
    public static let defaultWindow: TimeInterval = 300
    /// No header makes the client wait longer than this: the longest documented
    /// window (posting statuses: 300 per 3 hours, as the recorded `X-RateLimit-Reset`
    /// of `POST /api/v1/statuses` shows).
    public static let maximumWait: TimeInterval = 3 * 3600
    /// The wait after a 429 that says nothing about when to retry.
    public static let defaultWait: TimeInterval = 60

    /// Requests of each window kept for urgent requests, by default a tenth.
    public static let defaultUrgentReserve = 30

    public let ceiling: Int
    public let window: TimeInterval
    /// Requests per window only urgent requests may use.
    public let urgentReserve: Int
    /// `X-RateLimit-Limit` of the last response.
    public private(set) var limit: Int?
    /// `X-RateLimit-Remaining` of the last response.
    public private(set) var remaining: Int?
    /// When the server's window resets, on the caller's clock.
    public private(set) var resetAt: Date?
    /// No request before this instant (after a 429, or with nothing remaining).
    public private(set) var blockedUntil: Date?
    /// When each request of the current window was sent, oldest first.
    private var sent: [Date] = []

    public init(ceiling: Int = Self.defaultCeiling, window: TimeInterval = Self.defaultWindow, urgentReserve: Int = Self.defaultUrgentReserve) {
        self.ceiling = max(1, ceiling)
        self.window = max(1, window)
        self.urgentReserve = min(max(0, urgentReserve), self.ceiling - 1)
    }

    /// How long a request of `priority` waits before it may be sent (0 when it may go now).
    public func delay(now: Date, priority: RequestPriority = .normal) -> TimeInterval {
        var until = blockedUntil ?? now
        let reserve = priority == .urgent ? 0 : urgentReserve
        // The server's count: normal requests leave the last `reserve` to urgent ones.
        if reserve > 0, let remaining, remaining <= reserve, let resetAt, resetAt > now {
            until = max(until, resetAt)
        }
        let capacity = ceiling - reserve
        let recent = sent.filter { $0 > now.addingTimeInterval(-window) }
        if recent.count >= capacity {
            // Once this one leaves the window, fewer than `capacity` remain in it.
            until = max(until, recent[recent.count - capacity].addingTimeInterval(window))
        }
        return min(max(0, until.timeIntervalSince(now)), Self.maximumWait)
    }

    /// Counts a request as sent now.
    public mutating func willSend(now: Date) {
        sent.removeAll { $0 <= now.addingTimeInterval(-window) }
        sent.append(now)
        if let blockedUntil, blockedUntil <= now { self.blockedUntil = nil }
    }

    /// Reads a response's rate-limit headers. `header` looks a field up by name
    /// (case-insensitively). Returns how long to wait before retrying when the
    /// response is a 429, else nil.
    @discardableResult
    public mutating func record(status: Int, header: (String) -> String?, now: Date) -> TimeInterval? {
        limit = header("X-RateLimit-Limit").flatMap { Int($0.trimmingCharacters(in: .whitespaces)) } ?? limit
        if let value = header("X-RateLimit-Remaining").flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }) {
            remaining = value
        }
        var responseReset: Date?
        if let reset = header("X-RateLimit-Reset").flatMap(MastodonTimestamp.parse) {
            let serverNow = header("Date").flatMap(MastodonTimestamp.parseHTTPDate) ?? now
            let wait = min(max(0, reset.timeIntervalSince(serverNow)), Self.maximumWait)
            responseReset = now.addingTimeInterval(wait)
            resetAt = responseReset
        }
        if status == 429 {
            let wait = retryDelay(reset: responseReset, header: header, now: now)
            blockedUntil = now.addingTimeInterval(wait)
            return wait
        }
        if let remaining, remaining <= 0, let resetAt, resetAt > now {
            blockedUntil = resetAt
        }
        return nil
    }

    /// After a 429: until this response's reset, else `Retry-After` seconds, else the default.
    private func retryDelay(reset: Date?, header: (String) -> String?, now: Date) -> TimeInterval {
        // At least a second: a reset already past (clock skew) must not make a retry loop.
        if let reset { return max(1, reset.timeIntervalSince(now)) }
        if let seconds = header("Retry-After").flatMap({ Double($0.trimmingCharacters(in: .whitespaces)) }), seconds.isFinite {
            return min(max(1, seconds), Self.maximumWait)
        }
        return Self.defaultWait
    }
}
