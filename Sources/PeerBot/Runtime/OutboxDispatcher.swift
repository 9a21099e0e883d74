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
    /// This process, as the holder of outbox claims.
    private let owner = OutboxClaimOwner.current()
    /// Real time for claim leases: a lease is about whether a process is alive,
    /// not about the bot's (possibly virtual) clock.
    private let leaseClock: any WallClock
    /// How long a claim holds when its process stops answering.
    private let lease: TimeInterval = 300
    private var releasedStaleClaims = false
    /// Entries delivered since start, for tests and metrics.
    public private(set) var deliveredCount = 0

    public init(
        store: any Store, clock: any WallClock, backoff: ExponentialBackoff = ExponentialBackoff(base: 2, cap: 300),
        leaseClock: any WallClock = SystemWallClock(), logger: Logger = Logger(label: "peerbot.outbox")
    ) {
        self.store = store
        self.clock = clock
        self.leaseClock = leaseClock
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
        if !releasedStaleClaims {
            releaseClaimsOfGoneProcesses()
            releasedStaleClaims = true
        }
        while true {
            let batch: [OutboxEntry]
            do {
                let leaseNow = leaseClock.now
                batch = try store.write {
                    try $0.claimDueOutboxEntries(
                        at: clock.now, owner: owner.description, leaseNow: leaseNow,
                        leaseUntil: leaseNow.addingTimeInterval(lease), limit: 16)
                }
            } catch {
                logger.error("cannot read the outbox", metadata: ["error": "\(error)"])
                return
            }
            if batch.isEmpty { return }
            for entry in batch { await deliver(entry) }
        }
    }

    /// Claims left by a process that crashed are released at once rather than
    /// after their lease, so a restart delivers what the old process could not.
    private func releaseClaimsOfGoneProcesses() {
        record { transaction in
            let gone = try transaction.outboxClaimOwners().filter { OutboxClaimOwner($0)?.isGoneFromThisHost ?? false }
            if !gone.isEmpty {
                try transaction.releaseOutboxClaims(of: gone)
                logger.notice("released outbox claims of stopped processes", metadata: ["count": "\(gone.count)"])
            }
        }
    }

    private func deliver(_ entry: OutboxEntry) async {
        let platform = entry.action.platform
        guard let adapter = adapters[platform] else {
            logger.warning("no adapter running for the entry's platform; kept for later", metadata: ["platform": "\(platform)", "entry": "\(entry.id)"])
            record { try $0.markRetry(entry.id, nextAttemptAt: clock.now.addingTimeInterval(60), error: "no \(platform) adapter running") }
            return
        }
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
