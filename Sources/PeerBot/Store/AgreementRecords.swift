import Foundation

/// Bookkeeping for agreement reminders: channel activity and topic reminders sent.
public protocol AgreementRecords {
    /// What is known about a channel's activity, if anything.
    func channelActivity(_ channelKey: String) throws -> ChannelActivity?
    /// Counts `count` messages in a channel (creating its record) and returns
    /// the record as it now is. One statement.
    func countChannelMessages(_ channelKey: String, count: Int) throws -> ChannelActivity
    /// Creates or replaces a channel's activity record.
    func saveChannelActivity(_ activity: ChannelActivity) throws
    /// When a member was last reminded about a topic.
    func lastTopicReminder(memberKey: String, topic: String) throws -> Date?
    /// Records a topic reminder.
    func recordTopicReminder(memberKey: String, topic: String, at now: Date) throws
    /// Every topic reminder a member got (most recent per topic), by topic.
    func topicReminders(of memberKey: String) throws -> [(topic: String, sentAt: Date)]
    /// Deletes a member's topic reminders.
    func deleteTopicReminders(of memberKey: String) throws
}
