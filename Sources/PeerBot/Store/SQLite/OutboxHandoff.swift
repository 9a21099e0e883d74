import Foundation
import Synchronization

/// New outbox entries on their way from the transaction that added them to
/// this process's dispatcher, without a round trip through the database.
///
/// Entries are added already claimed by `owner`, so no other process (and no
/// claim look of this one) takes them; they reach `waiting` only after their
/// transaction commits. Should this process die first, the claims of a gone
/// process are released by the next start and the entries delivered then.
final class OutboxHandoff: Sendable {
    /// The claim every handed-over entry is added with.
    struct Claim: Sendable {
        var owner: String
        var lease: TimeInterval
    }

    private struct State {
        var claim: Claim?
        /// Committed entries, by `OutboxLane.rawValue`, oldest first.
        var waiting: [[OutboxEntry]] = [[], []]
    }

    private let state = Mutex(State())

    /// The claim new entries get; nil until a dispatcher asks for the handoff.
    var claim: Claim? { state.withLock { $0.claim } }

    func start(owner: String, lease: TimeInterval) {
        state.withLock { $0.claim = Claim(owner: owner, lease: lease) }
    }

    /// Makes entries of a committed transaction available to the dispatcher.
    func committed(_ entries: [OutboxEntry]) {
        guard !entries.isEmpty else { return }
        state.withLock { state in
            for entry in entries { state.waiting[entry.lane.rawValue].append(entry) }
        }
    }

    func take(lane: OutboxLane) -> [OutboxEntry] {
        state.withLock { state in
            guard !state.waiting[lane.rawValue].isEmpty else { return [] }
            defer { state.waiting[lane.rawValue].removeAll(keepingCapacity: true) }
            return state.waiting[lane.rawValue]
        }
    }
}

/// The entries one transaction adds under a handoff claim, handed over when it commits.
final class OutboxHandoffBatch {
    let claim: OutboxHandoff.Claim
    var entries: [OutboxEntry] = []

    init(claim: OutboxHandoff.Claim) {
        self.claim = claim
    }
}
