import Foundation

/// Deletes bookkeeping that has served its purpose: finished jobs and outbox
/// entries, reminder timestamps past their cooldowns, and the time of a
/// member's last crisis-line offer. Run by the daily retention sweep.
public protocol HousekeepingRecords {
    /// Done, skipped or cancelled jobs that were due before `instant`; returns how many.
    func deleteFinishedJobs(dueBefore instant: Date) throws -> Int
    /// Delivered or failed outbox entries finished before `instant` (their text is already gone); returns how many.
    func deleteFinishedOutboxEntries(before instant: Date) throws -> Int
    /// Content-warning reminder times older than `instant`; returns how many.
    func deleteTopicReminders(sentBefore instant: Date) throws -> Int
    /// Boundary reminder times older than `instant`; returns how many.
    func deleteBoundaryReminders(sentBefore instant: Date) throws -> Int
    /// A setting holding a time (seconds since 1970) older than `instant`, for every member; returns how many.
    func deleteTimeSettings(_ name: MemberSetting, before instant: Date) throws -> Int
}
