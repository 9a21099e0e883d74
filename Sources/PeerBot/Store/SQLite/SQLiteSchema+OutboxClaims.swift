import GRDB

extension SQLiteSchema {
    /// Outbox claims: a process marks the entries it is delivering, so a second
    /// process on the same database (a restart overlapping the old one) never
    /// delivers the same entry at the same time.
    static func registerOutboxClaimsMigration(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v3-outbox-claims") { db in
            try db.execute(sql: """
                ALTER TABLE outbox ADD COLUMN claimed_by TEXT;
                ALTER TABLE outbox ADD COLUMN claimed_until REAL;
                """)
        }
    }
}
