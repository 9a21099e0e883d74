import Foundation
import PeerBot

/// Steps a test takes on the database of a running `peerbot run` (another
/// process on the same SQLite file), shared by the adapters' crash-safety tests.
extension SQLiteStore {
    /// The key of the occurrence `makeCheckinPromptDue(memberKey:)` writes.
    public static func dueCheckinPromptKey(memberKey: String) -> String {
        "checkin:\(memberKey):crash-test"
    }

    /// Replaces the member's next check-in prompt with an occurrence due now. `peerbot run`
    /// has no virtual clock: its scheduler (real clock, one look a second) finds the job,
    /// runs it, marks it done and queues the prompt in one transaction. Returns false when
    /// the occurrence existed already.
    @discardableResult
    public func makeCheckinPromptDue(memberKey: String) throws -> Bool {
        let now = Date()
        let job = Job(
            kind: CheckinsFeature.promptKind, key: Self.dueCheckinPromptKey(memberKey: memberKey), memberKey: memberKey,
            dueAt: now, payload: #"{"occurrence":\#(now.timeIntervalSince1970)}"#)
        return try write { transaction in
            try transaction.cancelJobs(memberKey: memberKey, kind: CheckinsFeature.promptKind)
            return try transaction.schedule(job)
        }
    }

    /// The state of the job with `key` (`pending`, `done`, …), or nil when there is none.
    public func jobState(key: String) throws -> String? {
        try rawRows("SELECT state FROM job WHERE key = ?", arguments: [key]).first?["state"]
    }

    /// Waits until the outbox has nothing left to deliver: after that no message can still come.
    public func waitUntilOutboxIsEmpty(seconds: Int = 60) async throws {
        let deadline = ContinuousClock.now + .seconds(seconds)
        while try read({ try $0.outboxDepth() }) > 0 {
            guard ContinuousClock.now < deadline else { throw PeerBotExecutable.Failed(description: "the outbox never emptied") }
            try await Task.sleep(for: .milliseconds(50))
        }
    }
}
