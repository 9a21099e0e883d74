import Foundation
import GRDB

/// The SQLite store: one database file in WAL mode, migrated at open.
///
/// Several processes may open the same file (a restart overlapping the old
/// process, a second `peerbot` in tests); SQLite's locking and the busy timeout
/// serialise their writes, and every job and outbox row is claimed inside a
/// write transaction, so no occurrence runs twice.
public final class SQLiteStore: Store {
    private let pool: DatabasePool
    /// New outbox entries on their way to this process's dispatcher.
    private let handoff = OutboxHandoff()
    /// Deliveries to record in the next transaction.
    private let deliveries = PendingDeliveries()
    /// Checkpoints the log away from the writer (`WALCheckpointer`).
    private let checkpointer: WALCheckpointer?
    /// The database file.
    public let path: String

    /// Opens (creating when missing) the database at `path` and runs pending migrations.
    public init(path: String) throws {
        self.path = path
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty {
            do {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            } catch {
                throw StoreError.cannotOpen(path: path, reason: "cannot create folder \(directory): \(error.localizedDescription)")
            }
        }
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        configuration.label = "peerbot"
        // Reads are few and short (health, metrics, a member's own data); two
        // readers beside the writer keep SQLite's page caches (2 MB each) bounded.
        configuration.maximumReaderCount = 2
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            // No checkpoint inside a commit: `WALCheckpointer` does it beside the writer.
            try db.execute(sql: "PRAGMA wal_autocheckpoint = 0")
        }
        do {
            let pool = try DatabasePool(path: path, configuration: configuration)
            try Self.migratingAlone(in: directory) { try SQLiteSchema.migrator.migrate(pool) }
            self.pool = pool
            checkpointer = try WALCheckpointer(path: path)
        } catch let error as DatabaseError {
            throw StoreError.cannotOpen(path: path, reason: error.message ?? error.description)
        }
    }

    public func write<T>(_ body: (any StoreTransaction) throws -> T) throws -> T {
        try transaction(.immediate, beginAtOnce: true, body)
    }

    public func writeDeferred<T>(_ body: (any StoreTransaction) throws -> T) throws -> T {
        do {
            return try transaction(.deferred, beginAtOnce: false, body)
        } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_BUSY_SNAPSHOT {
            // Another process wrote after this transaction's first read, so it
            // could not start writing; an immediate transaction waits its turn instead.
            return try write(body)
        }
    }

    /// Runs `body` in a transaction of `kind` on the writer, begun at once or on
    /// first use. Its first statement records the deliveries waiting to be
    /// (`PendingDeliveries`); the entries it adds are handed over once it commits.
    private func transaction<T>(
        _ kind: Database.TransactionKind, beginAtOnce: Bool, _ body: (any StoreTransaction) throws -> T
    ) throws -> T {
        let batch = handoff.claim.map(OutboxHandoffBatch.init(claim:))
        var recorded: [PendingDeliveries.Delivery] = []
        do {
            let result = try pool.writeWithoutTransaction { db in
                let begin = LazyTransactionBegin(kind: kind) { [deliveries] db in
                    recorded = deliveries.take()
                    try SQLiteTransaction(db: db, newEntries: nil).record(recorded)
                }
                do {
                    if beginAtOnce { try begin.beginIfNeeded(on: db) }
                    let result = try body(SQLiteTransaction(db: db, newEntries: batch, lazyBegin: begin))
                    if begin.begun { try db.commit() }
                    return result
                } catch {
                    if begin.begun, db.isInsideTransaction { try? db.rollback() }
                    throw error
                }
            }
            if let batch { handoff.committed(batch.entries) }
            return result
        } catch {
            deliveries.restore(recorded)
            throw error
        }
    }

    public func read<T>(_ body: (any StoreTransaction) throws -> T) throws -> T {
        // A read sees every delivery this process has made.
        try recordPendingDeliveries()
        return try pool.read { db in try body(SQLiteTransaction(db: db, newEntries: nil)) }
    }

    public func markDeliveredSoon(_ id: Int64, messageID: String?, at now: Date) {
        deliveries.add(PendingDeliveries.Delivery(id: id, messageID: messageID, at: now))
    }

    public func recordPendingDeliveries() throws {
        guard !deliveries.isEmpty else { return }
        try write { _ in }
    }

    public func handOffNewOutboxEntries(to owner: String, lease: TimeInterval) {
        handoff.start(owner: owner, lease: lease)
    }

    public func takeNewOutboxEntries(lane: OutboxLane) -> [OutboxEntry] {
        handoff.take(lane: lane)
    }

    /// The highest outbox entry id so far, written by any process (tests use
    /// it to show that nothing was added).
    public func outboxHighWater() throws -> Int64 {
        // On the writer connection outside a transaction: one indexed lookup, no locks held after.
        try pool.writeWithoutTransaction { db in
            try Int64.fetchOne(db.cachedStatement(sql: "SELECT MAX(id) FROM outbox")) ?? 0
        }
    }

    /// Runs raw SQL for tests and audits (returns rows as dictionaries of strings).
    public func rawRows(_ sql: String, arguments: [String] = []) throws -> [[String: String]] {
        try recordPendingDeliveries()
        return try pool.read { db in
            try Row.fetchAll(db, sql: sql, arguments: StatementArguments(arguments)).map { row in
                var result: [String: String] = [:]
                for column in row.columnNames {
                    let value: DatabaseValue = row[column]
                    result[column] = value.isNull ? nil : String(describing: value.storage.value ?? "")
                }
                return result
            }
        }
    }

    /// The journal mode SQLite reports (`wal`).
    public func journalMode() throws -> String {
        try pool.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") ?? "" }
    }
}
