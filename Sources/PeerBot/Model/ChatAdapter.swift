/// The one protocol every platform adapter implements.
///
/// An adapter yields the platform's traffic as `InboundEvent`s and performs
/// `OutboundAction`s. It never calls into the core in any other way.
public protocol ChatAdapter: Sendable {
    /// The platform this adapter serves.
    var platform: Platform { get }

    /// Inbound events, in the order the platform delivered them. The stream
    /// finishes when the adapter stops (end of input, fatal error, shutdown).
    func events() -> AsyncStream<InboundEvent>

    /// Starts the connection (if any) and runs until `stop()` or a fatal error.
    func run() async throws

    /// Performs one outbox entry. `idempotencyKey` is stable across retries of
    /// the same entry, so a platform that supports it never posts twice.
    /// Throws `DeliveryError` on failure.
    func perform(_ action: OutboundAction, idempotencyKey: String) async throws -> DeliveryReceipt

    /// Performs one outbox entry of `lane`; the outbox calls this one. An
    /// adapter with rate limiters waits in the matching lane of each, so an
    /// urgent entry (a page, an acknowledgement, an escalation answer) is
    /// never held behind normal sends. Default: `perform(_:idempotencyKey:)`.
    func perform(_ action: OutboundAction, idempotencyKey: String, lane: OutboxLane) async throws -> DeliveryReceipt

    /// Stops taking events and closes connections cleanly.
    func stop() async

    /// True when each event's outbox entries must be delivered before the next
    /// event is read (the console, so its transcript reads in order).
    var processesInLockstep: Bool { get }

    /// Called by the runtime when an event has been handled: the records and
    /// outbox entries it produced are committed. For lockstep adapters those
    /// entries have also been delivered. Events are reported in the order yielded.
    func didProcess(_ event: InboundEvent) async

    /// The connection's state and counters, read whenever `/healthz` or
    /// `/metrics` is asked for. Must be cheap and must not block (a copy kept
    /// under a lock). Default: `.connected` (an adapter without a connection).
    var health: AdapterHealth { get }
}

extension ChatAdapter {
    public func perform(_ action: OutboundAction, idempotencyKey: String, lane: OutboxLane) async throws -> DeliveryReceipt {
        try await perform(action, idempotencyKey: idempotencyKey)
    }
    public var processesInLockstep: Bool { false }
    public func didProcess(_ event: InboundEvent) async {}
    public var health: AdapterHealth { .connected }
}

/// What an adapter reports after performing an action.
public struct DeliveryReceipt: Sendable, Equatable {
    /// The platform id of the message that was posted (to recognise reactions to it later).
    public var messageID: String?

    public init(messageID: String? = nil) {
        self.messageID = messageID
    }
}

/// Why an action could not be delivered.
public enum DeliveryError: Error, Sendable, Equatable {
    /// Worth retrying later (network fault, 5xx, rate limit). `retryAfter` in seconds when the platform said.
    case transient(String, retryAfter: Double? = nil)
    /// Will never succeed (unknown channel, forbidden); the entry is marked failed.
    case permanent(String)
}
