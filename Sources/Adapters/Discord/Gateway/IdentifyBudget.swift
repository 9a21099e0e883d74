/// The identify budget from `session_start_limit` (gateway.mdx "Get Gateway
/// Bot", "Session Start Limit Object", "Identifying"): at most `remaining`
/// identifies until `reset_after`, and `max_concurrency` per 5 seconds — one per
/// rate-limit key (`shard_id % max_concurrency`) per window. Running out is
/// severe (Discord resets the token after 1000 in a day), so every identify
/// reserves a slot here first and waits for it.
public struct IdentifyBudget: Sendable, Equatable {
    public private(set) var total: Int
    public private(set) var remaining: Int
    /// When `remaining` goes back to `total`.
    public private(set) var resetAt: Duration
    public let maxConcurrency: Int
    private var lastIdentify: [Int: Duration] = [:]

    /// The length of a daily window, used after the reported reset has passed.
    static let day: Duration = .seconds(86_400)

    public init(total: Int, remaining: Int, resetAfter: Duration, maxConcurrency: Int, now: Duration) {
        self.total = max(total, 1)
        self.remaining = max(remaining, 0)
        resetAt = now + max(resetAfter, .zero)
        self.maxConcurrency = max(maxConcurrency, 1)
    }

    /// Without `GET /gateway/bot`: the documented defaults (1000 a day, one at a time).
    public static func conservative(now: Duration) -> IdentifyBudget {
        IdentifyBudget(total: 1000, remaining: 1000, resetAfter: day, maxConcurrency: 1, now: now)
    }

    /// Reserves the next identify for `shardID` and returns the instant it may be sent.
    public mutating func reserve(shardID: Int, now: Duration) -> Duration {
        let key = shardID % maxConcurrency
        var at = now
        if let last = lastIdentify[key] { at = max(at, last + ShardPlan.identifyWindow) }
        if at >= resetAt {
            renew(at: at)
        } else if remaining <= 0 {
            at = resetAt
            renew(at: at)
        }
        remaining -= 1
        lastIdentify[key] = at
        return at
    }

    /// True when less than a tenth of the daily budget is left: worth a warning.
    public var isLow: Bool { remaining * 10 < total }

    private mutating func renew(at instant: Duration) {
        remaining = total
        while resetAt <= instant { resetAt += Self.day }
    }
}
