import Foundation
import PeerBot
import Testing

extension SQLiteStore {
    /// Replaces the member's next check-in prompt with an occurrence due now, written into
    /// the database of a running `peerbot run` (which has no virtual clock): its scheduler
    /// (real clock, one look a second) runs it, marks it done and queues the prompt in one
    /// transaction. Returns the job's key.
    func makeCheckinPromptDue(memberKey: String) throws -> String {
        let key = "checkin:\(memberKey):crash-test"
        let now = Date()
        let job = Job(
            kind: CheckinsFeature.promptKind, key: key, memberKey: memberKey, dueAt: now,
            payload: #"{"occurrence":\#(now.timeIntervalSince1970)}"#)
        try write { transaction in
            try transaction.cancelJobs(memberKey: memberKey, kind: CheckinsFeature.promptKind)
            #expect(try transaction.schedule(job), "a new occurrence")
        }
        return key
    }
}
