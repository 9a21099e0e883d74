import Foundation
import PeerBot

extension MatrixSyncLoop {
    /// How long a reaction waits for the delivery of the message it reacts to to be recorded.
    static let reactionTargetWait: TimeInterval = 60

    /// Holds a reaction to one of PeerBot's own messages until the outbox has
    /// recorded that message's delivery (its event id). A facilitator can react
    /// ✅ to a page before PeerBot has read the answer to its own `PUT /send` —
    /// when that answer is slow, or lost and the send retried (seen in the soak
    /// test) — and the core recognises an acknowledgement only by the recorded
    /// event id: without the wait the ✅ would be ignored and the page repeated.
    /// Reactions to anything else pass at once; after `reactionTargetWait` the
    /// reaction passes anyway (the delivery failed for good, or the store is unreadable).
    func waitUntilRecorded(reactionTarget eventID: String) async throws {
        guard let transaction = ownEvents.transaction(of: eventID) else { return }
        let deadline = Date().addingTimeInterval(Self.reactionTargetWait)
        var waited = false
        while (try? store.read({ try $0.outboxEntryIsPending(idempotencyKey: transaction) })) == true, Date() < deadline {
            waited = true
            try await Task.sleep(for: .milliseconds(100))
        }
        if waited {
            logger.info("a reaction waited for the delivery of the message it reacts to", metadata: ["event": "\(eventID)"])
        }
    }
}
