import Foundation
import Logging

/// Delivers outbox entries through the adapters, oldest first in each lane;
/// transient failures are retried with backoff, permanent ones marked failed.
///
/// Each lane has its own delivery pass, and the two run side by side: pages
/// and other urgent entries never wait behind normal-lane sends already on
/// their way (each can take a platform round trip). One pass per lane runs at
/// a time, so no entry is performed twice by this process.
public actor OutboxDispatcher {
    private let store: any Store
    private let clock: any WallClock
    private var adapters: [Platform: any ChatAdapter] = [:]
    private let backoff: ExponentialBackoff
    private let metrics: BotMetrics
    private let logger: Logger
    /// Indexed by `OutboxLane.rawValue`.
    private var passes = [LanePass(), LanePass()]
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

    /// One lane's delivery pass.
    private struct LanePass {
        var running = false
        var runAgain = false
        var waiters: [CheckedContinuation<Void, Never>] = []
        /// Set when the last look in the database found nothing to deliver in the lane.
        var quiet: QuietLane?
    }

    /// What a look in the database that found nothing to deliver saw. What this
    /// process adds reaches the dispatcher in memory (`Store.takeNewOutboxEntries`),
    /// so until a retry comes due or `recheck` has passed (for what another
    /// process may have added) a drain after every message touches no database.
    private struct QuietLane {
        /// Real time of the look.
        var lookedAt: Date
        /// The lane's earliest pending attempt (a retry, or an entry another process holds), if any.
        var nextAttempt: Date?
    }

    /// How long a quiet lane is trusted before the database is looked at again.
    private let recheck: TimeInterval = 1

    public init(
        store: any Store, clock: any WallClock, backoff: ExponentialBackoff = ExponentialBackoff(base: 2, cap: 300),
        leaseClock: any WallClock = SystemWallClock(), metrics: BotMetrics = BotMetrics(),
        logger: Logger = Logger(label: "peerbot.outbox")
    ) {
        self.store = store
        self.clock = clock
        self.leaseClock = leaseClock
        self.backoff = backoff
        self.metrics = metrics
        self.logger = logger
    }

    /// Registers the adapter that performs actions for its platform.
    public func register(_ adapter: any ChatAdapter) {
        adapters[adapter.platform] = adapter
    }

    /// Delivers every entry due now, urgent lane first, and returns when none
    /// is left (entries waiting for a later retry stay queued). A caller that
    /// finds a lane's pass already running waits for it; an urgent entry is
    /// not held up by a normal-lane pass in flight.
    public func drain() async {
        startDelivering()
        await drain(.urgent, waiting: true)
        await drain(.normal, waiting: true)
    }

    /// Like `drain()`, for callers that need not see the deliveries done: a
    /// lane whose pass is running is asked to look again, and this returns.
    /// The runtime calls it after each event; with `drain()` every event that
    /// came during a slow delivery (a 429, a dropped connection) left a task
    /// waiting, thousands in the soak test, and the heap kept that peak.
    public func drainSoon() async {
        startDelivering()
        await drain(.urgent, waiting: false)
        await drain(.normal, waiting: false)
    }

    private func startDelivering() {
        guard !releasedStaleClaims else { return }
        releaseClaimsOfGoneProcesses()
        releasedStaleClaims = true
        // From the first delivery on, what this process adds comes straight here;
        // what was added before is found by this drain's first look.
        store.handOffNewOutboxEntries(to: owner.description, lease: lease)
    }

    /// Like `drain()`, but looks in the database first whatever the lanes last
    /// saw: before stopping, what another process added just now is delivered too.
    public func drainEverything() async {
        passes[OutboxLane.urgent.rawValue].quiet = nil
        passes[OutboxLane.normal.rawValue].quiet = nil
        await drain()
        do {
            try store.recordPendingDeliveries()
        } catch {
            logger.error("cannot update the outbox", metadata: ["error": "\(error)"])
        }
    }

    /// Runs `lane`'s pass, or when one is running asks it to look again and,
    /// if `waiting`, returns when it ends.
    private func drain(_ lane: OutboxLane, waiting: Bool) async {
        let index = lane.rawValue
        if passes[index].running {
            passes[index].runAgain = true
            if waiting { await withCheckedContinuation { passes[index].waiters.append($0) } }
            return
        }
        passes[index].running = true
        repeat {
            passes[index].runAgain = false
            await deliverDueEntries(lane)
        } while passes[index].runAgain
        passes[index].running = false
        let finished = passes[index].waiters
        passes[index].waiters.removeAll()
        for waiter in finished { waiter.resume() }
    }

    private func deliverDueEntries(_ lane: OutboxLane) async {
        let index = lane.rawValue
        // A cancelled pass (a shutdown past its deadline) takes nothing more.
        while !Task.isCancelled {
            let handedOver = store.takeNewOutboxEntries(lane: lane)
            var claimed: [OutboxEntry] = []
            if needsLook(index) {
                let leaseNow = leaseClock.now
                let nextAttempt: Date?
                do {
                    (claimed, nextAttempt) = try store.write { transaction in
                        let batch = try transaction.claimDueOutboxEntries(
                            lane: lane, at: clock.now, owner: owner.description, leaseNow: leaseNow,
                            leaseUntil: leaseNow.addingTimeInterval(lease), limit: 16)
                        return (batch, batch.isEmpty ? try transaction.nextOutboxAttempt(lane: lane) : nil)
                    }
                } catch {
                    logger.error("cannot read the outbox", metadata: ["error": "\(error)"])
                    claimed = []
                    nextAttempt = nil
                }
                passes[index].quiet = claimed.isEmpty ? QuietLane(lookedAt: leaseNow, nextAttempt: nextAttempt) : nil
            }
            if handedOver.isEmpty, claimed.isEmpty { return }
            // Oldest first: an entry released by a stopped process goes before one added just now.
            let batch = claimed.isEmpty ? handedOver : (claimed + handedOver).sorted { $0.id < $1.id }
            for entry in batch where !Task.isCancelled { await deliver(entry) }
        }
    }

    /// Whether the lane must be looked at in the database, rather than trusting
    /// that only entries handed over in memory are due.
    private func needsLook(_ index: Int) -> Bool {
        guard let quiet = passes[index].quiet else { return true }
        if leaseClock.now.timeIntervalSince(quiet.lookedAt) >= recheck { return true }
        return quiet.nextAttempt.map { $0 <= clock.now } ?? false
    }

    /// Releases the claims this process holds, so that whatever it could not
    /// deliver before stopping is delivered at once by the next start.
    public func releaseOwnClaims() {
        record { try $0.releaseOutboxClaims(of: [owner.description]) }
    }

    /// Claims left by a process that crashed are released at once rather than
    /// after their lease, so a restart delivers what the old process could not.
    private func releaseClaimsOfGoneProcesses() {
        record { transaction in
            let gone = try transaction.outboxClaimOwners().filter { text in
                guard let holder = OutboxClaimOwner(text), holder != owner else { return false }
                return holder.isGoneFromThisHost || holder.isEarlierProcess(withTheSamePidAs: owner)
            }
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
            passes[entry.lane.rawValue].quiet = nil
            return
        }
        do {
            let receipt = try await adapter.perform(entry.action, idempotencyKey: entry.idempotencyKey, lane: entry.lane)
            if entry.lane == .urgent {
                // A page's record is written at once: a facilitator's ✅ is matched against it.
                record { try $0.markDelivered(entry.id, messageID: receipt.messageID, at: clock.now) }
            } else {
                store.markDeliveredSoon(entry.id, messageID: receipt.messageID, at: clock.now)
            }
            deliveredCount += 1
            metrics.actionDelivered(platform: platform, action: entry.action.metricsName)
        } catch let failure as DeliveryError {
            switch failure {
            case .transient(let reason, let retryAfter):
                let wait = retryAfter ?? backoff.delay(attempt: entry.attempts)
                logger.warning(
                    "delivery failed; will retry",
                    metadata: ["platform": "\(platform)", "entry": "\(entry.id)", "reason": "\(reason)", "retry_in_s": "\(Int(wait.rounded(.up)))"])
                record { try $0.markRetry(entry.id, nextAttemptAt: clock.now.addingTimeInterval(wait), error: reason) }
                passes[entry.lane.rawValue].quiet = nil
                metrics.deliveryRetried(platform: platform)
            case .permanent(let reason):
                logger.error("delivery failed for good", metadata: ["platform": "\(platform)", "entry": "\(entry.id)", "reason": "\(reason)"])
                record { try $0.markFailed(entry.id, error: reason, at: clock.now) }
                metrics.actionFailed(platform: platform)
            }
        } catch is CancellationError {
            // A shutdown gave up waiting: not a failed attempt. The claim is released
            // (`releaseOwnClaims`), so the next start delivers the entry at once.
            logger.notice("delivery interrupted by shutdown; kept for the next start", metadata: ["platform": "\(platform)", "entry": "\(entry.id)"])
        } catch {
            let wait = backoff.delay(attempt: entry.attempts)
            logger.warning("delivery failed; will retry", metadata: ["platform": "\(platform)", "entry": "\(entry.id)", "reason": "\(error)"])
            record { try $0.markRetry(entry.id, nextAttemptAt: clock.now.addingTimeInterval(wait), error: "\(error)") }
            passes[entry.lane.rawValue].quiet = nil
            metrics.deliveryRetried(platform: platform)
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
