import Foundation
import GRDB

extension SQLiteTransaction: HousekeepingRecords {
    func deleteFinishedJobs(dueBefore instant: Date) throws -> Int {
        // Only past occurrences go: every job key names its due time, so none of them is scheduled again.
        try db.execute(sql: "DELETE FROM job WHERE state != 'pending' AND due_at < ?", arguments: [instant.databaseSeconds])
        return try db.changesCount
    }

    func deleteFinishedOutboxEntries(before instant: Date) throws -> Int {
        try db.execute(
            sql: "DELETE FROM outbox WHERE state != 'pending' AND finished_at < ?", arguments: [instant.databaseSeconds])
        return try db.changesCount
    }

    func deleteTopicReminders(sentBefore instant: Date) throws -> Int {
        try db.execute(sql: "DELETE FROM topic_reminder WHERE sent_at < ?", arguments: [instant.databaseSeconds])
        return try db.changesCount
    }

    func deleteBoundaryReminders(sentBefore instant: Date) throws -> Int {
        try db.execute(sql: "DELETE FROM boundary_reminder WHERE sent_at < ?", arguments: [instant.databaseSeconds])
        return try db.changesCount
    }

    func deleteTimeSettings(_ name: MemberSetting, before instant: Date) throws -> Int {
        try db.execute(
            sql: "DELETE FROM member_setting WHERE name = ? AND CAST(value AS REAL) < ?",
            arguments: [name.rawValue, instant.timeIntervalSince1970])
        return try db.changesCount
    }
}
