import Foundation
import GRDB

extension SQLiteTransaction: RotaRecords {
    func rotaStatuses() throws -> [RotaStatus] {
        try Row.fetchAll(cached, sql: "SELECT * FROM rota_status ORDER BY member_key").map(Self.status(from:))
    }

    func rotaStatus(of memberKey: String) throws -> RotaStatus? {
        try Row.fetchOne(cached, sql: "SELECT * FROM rota_status WHERE member_key = ?", arguments: [memberKey])
            .map(Self.status(from:))
    }

    func saveRotaStatus(_ status: RotaStatus) throws {
        try cached.execute(
            sql: """
                INSERT INTO rota_status (member_key, handle, on_until, off_until) VALUES (?, ?, ?, ?)
                ON CONFLICT(member_key) DO UPDATE SET handle = excluded.handle, on_until = excluded.on_until,
                off_until = excluded.off_until
                """,
            arguments: [status.memberKey, status.handle, status.onUntil?.databaseSeconds, status.offUntil?.databaseSeconds])
    }

    func deleteRotaStatus(of memberKey: String) throws {
        try cached.execute(sql: "DELETE FROM rota_status WHERE member_key = ?", arguments: [memberKey])
    }

    private static func status(from row: Row) -> RotaStatus {
        RotaStatus(
            memberKey: row["member_key"], handle: row["handle"],
            onUntil: (row["on_until"] as Double?).map(Date.init(databaseSeconds:)),
            offUntil: (row["off_until"] as Double?).map(Date.init(databaseSeconds:)))
    }
}
