import Foundation
import GRDB

extension SQLiteTransaction: MemberRecords {
    func setting(_ name: MemberSetting, of memberKey: String) throws -> String? {
        try String.fetchOne(
            cached, sql: "SELECT value FROM member_setting WHERE member_key = ? AND name = ?",
            arguments: [memberKey, name.rawValue])
    }

    func setSetting(_ name: MemberSetting, of memberKey: String, to value: String?) throws {
        if let value {
            try cached.execute(
                sql: """
                    INSERT INTO member_setting (member_key, name, value, updated_at) VALUES (?, ?, ?, ?)
                    ON CONFLICT(member_key, name) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at
                    """,
                arguments: [memberKey, name.rawValue, value, Date().databaseSeconds])
        } else {
            try cached.execute(
                sql: "DELETE FROM member_setting WHERE member_key = ? AND name = ?",
                arguments: [memberKey, name.rawValue])
        }
    }

    func settings(of memberKey: String) throws -> [MemberSetting: String] {
        let rows = try Row.fetchAll(
            cached, sql: "SELECT name, value FROM member_setting WHERE member_key = ?", arguments: [memberKey])
        var result: [MemberSetting: String] = [:]
        for row in rows {
            result[MemberSetting(rawValue: row["name"])] = row["value"]
        }
        return result
    }

    func deleteSettings(of memberKey: String) throws {
        try cached.execute(sql: "DELETE FROM member_setting WHERE member_key = ?", arguments: [memberKey])
    }

    func members(with name: MemberSetting, equalTo value: String) throws -> [String] {
        try String.fetchAll(
            cached, sql: "SELECT member_key FROM member_setting WHERE name = ? AND value = ? ORDER BY member_key",
            arguments: [name.rawValue, value])
    }
}
