import Foundation

/// The outbox: outbound actions persisted before delivery, delivered in lane
/// order, retried until delivered or failed for good.
public protocol OutboxRecords {
    /// Adds an entry and returns its id.
    @discardableResult
    func enqueue(_ action: OutboundAction, lane: OutboxLane, tag: String?, at now: Date) throws -> Int64
    /// Pending entries whose next attempt is due, urgent lane first, then oldest first.
    func dueOutboxEntries(at now: Date, limit: Int) throws -> [OutboxEntry]
    /// Claims up to `limit` due entries for `owner` until `leaseUntil` (real
    /// time, not the bot's clock): entries under a claim whose lease has not
    /// run out are skipped, whoever holds it — this process's own claims too,
    /// since those are already on their way (`Store.handOffNewOutboxEntries`). Delivery then marks each one delivered, retried or failed,
    /// which also releases the claim.
    func claimDueOutboxEntries(at now: Date, owner: String, leaseNow: Date, leaseUntil: Date, limit: Int) throws -> [OutboxEntry]
    /// Like `claimDueOutboxEntries(at:owner:leaseNow:leaseUntil:limit:)`, for one lane only.
    func claimDueOutboxEntries(
        lane: OutboxLane, at now: Date, owner: String, leaseNow: Date, leaseUntil: Date, limit: Int
    ) throws -> [OutboxEntry]
    /// Owners holding claims on pending entries.
    func outboxClaimOwners() throws -> [String]
    /// Releases every claim held by these owners (processes that are gone).
    func releaseOutboxClaims(of owners: [String]) throws
    /// The earliest next attempt of any pending entry.
    func nextOutboxAttempt() throws -> Date?
    /// The earliest next attempt of any pending entry in `lane` (claimed or not).
    func nextOutboxAttempt(lane: OutboxLane) throws -> Date?
    /// Marks an entry delivered and drops its text (only ids and times are kept).
    func markDelivered(_ id: Int64, messageID: String?, at now: Date) throws
    /// Schedules another attempt.
    func markRetry(_ id: Int64, nextAttemptAt: Date, error: String) throws
    /// Gives up on an entry.
    func markFailed(_ id: Int64, error: String, at now: Date) throws
    /// Number of pending entries.
    func outboxDepth() throws -> Int
    /// When the oldest pending entry was queued (for the health check); nil when none is pending.
    func oldestPendingOutboxEntry() throws -> Date?
    /// The tag of the delivered entry that posted `messageID` on `platform` (to match reactions).
    func outboxTag(forDeliveredMessage messageID: String, on platform: Platform) throws -> String?
    /// Entries with a tag, any state (for tests, audits and "was this page sent?").
    func outboxEntryCount(tag: String) throws -> Int
    /// True while the entry with `idempotencyKey` waits for delivery (its platform
    /// message id is not recorded yet); false once delivered or failed, or when there is none.
    func outboxEntryIsPending(idempotencyKey: String) throws -> Bool
}
