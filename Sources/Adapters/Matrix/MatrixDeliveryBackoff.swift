import Foundation
import PeerBot
import Synchronization

/// How long a delivery waits before its retry while the homeserver is
/// unreachable: exponential with jitter, capped by `matrix.max_backoff` like
/// the sync loop's reconnection attempts. Without a hint the outbox would back
/// each entry off on its own, up to 5 minutes — so replies and pages could sit
/// in the outbox minutes after the homeserver came back (seen in the soak test
/// after a homeserver restart). The count is shared by every delivery and
/// cleared by any success, a delivery's or a sync's.
final class MatrixDeliveryBackoff: Sendable {
    private let backoff: ExponentialBackoff
    private let failures = Mutex(0)

    init(cap: TimeInterval) {
        backoff = ExponentialBackoff(base: 1, cap: cap, floor: 0.5)
    }

    /// Counts a failure and returns the seconds to wait before retrying.
    func failed(random: Double = Double.random(in: 0..<1)) -> TimeInterval {
        let attempt = failures.withLock { count in
            defer { count += 1 }
            return count
        }
        return backoff.delay(attempt: attempt, random: random)
    }

    /// The homeserver answered: the next failure starts from a short wait again.
    func succeeded() {
        failures.withLock { $0 = 0 }
    }
}
