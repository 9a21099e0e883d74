import GRDB

/// Runs SQL through statements compiled once per connection and then reused
/// (`Database.cachedStatement`). Compiling is most of the cost of a small
/// query — GRDB's authorizer visits every column a statement reads — so the
/// store's records go through here: `try cached.execute(sql:arguments:)` and
/// `Row.fetchOne(cached, sql:arguments:)` read like GRDB's own calls.
///
/// Each SQL text gets its own entry in the connection's cache, so build SQL
/// only from a bounded set of texts (as `IN (?, ?)` lists of at most a few
/// dozen placeholders are).
struct CachedStatements {
    let db: Database

    /// Executes one statement.
    func execute(sql: String, arguments: StatementArguments = StatementArguments()) throws {
        try db.cachedStatement(sql: sql).execute(arguments: arguments)
    }

    /// The statement for `sql`, compiled on first use.
    func statement(_ sql: String) throws -> Statement {
        try db.cachedStatement(sql: sql)
    }
}

extension SQLiteTransaction {
    /// This transaction's connection, with statements compiled once and reused.
    var cached: CachedStatements {
        get throws { CachedStatements(db: try db) }
    }
}

extension Row {
    static func fetchOne(_ cached: CachedStatements, sql: String, arguments: StatementArguments = StatementArguments()) throws -> Row? {
        try fetchOne(cached.statement(sql), arguments: arguments)
    }

    static func fetchAll(_ cached: CachedStatements, sql: String, arguments: StatementArguments = StatementArguments()) throws -> [Row] {
        try fetchAll(cached.statement(sql), arguments: arguments)
    }
}

extension DatabaseValueConvertible where Self: StatementColumnConvertible {
    static func fetchOne(_ cached: CachedStatements, sql: String, arguments: StatementArguments = StatementArguments()) throws -> Self? {
        try fetchOne(cached.statement(sql), arguments: arguments)
    }

    static func fetchAll(_ cached: CachedStatements, sql: String, arguments: StatementArguments = StatementArguments()) throws -> [Self] {
        try fetchAll(cached.statement(sql), arguments: arguments)
    }
}
