import Foundation
import GRDB

extension SQLiteTransaction: AgreementRecords {
    func channelActivity(_ channelKey: String) throws -> ChannelActivity? {
        try Row.fetchOne(cached, sql: "SELECT * FROM channel_activity WHERE channel_key = ?", arguments: [channelKey])
            .map(Self.activity(from:))
    }

    func countChannelMessages(_ channelKey: String, count: Int) throws -> ChannelActivity {
        let statement = try db.cachedStatement(
            sql: """
                INSERT INTO channel_activity (channel_key, messages_since_reminder) VALUES (?, ?)
                ON CONFLICT(channel_key) DO UPDATE SET messages_since_reminder = messages_since_reminder + excluded.messages_since_reminder
                RETURNING *
                """)
        guard let row = try Row.fetchOne(statement, arguments: [channelKey, count]) else {
            throw StoreError.corrupt("no channel activity returned for \(channelKey)")
        }
        return Self.activity(from: row)
    }

    private static func activity(from row: Row) -> ChannelActivity {
        let last: Double? = row["last_reminder_at"]
        let next: Double? = row["next_check_at"]
        return ChannelActivity(
            channelKey: row["channel_key"], messagesSinceReminder: row["messages_since_reminder"],
            lastReminderAt: last.map(Date.init(databaseSeconds:)), nextCheckAt: next.map(Date.init(databaseSeconds:)))
    }

    func saveChannelActivity(_ activity: ChannelActivity) throws {
        try cached.execute(
            sql: """
                INSERT INTO channel_activity (channel_key, messages_since_reminder, last_reminder_at, next_check_at)
                VALUES (?, ?, ?, ?)
                ON CONFLICT(channel_key) DO UPDATE SET messages_since_reminder = excluded.messages_since_reminder,
                last_reminder_at = excluded.last_reminder_at, next_check_at = excluded.next_check_at
                """,
            arguments: [
                activity.channelKey, activity.messagesSinceReminder, activity.lastReminderAt?.databaseSeconds,
                activity.nextCheckAt?.databaseSeconds,
            ])
    }

    func lastTopicReminder(memberKey: String, topic: String) throws -> Date? {
        try Double.fetchOne(
            cached, sql: "SELECT sent_at FROM topic_reminder WHERE member_key = ? AND topic = ?", arguments: [memberKey, topic]
        ).map(Date.init(databaseSeconds:))
    }

    func recordTopicReminder(memberKey: String, topic: String, at now: Date) throws {
        try cached.execute(
            sql: """
                INSERT INTO topic_reminder (member_key, topic, sent_at) VALUES (?, ?, ?)
                ON CONFLICT(member_key, topic) DO UPDATE SET sent_at = excluded.sent_at
                """,
            arguments: [memberKey, topic, now.databaseSeconds])
    }

    func topicReminders(of memberKey: String) throws -> [(topic: String, sentAt: Date)] {
        try Row.fetchAll(
            cached, sql: "SELECT topic, sent_at FROM topic_reminder WHERE member_key = ? ORDER BY topic", arguments: [memberKey]
        ).map { ($0["topic"], Date(databaseSeconds: $0["sent_at"])) }
    }

    func deleteTopicReminders(of memberKey: String) throws {
        try cached.execute(sql: "DELETE FROM topic_reminder WHERE member_key = ?", arguments: [memberKey])
    }
}
