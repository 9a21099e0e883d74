import Foundation
import GRDB

extension SQLiteTransaction: BoundaryRecords {
    func boundary(of memberKey: String) throws -> Boundary? {
        try Row.fetchOne(cached, sql: "SELECT * FROM boundary WHERE member_key = ?", arguments: [memberKey]).map(Self.boundary(from:))
    }

    func boundary(handle: String, platform: Platform) throws -> Boundary? {
        try Row.fetchOne(
            cached, sql: "SELECT * FROM boundary WHERE platform = ? AND handle_key = ? ORDER BY updated_at DESC LIMIT 1",
            arguments: [platform.rawValue, Boundary.handleKey(handle)]
        ).map(Self.boundary(from:))
    }

    func remindingBoundaries(of memberKeys: [String]) throws -> [Boundary] {
        guard !memberKeys.isEmpty else { return [] }
        let marks = Array(repeating: "?", count: memberKeys.count).joined(separator: ", ")
        return try Row.fetchAll(
            cached, sql: "SELECT * FROM boundary WHERE remind = 1 AND member_key IN (\(marks)) ORDER BY member_key",
            arguments: StatementArguments(memberKeys)
        ).map(Self.boundary(from:))
    }

    func saveBoundary(_ boundary: Boundary, at now: Date) throws {
        try cached.execute(
            sql: """
                INSERT INTO boundary (member_key, platform, handle, handle_key, text, remind, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(member_key) DO UPDATE SET platform = excluded.platform, handle = excluded.handle,
                handle_key = excluded.handle_key, text = excluded.text, remind = excluded.remind,
                updated_at = excluded.updated_at
                """,
            arguments: [
                boundary.memberKey, boundary.platform.rawValue, boundary.handle, Boundary.handleKey(boundary.handle),
                boundary.text, boundary.remind, now.databaseSeconds,
            ])
    }

    func deleteBoundary(of memberKey: String) throws {
        try cached.execute(sql: "DELETE FROM boundary WHERE member_key = ?", arguments: [memberKey])
    }

    func lastBoundaryReminder(ownerKey: String, readerKey: String) throws -> Date? {
        try Double.fetchOne(
            cached, sql: "SELECT sent_at FROM boundary_reminder WHERE owner_key = ? AND reader_key = ?",
            arguments: [ownerKey, readerKey]
        ).map(Date.init(databaseSeconds:))
    }

    func recordBoundaryReminder(ownerKey: String, readerKey: String, at now: Date) throws {
        try cached.execute(
            sql: """
                INSERT INTO boundary_reminder (owner_key, reader_key, sent_at) VALUES (?, ?, ?)
                ON CONFLICT(owner_key, reader_key) DO UPDATE SET sent_at = excluded.sent_at
                """,
            arguments: [ownerKey, readerKey, now.databaseSeconds])
    }

    func boundaryReminders(involving memberKey: String) throws -> [(ownerKey: String, readerKey: String, sentAt: Date)] {
        try Row.fetchAll(
            cached,
            sql: "SELECT * FROM boundary_reminder WHERE owner_key = ? OR reader_key = ? ORDER BY sent_at",
            arguments: [memberKey, memberKey]
        ).map { ($0["owner_key"], $0["reader_key"], Date(databaseSeconds: $0["sent_at"])) }
    }

    func deleteBoundaryReminders(involving memberKey: String) throws {
        try cached.execute(
            sql: "DELETE FROM boundary_reminder WHERE owner_key = ? OR reader_key = ?", arguments: [memberKey, memberKey])
    }

    private static func boundary(from row: Row) -> Boundary {
        Boundary(
            memberKey: row["member_key"], platform: Platform(rawValue: row["platform"]), handle: row["handle"],
            text: row["text"], remind: row["remind"])
    }
}
