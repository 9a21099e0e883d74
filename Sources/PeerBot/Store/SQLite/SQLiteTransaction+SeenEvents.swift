import Foundation
import GRDB

extension SQLiteTransaction: SeenEventRecords {
    func markSeen(platform: Platform, eventID: String, at now: Date) throws -> Bool {
        try db.execute(
            sql: "INSERT OR IGNORE INTO seen_event (platform, event_id, seen_at) VALUES (?, ?, ?)",
            arguments: [platform.rawValue, eventID, now.databaseSeconds])
        return try db.changesCount > 0
    }

    func hasSeen(platform: Platform, eventID: String) throws -> Bool {
        try Bool.fetchOne(
            db, sql: "SELECT EXISTS(SELECT 1 FROM seen_event WHERE platform = ? AND event_id = ?)",
            arguments: [platform.rawValue, eventID]) ?? false
    }

    func pruneSeenEvents(before instant: Date) throws {
        try db.execute(sql: "DELETE FROM seen_event WHERE seen_at < ?", arguments: [instant.databaseSeconds])
    }
}
