import Foundation

/// The outbox: outbound actions persisted before delivery, delivered in lane
/// order, retried until delivered or failed for good.
public protocol OutboxRecords {
    /// Adds an entry and returns its id.
    @discardableResult
    func enqueue(_ action: OutboundAction, lane: OutboxLane, tag: String?, at now: Date) throws -> Int64
    /// Pending entries whose next attempt is due, urgent lane first, then oldest first.
    func dueOutboxEntries(at now: Date, limit: Int) throws -> [OutboxEntry]
    /// The earliest next attempt of any pending entry.
    func nextOutboxAttempt() throws -> Date?
    /// Claims a due pending entry for delivery by moving its next attempt to
    /// `until`; false when it is no longer due (another process claimed or
    /// delivered it). A process that dies mid-delivery leaves the entry to be
    /// retried, with the same idempotency key, once the claim runs out.
    func claimOutboxEntry(_ id: Int64, until: Date, at now: Date) throws -> Bool
    /// Marks an entry delivered and drops its text (only ids and times are kept).
    func markDelivered(_ id: Int64, messageID: String?, at now: Date) throws
    /// Schedules another attempt.
    func markRetry(_ id: Int64, nextAttemptAt: Date, error: String) throws
    /// Gives up on an entry.
    func markFailed(_ id: Int64, error: String, at now: Date) throws
    /// Number of pending entries.
    func outboxDepth() throws -> Int
    /// The tag of the delivered entry that posted `messageID` on `platform` (to match reactions).
    func outboxTag(forDeliveredMessage messageID: String, on platform: Platform) throws -> String?
    /// Entries with a tag, any state (for tests, audits and "was this page sent?").
    func outboxEntryCount(tag: String) throws -> Int
}
