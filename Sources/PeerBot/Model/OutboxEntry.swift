import Foundation

/// One persisted outbound action and its delivery state.
public struct OutboxEntry: Sendable, Equatable {
    public var id: Int64
    public var action: OutboundAction
    public var lane: OutboxLane
    /// Stable across retries; adapters pass it to the platform (txnId, nonce, Idempotency-Key).
    public var idempotencyKey: String
    /// Correlates the entry with a feature's record, e.g. `ticket:3:tier:1`.
    public var tag: String?
    public var attempts: Int
    public var createdAt: Date
    public var nextAttemptAt: Date

    public init(
        id: Int64, action: OutboundAction, lane: OutboxLane, idempotencyKey: String, tag: String?,
        attempts: Int, createdAt: Date, nextAttemptAt: Date
    ) {
        self.id = id
        self.action = action
        self.lane = lane
        self.idempotencyKey = idempotencyKey
        self.tag = tag
        self.attempts = attempts
        self.createdAt = createdAt
        self.nextAttemptAt = nextAttemptAt
    }
}
