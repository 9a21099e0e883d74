import GRDB

extension SQLiteTransaction: MemberDataRecords {
    func deleteJobs(memberKey: String) throws {
        // Only by the member_key column: matching keys or payloads by substring
        // could delete another member's job (a re-page must never be lost).
        try cached.execute(sql: "DELETE FROM job WHERE member_key = ?", arguments: [memberKey])
    }
}
