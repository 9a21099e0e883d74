import Foundation
import GRDB

extension SQLiteTransaction: TicketRecords {
    func insertTicket(_ ticket: Ticket) throws -> Int {
        try cached.execute(
            sql: """
                INSERT INTO ticket (member_key, member_handle, anonymous, origin, note, state, tier, destination,
                unanswered, opened_at, acknowledged_at, assignee_key, assignee_handle, closed_at, pending_job_key)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                ticket.memberKey, ticket.memberHandle, ticket.anonymous, ticket.origin, ticket.note,
                ticket.state.rawValue, ticket.tier, ticket.destination, ticket.unanswered,
                ticket.openedAt.databaseSeconds, ticket.acknowledgedAt?.databaseSeconds, ticket.assigneeKey,
                ticket.assigneeHandle, ticket.closedAt?.databaseSeconds, ticket.pendingJobKey,
            ])
        return Int(try db.lastInsertedRowID)
    }

    func ticket(number: Int) throws -> Ticket? {
        try Row.fetchOne(cached, sql: "SELECT * FROM ticket WHERE id = ?", arguments: [number]).map(Self.ticket(from:))
    }

    func activeTicket(ofMember memberKey: String) throws -> Ticket? {
        try Row.fetchOne(
            cached,
            sql: "SELECT * FROM ticket WHERE member_key = ? AND state IN ('open', 'acknowledged') ORDER BY id LIMIT 1",
            arguments: [memberKey]
        ).map(Self.ticket(from:))
    }

    func activeTickets() throws -> [Ticket] {
        try Row.fetchAll(cached, sql: "SELECT * FROM ticket WHERE state IN ('open', 'acknowledged') ORDER BY opened_at, id")
            .map(Self.ticket(from:))
    }

    func tickets(ofMember memberKey: String) throws -> [Ticket] {
        try Row.fetchAll(cached, sql: "SELECT * FROM ticket WHERE member_key = ? ORDER BY id", arguments: [memberKey])
            .map(Self.ticket(from:))
    }

    func tickets(assignedTo memberKey: String) throws -> [Ticket] {
        try Row.fetchAll(cached, sql: "SELECT * FROM ticket WHERE assignee_key = ? ORDER BY id", arguments: [memberKey])
            .map(Self.ticket(from:))
    }

    func updateTicket(_ ticket: Ticket) throws {
        try cached.execute(
            sql: """
                UPDATE ticket SET member_key = ?, member_handle = ?, anonymous = ?, origin = ?, note = ?, state = ?,
                tier = ?, destination = ?, unanswered = ?, opened_at = ?, acknowledged_at = ?, assignee_key = ?,
                assignee_handle = ?, closed_at = ?, pending_job_key = ? WHERE id = ?
                """,
            arguments: [
                ticket.memberKey, ticket.memberHandle, ticket.anonymous, ticket.origin, ticket.note,
                ticket.state.rawValue, ticket.tier, ticket.destination, ticket.unanswered,
                ticket.openedAt.databaseSeconds, ticket.acknowledgedAt?.databaseSeconds, ticket.assigneeKey,
                ticket.assigneeHandle, ticket.closedAt?.databaseSeconds, ticket.pendingJobKey, ticket.id,
            ])
    }

    func pseudonymiseTickets(memberKey: String, as pseudonym: String) throws {
        try cached.execute(
            sql: "UPDATE ticket SET member_key = ?, member_handle = ? WHERE member_key = ?",
            arguments: [pseudonym, pseudonym, memberKey])
        try cached.execute(
            sql: "UPDATE ticket SET assignee_key = ?, assignee_handle = ? WHERE assignee_key = ?",
            arguments: [pseudonym, pseudonym, memberKey])
    }

    func deleteClosedTickets(before instant: Date) throws -> Int {
        let condition = "state IN ('resolved', 'cancelled') AND closed_at < ?"
        try cached.execute(
            sql: "DELETE FROM audit_event WHERE ticket_id IN (SELECT id FROM ticket WHERE \(condition))",
            arguments: [instant.databaseSeconds])
        try cached.execute(sql: "DELETE FROM ticket WHERE \(condition)", arguments: [instant.databaseSeconds])
        return try db.changesCount
    }

    private static func ticket(from row: Row) -> Ticket {
        Ticket(
            id: row["id"], memberKey: row["member_key"], memberHandle: row["member_handle"],
            anonymous: row["anonymous"], origin: row["origin"], note: row["note"],
            state: TicketState(rawValue: row["state"]) ?? .open, tier: row["tier"], destination: row["destination"],
            unanswered: row["unanswered"], openedAt: Date(databaseSeconds: row["opened_at"]),
            acknowledgedAt: (row["acknowledged_at"] as Double?).map(Date.init(databaseSeconds:)),
            assigneeKey: row["assignee_key"], assigneeHandle: row["assignee_handle"],
            closedAt: (row["closed_at"] as Double?).map(Date.init(databaseSeconds:)),
            pendingJobKey: row["pending_job_key"])
    }
}
