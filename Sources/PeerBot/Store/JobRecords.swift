import Foundation

/// Persisted scheduler jobs.
public protocol JobRecords {
    /// Stores a job unless one with the same key exists; returns true when stored.
    @discardableResult
    func schedule(_ job: Job) throws -> Bool
    /// The oldest pending job due at or before `instant`.
    func nextDueJob(notAfter instant: Date) throws -> Job?
    /// The due time of the earliest pending job.
    func earliestPendingJob() throws -> Date?
    /// Marks a job done (or skipped) so it never runs again.
    func finishJob(_ id: Int64, state: JobState, at now: Date) throws
    /// Cancels pending jobs of `kind` for a member (nil kind: all kinds).
    func cancelJobs(memberKey: String, kind: String?) throws
    /// Cancels a pending job by key.
    func cancelJob(key: String) throws
    /// Pending jobs of a member.
    func pendingJobs(memberKey: String) throws -> [Job]
    /// Pending jobs of a kind.
    func pendingJobs(kind: String) throws -> [Job]
}

/// The life of a job row.
public enum JobState: String, Sendable {
    case pending, done, skipped, cancelled
}
