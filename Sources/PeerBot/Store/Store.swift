/// Durable storage for everything the bot keeps.
///
/// Every change a handler makes — its own records and the outbox entries it
/// produces — happens inside one `write` transaction, so a crash leaves either
/// all of it or none of it. SQLite (`SQLiteStore`) is the implementation today;
/// the protocol leaves room for another database.
public protocol Store: Sendable {
    /// Runs `body` in a write transaction; commits when it returns, rolls back when it throws.
    func write<T>(_ body: (any StoreTransaction) throws -> T) throws -> T
    /// Runs `body` against a consistent read-only snapshot.
    func read<T>(_ body: (any StoreTransaction) throws -> T) throws -> T
    /// The highest outbox entry id so far, written by any process: it grows
    /// whenever an entry is added. Cheap (no transaction), so the dispatcher
    /// can tell that nothing was added since it last found the outbox quiet.
    func outboxHighWater() throws -> Int64
}

/// All record kinds, as one transaction sees them. Each feature adds its own
/// `…Records` protocol and the SQLite implementation adds a matching extension.
public protocol StoreTransaction:
    MemberRecords, OutboxRecords, JobRecords, CursorRecords, SeenEventRecords,
    CheckinRecords, AgreementRecords, BoundaryRecords,
    TicketRecords, AuditRecords, RotaRecords, MemberDataRecords, HousekeepingRecords
{}

/// Errors raised by stores.
public enum StoreError: Error, Sendable, CustomStringConvertible {
    case cannotOpen(path: String, reason: String)
    case corrupt(String)

    public var description: String {
        switch self {
        case .cannotOpen(let path, let reason): "cannot open the database at \(path): \(reason)"
        case .corrupt(let what): "unexpected data in the database: \(what)"
        }
    }
}
