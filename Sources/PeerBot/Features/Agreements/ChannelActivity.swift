import Foundation

/// What periodic agreement reminders remember about one channel.
public struct ChannelActivity: Sendable, Equatable {
    /// `platform:channel id`
    public var channelKey: String
    /// Messages posted since the last reminder.
    public var messagesSinceReminder: Int
    public var lastReminderAt: Date?
    /// When the channel is next looked at; nil when no look is scheduled (a quiet channel).
    public var nextCheckAt: Date?

    public init(channelKey: String, messagesSinceReminder: Int = 0, lastReminderAt: Date? = nil, nextCheckAt: Date? = nil) {
        self.channelKey = channelKey
        self.messagesSinceReminder = messagesSinceReminder
        self.lastReminderAt = lastReminderAt
        self.nextCheckAt = nextCheckAt
    }

    /// The key of a channel.
    public static func key(of channel: ChannelRef) -> String { "\(channel.platform.rawValue):\(channel.id)" }
}
