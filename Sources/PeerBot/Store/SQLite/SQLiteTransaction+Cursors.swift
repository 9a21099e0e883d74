import GRDB

extension SQLiteTransaction: CursorRecords {
    func cursor(_ name: String) throws -> String? {
        try String.fetchOne(db, sql: "SELECT value FROM cursor WHERE name = ?", arguments: [name])
    }

    func setCursor(_ name: String, to value: String?) throws {
        if let value {
            try db.execute(
                sql: "INSERT INTO cursor (name, value) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET value = excluded.value",
                arguments: [name, value])
        } else {
            try db.execute(sql: "DELETE FROM cursor WHERE name = ?", arguments: [name])
        }
    }
}
