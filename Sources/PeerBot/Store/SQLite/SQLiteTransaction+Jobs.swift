import Foundation
import GRDB

extension SQLiteTransaction: JobRecords {
    @discardableResult
    func schedule(_ job: Job) throws -> Bool {
        try cached.execute(
            sql: """
                INSERT OR IGNORE INTO job (kind, key, member_key, due_at, payload, missed_policy, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                job.kind, job.key, job.memberKey, job.dueAt.databaseSeconds, job.payload, job.missedPolicy.rawValue,
                Date().databaseSeconds,
            ])
        return try db.changesCount > 0
    }

    func nextDueJob(notAfter instant: Date) throws -> Job? {
        try Row.fetchOne(
            cached, sql: "SELECT * FROM job WHERE state = 'pending' AND due_at <= ? ORDER BY due_at, id LIMIT 1",
            arguments: [instant.databaseSeconds]
        ).map(Self.job(from:))
    }

    func earliestPendingJob() throws -> Date? {
        try Double.fetchOne(cached, sql: "SELECT MIN(due_at) FROM job WHERE state = 'pending'").map(Date.init(databaseSeconds:))
    }

    func finishJob(_ id: Int64, state: JobState, at now: Date) throws {
        try cached.execute(
            sql: "UPDATE job SET state = ?, finished_at = ? WHERE id = ? AND state = 'pending'",
            arguments: [state.rawValue, now.databaseSeconds, id])
    }

    func cancelJobs(memberKey: String, kind: String?) throws {
        if let kind {
            try cached.execute(
                sql: "UPDATE job SET state = 'cancelled' WHERE member_key = ? AND kind = ? AND state = 'pending'",
                arguments: [memberKey, kind])
        } else {
            try cached.execute(
                sql: "UPDATE job SET state = 'cancelled' WHERE member_key = ? AND state = 'pending'",
                arguments: [memberKey])
        }
    }

    func cancelJob(key: String) throws {
        try cached.execute(sql: "UPDATE job SET state = 'cancelled' WHERE key = ? AND state = 'pending'", arguments: [key])
    }

    func pendingJobs(memberKey: String) throws -> [Job] {
        try Row.fetchAll(
            cached, sql: "SELECT * FROM job WHERE member_key = ? AND state = 'pending' ORDER BY due_at",
            arguments: [memberKey]
        ).map(Self.job(from:))
    }

    func pendingJobs(kind: String) throws -> [Job] {
        try Row.fetchAll(
            cached, sql: "SELECT * FROM job WHERE kind = ? AND state = 'pending' ORDER BY due_at", arguments: [kind]
        ).map(Self.job(from:))
    }

    private static func job(from row: Row) -> Job {
        Job(
            id: row["id"], kind: row["kind"], key: row["key"], memberKey: row["member_key"],
            dueAt: Date(databaseSeconds: row["due_at"]), payload: row["payload"],
            missedPolicy: MissedJobPolicy(rawValue: row["missed_policy"]) ?? .withinGrace)
    }
}
