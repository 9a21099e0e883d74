import Foundation
import GRDB

/// One transaction on the SQLite store. Record protocols are implemented in
/// `SQLiteTransaction+<Records>.swift`.
struct SQLiteTransaction: StoreTransaction {
    let db: Database
    /// Collects the outbox entries this transaction adds, when they are handed
    /// straight to the dispatcher (`OutboxHandoff`); nil otherwise.
    let newEntries: OutboxHandoffBatch?
}

extension Date {
    /// Seconds since 1970, the form dates take in the database.
    var databaseSeconds: Double { timeIntervalSince1970 }
    init(databaseSeconds: Double) { self.init(timeIntervalSince1970: databaseSeconds) }
}
