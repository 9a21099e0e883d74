import Foundation
import Logging

/// Delivers outbox entries through the adapters: urgent lane first, oldest
/// first; transient failures are retried with backoff, permanent ones marked
/// failed. One delivery pass runs at a time, so no entry is performed twice
/// by this process.
public actor OutboxDispatcher {
    private let store: any Store
    private let clock: any WallClock
    private var adapters: [Platform: any ChatAdapter] = [:]
    private let backoff: ExponentialBackoff
    private let logger: Logger
    private var running = false
    private var runAgain = false
    private var waiters: [CheckedContinuation<Void, Never>] = []
    /// How long a claimed entry is reserved for this process's delivery attempt.
    static let claimSeconds: TimeInterval = 120
    /// Entries delivered since start, for tests and metrics.
    public private(set) var deliveredCount = 0

    public init(
        store: any Store, clock: any WallClock, backoff: ExponentialBackoff = ExponentialBackoff(base: 2, cap: 300),
        logger: Logger = Logger(label: "peerbot.outbox")
    ) {
        self.store = store
        self.clock = clock
        self.backoff = backoff
        self.logger = logger
    }

    /// Registers the adapter that performs actions for its platform.
    public func register(_ adapter: any ChatAdapter) {
        adapters[adapter.platform] = adapter
    }

    /// Delivers every entry due now and returns when none is left (entries
    /// waiting for a later retry stay queued). Concurrent callers share one pass.
    public func drain() async {
        if running {
            runAgain = true
            await withCheckedContinuation { waiters.append($0) }
            return
        }
        running = true
        repeat {
            runAgain = false
            await deliverDueEntries()
        } while runAgain
        running = false
        let finished = waiters
        waiters.removeAll()
        for waiter in finished { waiter.resume() }
    }

    private func deliverDueEntries() async {
        while true {
            let batch: [OutboxEntry]
            do {
                batch = try store.read { try $0.dueOutboxEntries(at: clock.now, limit: 64) }
            } catch {
                logger.error("cannot read the outbox", metadata: ["error": "\(error)"])
                return
            }
            if batch.isEmpty { return }
            for entry in batch { await deliver(entry) }
        }
    }

    private func deliver(_ entry: OutboxEntry) async {
        let platform = entry.action.platform
        guard let adapter = adapters[platform] else {
            logger.warning("no adapter running for the entry's platform; kept for later", metadata: ["platform": "\(platform)", "entry": "\(entry.id)"])
            record { try $0.markRetry(entry.id, nextAttemptAt: clock.now.addingTimeInterval(60), error: "no \(platform) adapter running") }
            return
        }
        // Another process on the same database may have read the same entry: only the claimant delivers it.
        let claimed: Bool
        do {
            claimed = try store.write { try $0.claimOutboxEntry(entry.id, until: clock.now.addingTimeInterval(Self.claimSeconds), at: clock.now) }
        } catch {
            logger.error("cannot claim an outbox entry", metadata: ["entry": "\(entry.id)", "error": "\(error)"])
            return
        }
        guard claimed else { return }
        do {
            let receipt = try await adapter.perform(entry.action, idempotencyKey: entry.idempotencyKey)
            record { try $0.markDelivered(entry.id, messageID: receipt.messageID, at: clock.now) }
            deliveredCount += 1
        } catch let failure as DeliveryError {
            switch failure {
            case .transient(let reason, let retryAfter):
                let wait = retryAfter ?? backoff.delay(attempt: entry.attempts)
                logger.warning(
                    "delivery failed; will retry",
                    metadata: ["platform": "\(platform)", "entry": "\(entry.id)", "reason": "\(reason)", "retry_in_s": "\(Int(wait.rounded(.up)))"])
                record { try $0.markRetry(entry.id, nextAttemptAt: clock.now.addingTimeInterval(wait), error: reason) }
            case .permanent(let reason):
                logger.error("delivery failed for good", metadata: ["platform": "\(platform)", "entry": "\(entry.id)", "reason": "\(reason)"])
                record { try $0.markFailed(entry.id, error: reason, at: clock.now) }
            }
        } catch {
            let wait = backoff.delay(attempt: entry.attempts)
            logger.warning("delivery failed; will retry", metadata: ["platform": "\(platform)", "entry": "\(entry.id)", "reason": "\(error)"])
            record { try $0.markRetry(entry.id, nextAttemptAt: clock.now.addingTimeInterval(wait), error: "\(error)") }
        }
    }

    private func record(_ body: (any StoreTransaction) throws -> Void) {
        do {
            try store.write(body)
        } catch {
            logger.error("cannot update the outbox", metadata: ["error": "\(error)"])
        }
    }
}
