import Foundation
import GRDB

extension SQLiteTransaction: CheckinRecords {
    func addCheckin(_ entry: CheckinEntry) throws {
        try cached.execute(
            sql: "INSERT INTO checkin (member_key, score, note, created_at) VALUES (?, ?, ?, ?)",
            arguments: [entry.memberKey, entry.score, entry.note, entry.createdAt.databaseSeconds])
    }

    func checkins(of memberKey: String, limit: Int?) throws -> [CheckinEntry] {
        try Row.fetchAll(
            cached, sql: "SELECT * FROM checkin WHERE member_key = ? ORDER BY created_at DESC, id DESC LIMIT ?",
            arguments: [memberKey, limit ?? -1]
        ).map { row in
            CheckinEntry(
                memberKey: row["member_key"], score: row["score"], note: row["note"],
                createdAt: Date(databaseSeconds: row["created_at"]))
        }
    }

    func deleteCheckins(of memberKey: String) throws {
        try cached.execute(sql: "DELETE FROM checkin WHERE member_key = ?", arguments: [memberKey])
    }

    func deleteCheckins(before instant: Date) throws -> Int {
        try cached.execute(sql: "DELETE FROM checkin WHERE created_at < ?", arguments: [instant.databaseSeconds])
        return try db.changesCount
    }

    func checkinSchedule(of memberKey: String) throws -> CheckinSchedule? {
        guard let row = try Row.fetchOne(cached, sql: "SELECT * FROM checkin_schedule WHERE member_key = ?", arguments: [memberKey])
        else { return nil }
        guard let time = TimeOfDay(minuteOfDay: row["minute_of_day"]) else {
            throw StoreError.corrupt("check-in schedule with minute \(row["minute_of_day"] as Int)")
        }
        let weekday: Int? = row["weekday"]
        let paused: Double? = row["paused_until"]
        return CheckinSchedule(
            memberKey: memberKey, weekday: weekday.flatMap(Weekday.init(calendarValue:)), time: time,
            pausedUntil: paused.map(Date.init(databaseSeconds:)))
    }

    func saveCheckinSchedule(_ schedule: CheckinSchedule, at now: Date) throws {
        try cached.execute(
            sql: """
                INSERT INTO checkin_schedule (member_key, weekday, minute_of_day, paused_until, updated_at)
                VALUES (?, ?, ?, ?, ?)
                ON CONFLICT(member_key) DO UPDATE SET weekday = excluded.weekday,
                minute_of_day = excluded.minute_of_day, paused_until = excluded.paused_until,
                updated_at = excluded.updated_at
                """,
            arguments: [
                schedule.memberKey, schedule.weekday?.calendarValue, schedule.time.minuteOfDay,
                schedule.pausedUntil?.databaseSeconds, now.databaseSeconds,
            ])
    }

    func deleteCheckinSchedule(of memberKey: String) throws {
        try cached.execute(sql: "DELETE FROM checkin_schedule WHERE member_key = ?", arguments: [memberKey])
    }

    func scheduleOccurrence(_ job: Job) throws -> Bool {
        if try schedule(job) { return true }
        try cached.execute(
            sql: "UPDATE job SET state = 'pending', due_at = ?, payload = ?, finished_at = NULL WHERE key = ? AND state = 'cancelled'",
            arguments: [job.dueAt.databaseSeconds, job.payload, job.key])
        return try db.changesCount > 0
    }
}
