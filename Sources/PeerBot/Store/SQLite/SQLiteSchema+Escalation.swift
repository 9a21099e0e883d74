import GRDB

extension SQLiteSchema {
    /// Tickets, their audit trail, and the on-duty rota.
    static func registerEscalation(on migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v2-escalation") { db in
            try db.execute(sql: """
                CREATE TABLE ticket (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    member_key TEXT NOT NULL,
                    member_handle TEXT NOT NULL,
                    anonymous INTEGER NOT NULL,
                    origin TEXT NOT NULL,
                    note TEXT,
                    state TEXT NOT NULL,
                    tier INTEGER NOT NULL,
                    destination TEXT NOT NULL,
                    unanswered INTEGER NOT NULL DEFAULT 0,
                    opened_at REAL NOT NULL,
                    acknowledged_at REAL,
                    assignee_key TEXT,
                    assignee_handle TEXT,
                    closed_at REAL,
                    pending_job_key TEXT
                );
                CREATE INDEX ticket_member ON ticket(member_key, state);
                CREATE INDEX ticket_assignee ON ticket(assignee_key);
                CREATE INDEX ticket_state ON ticket(state, opened_at);

                CREATE TABLE audit_event (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    ticket_id INTEGER NOT NULL,
                    at REAL NOT NULL,
                    kind TEXT NOT NULL,
                    actor_key TEXT,
                    actor_handle TEXT,
                    target_key TEXT,
                    target_handle TEXT,
                    detail TEXT
                );
                CREATE INDEX audit_event_ticket ON audit_event(ticket_id, id);
                CREATE INDEX audit_event_actor ON audit_event(actor_key);
                CREATE INDEX audit_event_target ON audit_event(target_key);

                CREATE TABLE rota_status (
                    member_key TEXT PRIMARY KEY,
                    handle TEXT NOT NULL,
                    on_until REAL,
                    off_until REAL
                ) WITHOUT ROWID;
                """)
        }
    }
}
