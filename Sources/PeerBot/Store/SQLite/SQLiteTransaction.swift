import Foundation
import GRDB

/// One transaction on the SQLite store. Record protocols are implemented in
/// `SQLiteTransaction+<Records>.swift`.
struct SQLiteTransaction: StoreTransaction {
    private let connection: Database
    /// Collects the outbox entries this transaction adds, when they are handed
    /// straight to the dispatcher (`OutboxHandoff`); nil otherwise.
    let newEntries: OutboxHandoffBatch?
    /// Set for a transaction that begins only when first used (`Store.writeDeferred`).
    private let lazyBegin: LazyTransactionBegin?

    init(db: Database, newEntries: OutboxHandoffBatch?, lazyBegin: LazyTransactionBegin? = nil) {
        connection = db
        self.newEntries = newEntries
        self.lazyBegin = lazyBegin
    }

    /// The connection, inside the transaction (begun now if it was waiting for a first use).
    var db: Database {
        get throws {
            try lazyBegin?.beginIfNeeded(on: connection)
            return connection
        }
    }
}

/// Begins a transaction on first use, so a handler that reads and writes
/// nothing (in a deferred one) costs not even a BEGIN and a COMMIT.
final class LazyTransactionBegin {
    private(set) var begun = false
    private let kind: Database.TransactionKind
    /// Runs right after the BEGIN, inside the transaction.
    private let onBegin: (Database) throws -> Void

    init(kind: Database.TransactionKind, onBegin: @escaping (Database) throws -> Void) {
        self.kind = kind
        self.onBegin = onBegin
    }

    func beginIfNeeded(on db: Database) throws {
        guard !begun else { return }
        try db.beginTransaction(kind)
        begun = true
        try onBegin(db)
    }
}

extension Date {
    /// Seconds since 1970, the form dates take in the database.
    var databaseSeconds: Double { timeIntervalSince1970 }
    init(databaseSeconds: Double) { self.init(timeIntervalSince1970: databaseSeconds) }
}
