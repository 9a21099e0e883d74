import GRDB

/// The versioned schema. Migrations are append-only: never edit one that has
/// shipped; add the next.
enum SQLiteSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-foundation") { db in
            try db.execute(sql: """
                CREATE TABLE member_setting (
                    member_key TEXT NOT NULL,
                    name TEXT NOT NULL,
                    value TEXT NOT NULL,
                    updated_at REAL NOT NULL,
                    PRIMARY KEY (member_key, name)
                ) WITHOUT ROWID;
                CREATE INDEX member_setting_by_name ON member_setting(name, value);

                CREATE TABLE outbox (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    platform TEXT NOT NULL,
                    lane INTEGER NOT NULL,
                    action TEXT NOT NULL,
                    idempotency_key TEXT NOT NULL UNIQUE,
                    tag TEXT,
                    state TEXT NOT NULL DEFAULT 'pending',
                    attempts INTEGER NOT NULL DEFAULT 0,
                    created_at REAL NOT NULL,
                    next_attempt_at REAL NOT NULL,
                    finished_at REAL,
                    message_id TEXT,
                    last_error TEXT
                );
                CREATE INDEX outbox_due ON outbox(state, lane, next_attempt_at, id);
                CREATE INDEX outbox_tag ON outbox(tag);
                CREATE INDEX outbox_message ON outbox(platform, message_id);

                CREATE TABLE job (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    kind TEXT NOT NULL,
                    key TEXT NOT NULL UNIQUE,
                    member_key TEXT,
                    due_at REAL NOT NULL,
                    payload TEXT NOT NULL,
                    missed_policy INTEGER NOT NULL,
                    state TEXT NOT NULL DEFAULT 'pending',
                    created_at REAL NOT NULL,
                    finished_at REAL
                );
                CREATE INDEX job_due ON job(state, due_at, id);
                CREATE INDEX job_member ON job(member_key, state);

                CREATE TABLE cursor (
                    name TEXT PRIMARY KEY,
                    value TEXT NOT NULL
                ) WITHOUT ROWID;

                CREATE TABLE seen_event (
                    platform TEXT NOT NULL,
                    event_id TEXT NOT NULL,
                    seen_at REAL NOT NULL,
                    PRIMARY KEY (platform, event_id)
                ) WITHOUT ROWID;
                CREATE INDEX seen_event_age ON seen_event(seen_at);
                """)
        }
        registerCheckinsMigration(&migrator)
        registerOutboxClaimsMigration(&migrator)
        registerEscalation(on: &migrator)
        return migrator
    }
}
