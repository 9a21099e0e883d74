import Foundation

/// A token bucket per member: `burst` commands at once, then one more every
/// `refill` seconds. Over the limit the member is told once per window (the
/// time a drained bucket takes to fill again) and otherwise refused silently,
/// so a flood costs a dictionary lookup per message — no transaction, no reply.
///
/// A value type on the caller's clock (virtual in tests). State is in memory:
/// buckets that have filled up again are pruned as the table grows, so memory
/// follows the members active in the last window, not every member ever seen.
public struct CommandRateLimiter: Sendable {
    /// What happens to one command.
    public enum Verdict: Sendable, Equatable {
        /// Within the limit (a token was taken).
        case allowed
        /// Over the limit, and the member has not been told in this window: tell them once.
        case refusedWithNotice
        /// Over the limit, already told: drop without a reply.
        case refusedSilently
    }

    private struct Bucket {
        var tokens: Double
        var updatedAt: Date
        /// No further notice before this time.
        var quietUntil: Date?
    }

    public private(set) var burst: Int
    public private(set) var refill: TimeInterval
    private var buckets: [String: Bucket] = [:]
    private var pruneAt = 1024

    public init(burst: Int, refill: TimeInterval) {
        self.burst = max(1, burst)
        self.refill = max(0.001, refill)
    }

    /// How long one notice covers: a drained bucket's time to fill again.
    public var window: TimeInterval { Double(burst) * refill }

    /// The number of members with a bucket that is not full (for tests).
    public var trackedMembers: Int { buckets.count }

    /// Changes the limits (a reload); members keep what they have, capped at the new burst.
    public mutating func configure(burst: Int, refill: TimeInterval) {
        self.burst = max(1, burst)
        self.refill = max(0.001, refill)
    }

    /// Takes a token for one command of `key`, or says how to refuse it.
    public mutating func take(_ key: String, at now: Date) -> Verdict {
        var bucket = refilled(key, at: now)
        defer { store(bucket, for: key, at: now) }
        if bucket.tokens >= 1 {
            bucket.tokens -= 1
            return .allowed
        }
        if let quiet = bucket.quietUntil, now < quiet { return .refusedSilently }
        bucket.quietUntil = now.addingTimeInterval(window)
        return .refusedWithNotice
    }

    /// Takes a token when there is one; never refuses. False when the member was over the limit.
    public mutating func takeIfAvailable(_ key: String, at now: Date) -> Bool {
        var bucket = refilled(key, at: now)
        defer { store(bucket, for: key, at: now) }
        guard bucket.tokens >= 1 else { return false }
        bucket.tokens -= 1
        return true
    }

    private func refilled(_ key: String, at now: Date) -> Bucket {
        guard var bucket = buckets[key] else { return Bucket(tokens: Double(burst), updatedAt: now) }
        // A clock that went back (a virtual clock reset) adds nothing rather than taking away.
        let elapsed = max(0, now.timeIntervalSince(bucket.updatedAt))
        bucket.tokens = min(Double(burst), bucket.tokens + elapsed / refill)
        bucket.updatedAt = now
        return bucket
    }

    private mutating func store(_ bucket: Bucket, for key: String, at now: Date) {
        buckets[key] = bucket
        if buckets.count >= pruneAt { prune(at: now) }
    }

    /// Forgets buckets that are full again and past their notice window: they
    /// behave exactly like a member never seen.
    private mutating func prune(at now: Date) {
        buckets = buckets.filter { _, bucket in
            let full = bucket.tokens + max(0, now.timeIntervalSince(bucket.updatedAt)) / refill >= Double(burst)
            let quiet = bucket.quietUntil.map { now >= $0 } ?? true
            return !(full && quiet)
        }
        pruneAt = max(1024, buckets.count * 2)
    }
}
