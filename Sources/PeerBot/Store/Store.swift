import Foundation

/// Durable storage for everything the bot keeps.
///
/// Every change a handler makes — its own records and the outbox entries it
/// produces — happens inside one `write` transaction, so a crash leaves either
/// all of it or none of it. SQLite (`SQLiteStore`) is the implementation today;
/// the protocol leaves room for another database.
public protocol Store: Sendable {
    /// Runs `body` in a write transaction; commits when it returns, rolls back when it throws.
    func write<T>(_ body: (any StoreTransaction) throws -> T) throws -> T
    /// Like `write`, but the transaction takes the database's locks only when
    /// `body` first reads or writes: a body that touches nothing (most chatter
    /// the bot only observes) costs no locking and no disk write.
    ///
    /// When another process writes between `body`'s first read and its first
    /// write, `body` runs once more in an ordinary write transaction, so it must
    /// keep its effects inside the transaction (or tolerate running twice).
    func writeDeferred<T>(_ body: (any StoreTransaction) throws -> T) throws -> T
    /// Runs `body` against a consistent read-only snapshot.
    func read<T>(_ body: (any StoreTransaction) throws -> T) throws -> T
    /// From now on, every outbox entry this store adds is added already claimed
    /// by `owner` (a lease of `lease` seconds of real time) and, once its
    /// transaction commits, waits in memory for `takeNewOutboxEntries(lane:)`.
    /// The dispatcher of this process calls it, so what the bot emits is
    /// delivered without another transaction to find and claim it.
    func handOffNewOutboxEntries(to owner: String, lease: TimeInterval)
    /// The entries added (and committed) since the last call, oldest first; see
    /// `handOffNewOutboxEntries(to:lease:)`. Each entry is returned once.
    func takeNewOutboxEntries(lane: OutboxLane) -> [OutboxEntry]
    /// Records that an entry was delivered, as `markDelivered` does, but in the
    /// next transaction the store begins for any reason — every read sees it
    /// first — instead of a transaction of its own. A crash before then
    /// delivers the entry again under the same idempotency key.
    func markDeliveredSoon(_ id: Int64, messageID: String?, at now: Date)
    /// Writes what `markDeliveredSoon` still holds.
    func recordPendingDeliveries() throws
}

extension Store {
    /// A store without its own deferred transactions uses an ordinary one.
    public func writeDeferred<T>(_ body: (any StoreTransaction) throws -> T) throws -> T { try write(body) }
    /// A store that cannot hand entries over leaves them to be claimed.
    public func handOffNewOutboxEntries(to owner: String, lease: TimeInterval) {}
    public func takeNewOutboxEntries(lane: OutboxLane) -> [OutboxEntry] { [] }
    /// A store without pending deliveries records each at once.
    public func markDeliveredSoon(_ id: Int64, messageID: String?, at now: Date) {
        _ = try? write { try $0.markDelivered(id, messageID: messageID, at: now) }
    }
    public func recordPendingDeliveries() throws {}
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
