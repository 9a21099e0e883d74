import Foundation
import GRDB

extension SQLiteTransaction: AuditRecords {
    func appendAudit(_ event: AuditEvent) throws {
        try cached.execute(
            sql: """
                INSERT INTO audit_event (ticket_id, at, kind, actor_key, actor_handle, target_key, target_handle, detail)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                event.ticket, event.at.databaseSeconds, event.kind.rawValue, event.actorKey, event.actorHandle,
                event.targetKey, event.targetHandle, event.detail,
            ])
    }

    func auditEvents(ticket: Int?) throws -> [AuditEvent] {
        let rows: [Row]
        if let ticket {
            rows = try Row.fetchAll(cached, sql: "SELECT * FROM audit_event WHERE ticket_id = ? ORDER BY id", arguments: [ticket])
        } else {
            rows = try Row.fetchAll(cached, sql: "SELECT * FROM audit_event ORDER BY id")
        }
        return rows.map { row in
            AuditEvent(
                id: row["id"], ticket: row["ticket_id"], at: Date(databaseSeconds: row["at"]),
                kind: AuditEventKind(rawValue: row["kind"]) ?? .opened, actorKey: row["actor_key"],
                actorHandle: row["actor_handle"], targetKey: row["target_key"], targetHandle: row["target_handle"],
                detail: row["detail"])
        }
    }

    func auditEventCount(involving memberKey: String) throws -> Int {
        try Int.fetchOne(
            cached, sql: "SELECT COUNT(*) FROM audit_event WHERE actor_key = ? OR target_key = ?",
            arguments: [memberKey, memberKey]) ?? 0
    }

    func pseudonymiseAudit(memberKey: String, as pseudonym: String) throws {
        try cached.execute(
            sql: "UPDATE audit_event SET actor_key = ?, actor_handle = ? WHERE actor_key = ?",
            arguments: [pseudonym, pseudonym, memberKey])
        try cached.execute(
            sql: "UPDATE audit_event SET target_key = ?, target_handle = ? WHERE target_key = ?",
            arguments: [pseudonym, pseudonym, memberKey])
    }
}
