import GRDB

extension SQLiteSchema {
    /// Check-ins, their schedules, personal boundaries, and the bookkeeping of
    /// agreement reminders (issue 3). Quiet hours, time zone and a pending
    /// check-in question are member settings (`member_setting`).
    static func registerCheckinsMigration(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v2-checkins-agreements-boundaries") { db in
            try db.execute(sql: """
                CREATE TABLE checkin (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    member_key TEXT NOT NULL,
                    score INTEGER,
                    note TEXT,
                    created_at REAL NOT NULL
                );
                CREATE INDEX checkin_by_member ON checkin(member_key, created_at);

                CREATE TABLE checkin_schedule (
                    member_key TEXT PRIMARY KEY,
                    weekday INTEGER,
                    minute_of_day INTEGER NOT NULL,
                    paused_until REAL,
                    updated_at REAL NOT NULL
                ) WITHOUT ROWID;

                CREATE TABLE boundary (
                    member_key TEXT PRIMARY KEY,
                    platform TEXT NOT NULL,
                    handle TEXT NOT NULL,
                    handle_key TEXT NOT NULL,
                    text TEXT NOT NULL,
                    remind INTEGER NOT NULL DEFAULT 0,
                    updated_at REAL NOT NULL
                ) WITHOUT ROWID;
                CREATE INDEX boundary_by_handle ON boundary(platform, handle_key);

                CREATE TABLE boundary_reminder (
                    owner_key TEXT NOT NULL,
                    reader_key TEXT NOT NULL,
                    sent_at REAL NOT NULL,
                    PRIMARY KEY (owner_key, reader_key)
                ) WITHOUT ROWID;
                CREATE INDEX boundary_reminder_by_reader ON boundary_reminder(reader_key);

                CREATE TABLE topic_reminder (
                    member_key TEXT NOT NULL,
                    topic TEXT NOT NULL,
                    sent_at REAL NOT NULL,
                    PRIMARY KEY (member_key, topic)
                ) WITHOUT ROWID;

                CREATE TABLE channel_activity (
                    channel_key TEXT PRIMARY KEY,
                    messages_since_reminder INTEGER NOT NULL DEFAULT 0,
                    last_reminder_at REAL,
                    next_check_at REAL
                ) WITHOUT ROWID;
                """)
        }
    }
}
