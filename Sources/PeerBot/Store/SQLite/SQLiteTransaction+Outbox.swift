import Foundation
import GRDB

extension SQLiteTransaction: OutboxRecords {
    private static let encoder = JSONEncoder()
    private static let decoder = JSONDecoder()

    @discardableResult
    func enqueue(_ action: OutboundAction, lane: OutboxLane, tag: String?, at now: Date) throws -> Int64 {
        let json = String(decoding: try Self.encoder.encode(action), as: UTF8.self)
        let key = "pb-" + UUID().uuidString.lowercased()
        try db.execute(
            sql: """
                INSERT INTO outbox (platform, lane, action, idempotency_key, tag, created_at, next_attempt_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [action.platform.rawValue, lane.rawValue, json, key, tag, now.databaseSeconds, now.databaseSeconds])
        return db.lastInsertedRowID
    }

    func dueOutboxEntries(at now: Date, limit: Int) throws -> [OutboxEntry] {
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT * FROM outbox WHERE state = 'pending' AND next_attempt_at <= ?
                ORDER BY lane, id LIMIT ?
                """,
            arguments: [now.databaseSeconds, limit])
        return try rows.map(Self.entry(from:))
    }

    func nextOutboxAttempt() throws -> Date? {
        try Double.fetchOne(db, sql: "SELECT MIN(next_attempt_at) FROM outbox WHERE state = 'pending'")
            .map(Date.init(databaseSeconds:))
    }

    func claimOutboxEntry(_ id: Int64, until: Date, at now: Date) throws -> Bool {
        try db.execute(
            sql: "UPDATE outbox SET next_attempt_at = ? WHERE id = ? AND state = 'pending' AND next_attempt_at <= ?",
            arguments: [until.databaseSeconds, id, now.databaseSeconds])
        return db.changesCount > 0
    }

    func markDelivered(_ id: Int64, messageID: String?, at now: Date) throws {
        // The action's text is replaced by a stub: delivered messages are not kept.
        try db.execute(
            sql: """
                UPDATE outbox SET state = 'delivered', attempts = attempts + 1, finished_at = ?, message_id = ?,
                action = '{}', last_error = NULL WHERE id = ?
                """,
            arguments: [now.databaseSeconds, messageID, id])
    }

    func markRetry(_ id: Int64, nextAttemptAt: Date, error: String) throws {
        try db.execute(
            sql: "UPDATE outbox SET attempts = attempts + 1, next_attempt_at = ?, last_error = ? WHERE id = ?",
            arguments: [nextAttemptAt.databaseSeconds, error, id])
    }

    func markFailed(_ id: Int64, error: String, at now: Date) throws {
        try db.execute(
            sql: """
                UPDATE outbox SET state = 'failed', attempts = attempts + 1, finished_at = ?, last_error = ?,
                action = '{}' WHERE id = ?
                """,
            arguments: [now.databaseSeconds, error, id])
    }

    func outboxDepth() throws -> Int {
        try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM outbox WHERE state = 'pending'") ?? 0
    }

    func outboxTag(forDeliveredMessage messageID: String, on platform: Platform) throws -> String? {
        try String.fetchOne(
            db, sql: "SELECT tag FROM outbox WHERE platform = ? AND message_id = ? ORDER BY id DESC LIMIT 1",
            arguments: [platform.rawValue, messageID])
    }

    func outboxEntryCount(tag: String) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM outbox WHERE tag = ?", arguments: [tag]) ?? 0
    }

    private static func entry(from row: Row) throws -> OutboxEntry {
        let json: String = row["action"]
        let action: OutboundAction
        do {
            action = try decoder.decode(OutboundAction.self, from: Data(json.utf8))
        } catch {
            throw StoreError.corrupt("outbox entry \(row["id"] as Int64) cannot be decoded")
        }
        return OutboxEntry(
            id: row["id"], action: action, lane: OutboxLane(rawValue: row["lane"]) ?? .normal,
            idempotencyKey: row["idempotency_key"], tag: row["tag"], attempts: row["attempts"],
            createdAt: Date(databaseSeconds: row["created_at"]), nextAttemptAt: Date(databaseSeconds: row["next_attempt_at"]))
    }
}
