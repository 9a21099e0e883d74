import Foundation
import GRDB

extension SQLiteTransaction: OutboxRecords {
    private static let encoder = JSONEncoder()
    private static let decoder = JSONDecoder()

    @discardableResult
    func enqueue(_ action: OutboundAction, lane: OutboxLane, tag: String?, at now: Date) throws -> Int64 {
        let json = String(decoding: try Self.encoder.encode(action), as: UTF8.self)
        let key = "pb-" + UUID().uuidString.lowercased()
        let claim = newEntries?.claim
        // The lease is real time, like every claim's: it is about whether a process is alive.
        let leaseUntil = claim.map { Date().addingTimeInterval($0.lease).databaseSeconds }
        try cached.execute(
            sql: """
                INSERT INTO outbox (platform, lane, action, idempotency_key, tag, created_at, next_attempt_at,
                claimed_by, claimed_until) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                action.platform.rawValue, lane.rawValue, json, key, tag, now.databaseSeconds, now.databaseSeconds,
                claim?.owner, leaseUntil,
            ])
        let id = try db.lastInsertedRowID
        newEntries?.entries.append(
            OutboxEntry(
                id: id, action: action, lane: lane, idempotencyKey: key, tag: tag, attempts: 0, createdAt: now,
                nextAttemptAt: now))
        return id
    }

    func dueOutboxEntries(at now: Date, limit: Int) throws -> [OutboxEntry] {
        let rows = try Row.fetchAll(
            cached,
            sql: """
                SELECT * FROM outbox WHERE state = 'pending' AND next_attempt_at <= ?
                ORDER BY lane, id LIMIT ?
                """,
            arguments: [now.databaseSeconds, limit])
        return try rows.map(Self.entry(from:))
    }

    func claimDueOutboxEntries(at now: Date, owner: String, leaseNow: Date, leaseUntil: Date, limit: Int) throws -> [OutboxEntry] {
        let rows = try Row.fetchAll(
            cached,
            sql: """
                SELECT * FROM outbox WHERE state = 'pending' AND next_attempt_at <= ?
                AND (claimed_by IS NULL OR claimed_until < ?)
                ORDER BY lane, id LIMIT ?
                """,
            arguments: [now.databaseSeconds, leaseNow.databaseSeconds, limit])
        let entries = try rows.map(Self.entry(from:))
        for entry in entries {
            try cached.execute(
                sql: "UPDATE outbox SET claimed_by = ?, claimed_until = ? WHERE id = ?",
                arguments: [owner, leaseUntil.databaseSeconds, entry.id])
        }
        return entries
    }

    func claimDueOutboxEntries(
        lane: OutboxLane, at now: Date, owner: String, leaseNow: Date, leaseUntil: Date, limit: Int
    ) throws -> [OutboxEntry] {
        let rows = try Row.fetchAll(
            cached,
            sql: """
                SELECT * FROM outbox WHERE state = 'pending' AND lane = ? AND next_attempt_at <= ?
                AND (claimed_by IS NULL OR claimed_until < ?)
                ORDER BY id LIMIT ?
                """,
            arguments: [lane.rawValue, now.databaseSeconds, leaseNow.databaseSeconds, limit])
        let entries = try rows.map(Self.entry(from:))
        for entry in entries {
            try cached.execute(
                sql: "UPDATE outbox SET claimed_by = ?, claimed_until = ? WHERE id = ?",
                arguments: [owner, leaseUntil.databaseSeconds, entry.id])
        }
        return entries
    }

    func outboxClaimOwners() throws -> [String] {
        try String.fetchAll(
            cached, sql: "SELECT DISTINCT claimed_by FROM outbox WHERE state = 'pending' AND claimed_by IS NOT NULL")
    }

    func releaseOutboxClaims(of owners: [String]) throws {
        for owner in owners {
            try cached.execute(
                sql: "UPDATE outbox SET claimed_by = NULL, claimed_until = NULL WHERE claimed_by = ? AND state = 'pending'",
                arguments: [owner])
        }
    }

    func nextOutboxAttempt() throws -> Date? {
        try Double.fetchOne(cached, sql: "SELECT MIN(next_attempt_at) FROM outbox WHERE state = 'pending'")
            .map(Date.init(databaseSeconds:))
    }

    func nextOutboxAttempt(lane: OutboxLane) throws -> Date? {
        try Double.fetchOne(
            cached, sql: "SELECT MIN(next_attempt_at) FROM outbox WHERE state = 'pending' AND lane = ?",
            arguments: [lane.rawValue]
        ).map(Date.init(databaseSeconds:))
    }

    func markDelivered(_ id: Int64, messageID: String?, at now: Date) throws {
        // The action's text is replaced by a stub: delivered messages are not kept.
        try cached.execute(
            sql: """
                UPDATE outbox SET state = 'delivered', attempts = attempts + 1, finished_at = ?, message_id = ?,
                action = '{}', last_error = NULL, claimed_by = NULL, claimed_until = NULL WHERE id = ?
                """,
            arguments: [now.databaseSeconds, messageID, id])
    }

    /// Records deliveries made since the last transaction (`PendingDeliveries`).
    func record(_ deliveries: [PendingDeliveries.Delivery]) throws {
        for delivery in deliveries { try markDelivered(delivery.id, messageID: delivery.messageID, at: delivery.at) }
    }

    func markRetry(_ id: Int64, nextAttemptAt: Date, error: String) throws {
        try cached.execute(
            sql: """
                UPDATE outbox SET attempts = attempts + 1, next_attempt_at = ?, last_error = ?,
                claimed_by = NULL, claimed_until = NULL WHERE id = ?
                """,
            arguments: [nextAttemptAt.databaseSeconds, error, id])
    }

    func markFailed(_ id: Int64, error: String, at now: Date) throws {
        try cached.execute(
            sql: """
                UPDATE outbox SET state = 'failed', attempts = attempts + 1, finished_at = ?, last_error = ?,
                action = '{}', claimed_by = NULL, claimed_until = NULL WHERE id = ?
                """,
            arguments: [now.databaseSeconds, error, id])
    }

    func outboxDepth() throws -> Int {
        try Int.fetchOne(cached, sql: "SELECT COUNT(*) FROM outbox WHERE state = 'pending'") ?? 0
    }

    func oldestPendingOutboxEntry() throws -> Date? {
        try Double.fetchOne(db, sql: "SELECT MIN(created_at) FROM outbox WHERE state = 'pending'")
            .map(Date.init(databaseSeconds:))
    }

    func outboxTag(forDeliveredMessage messageID: String, on platform: Platform) throws -> String? {
        try String.fetchOne(
            cached, sql: "SELECT tag FROM outbox WHERE platform = ? AND message_id = ? ORDER BY id DESC LIMIT 1",
            arguments: [platform.rawValue, messageID])
    }

    func outboxEntryIsPending(idempotencyKey: String) throws -> Bool {
        try String.fetchOne(cached, sql: "SELECT state FROM outbox WHERE idempotency_key = ?", arguments: [idempotencyKey]) == "pending"
    }

    func outboxEntryCount(tag: String) throws -> Int {
        try Int.fetchOne(cached, sql: "SELECT COUNT(*) FROM outbox WHERE tag = ?", arguments: [tag]) ?? 0
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
