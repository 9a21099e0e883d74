import Foundation
import PeerBot

/// The `/sync` loop as a value type: what to do next, given what happened.
/// No sockets and no clock inside — callers pass `now` and a random draw, so
/// tests drive it with a virtual clock.
///
/// Rules (client-server API v3, "Syncing" and "Rate limiting"):
/// - the first sync ever (no stored position) returns at once (`timeout=0`)
///   and is taken as history: PeerBot starts at the present;
/// - later syncs long-poll for `syncTimeout`; the first one after a start asks
///   for `full_state` so power levels and encryption are known again;
/// - the position advances only when the caller reports the batch handled
///   (`synced`), so a crash replays a batch rather than skipping it;
/// - failures back off exponentially with full jitter up to a cap; a 429
///   waits exactly what `Retry-After` / `retry_after_ms` asked; the retry
///   after a failure does not long-poll (`timeout=0`);
/// - a rejected token (`M_UNKNOWN_TOKEN`, `M_MISSING_TOKEN`) or another fatal
///   error stops the loop: retrying cannot fix it.
public struct MatrixSyncState: Sendable {
    /// One `/sync` call's parameters.
    public struct Request: Sendable, Equatable {
        public var since: String?
        /// Seconds the server may hold the request open.
        public var timeout: TimeInterval
        public var fullState: Bool
    }

    /// What the loop should do now.
    public enum Step: Sendable, Equatable {
        case sync(Request)
        /// Wait this many seconds, then ask again.
        case wait(TimeInterval)
        case stop(MatrixStopReason)
    }

    /// What came of the last request.
    public enum Outcome: Sendable, Equatable {
        /// The batch was handled; `nextBatch` is the new position.
        case synced(nextBatch: String)
        /// 429 `M_LIMIT_EXCEEDED`, with the server's hint in seconds if any.
        case rateLimited(retryAfter: TimeInterval?)
        /// Network fault, timeout, 5xx: try again after a backoff.
        case failed(String)
        /// Retrying cannot help.
        case fatal(MatrixStopReason)
    }

    /// The stored position; nil before the first successful sync.
    public private(set) var since: String?
    /// Failures since the last success.
    public private(set) var consecutiveFailures = 0
    public let syncTimeout: TimeInterval
    public let backoff: ExponentialBackoff
    private var needsFullState: Bool
    private var resumeAt: Date?
    private var stopReason: MatrixStopReason?

    public init(since: String?, syncTimeout: TimeInterval = 30, backoff: ExponentialBackoff = ExponentialBackoff(base: 1, cap: 300, floor: 0.5)) {
        self.since = since
        self.syncTimeout = syncTimeout
        self.backoff = backoff
        needsFullState = since != nil
    }

    /// True when the next sync is the first ever, whose timeline is history.
    public var isInitialSync: Bool { since == nil }

    /// The next step at `now`.
    public func next(now: Date) -> Step {
        if let stopReason { return .stop(stopReason) }
        if let resumeAt, now < resumeAt { return .wait(resumeAt.timeIntervalSince(now)) }
        // After a failure the retry returns at once, so the loop learns the homeserver
        // is back without waiting for an event or the long-poll timeout (as matrix-js-sdk
        // does: sync.ts getSyncParams, timeout 0 while reconnecting).
        let immediate = since == nil || consecutiveFailures > 0
        return .sync(Request(since: since, timeout: immediate ? 0 : syncTimeout, fullState: needsFullState))
    }

    /// Records the outcome of the request `next` asked for. `random` in 0..<1 draws the jitter.
    public mutating func record(_ outcome: Outcome, now: Date, random: Double) {
        switch outcome {
        case .synced(let nextBatch):
            since = nextBatch
            consecutiveFailures = 0
            needsFullState = false
            resumeAt = nil
        case .rateLimited(let retryAfter):
            consecutiveFailures += 1
            let wait = retryAfter.map { max($0, backoff.floor) } ?? backoff.delay(attempt: consecutiveFailures - 1, random: random)
            resumeAt = now.addingTimeInterval(wait)
        case .failed:
            consecutiveFailures += 1
            resumeAt = now.addingTimeInterval(backoff.delay(attempt: consecutiveFailures - 1, random: random))
        case .fatal(let reason):
            stopReason = reason
        }
    }
}
