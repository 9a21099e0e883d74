import Foundation
import Synchronization

/// Deliveries performed but not yet written to the outbox: each is written
/// by the next transaction the store begins (or before its next read), rather
/// than in a transaction of its own.
///
/// Should the process die before that, the entry is delivered again by the
/// next start under the same idempotency key, which the platforms use to
/// drop the repeat — the same path as a platform answer lost on the way back.
final class PendingDeliveries: Sendable {
    struct Delivery: Sendable {
        var id: Int64
        var messageID: String?
        var at: Date
    }

    private let waiting = Mutex<[Delivery]>([])

    var isEmpty: Bool { waiting.withLock { $0.isEmpty } }

    func add(_ delivery: Delivery) {
        waiting.withLock { $0.append(delivery) }
    }

    /// Every waiting delivery, now the caller's to write.
    func take() -> [Delivery] {
        waiting.withLock { waiting in
            guard !waiting.isEmpty else { return [] }
            defer { waiting.removeAll(keepingCapacity: true) }
            return waiting
        }
    }

    /// Puts back deliveries whose transaction rolled back.
    func restore(_ deliveries: [Delivery]) {
        guard !deliveries.isEmpty else { return }
        waiting.withLock { $0.insert(contentsOf: deliveries, at: 0) }
    }
}
