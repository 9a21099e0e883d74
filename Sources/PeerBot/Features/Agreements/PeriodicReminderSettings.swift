import Foundation

/// `[agreements.reminders]`: the agreements posted again in busy channels.
/// Every `every`, PeerBot looks at each listed channel and posts the
/// agreements there when at least `min_messages` were posted since the last
/// reminder; a quiet channel is never reminded.
public struct PeriodicReminderSettings: Sendable {
    /// How often a channel is looked at. Default 8 hours.
    public var every: TimeInterval = 8 * 3600
    /// Messages since the last reminder needed for the next. Default 25.
    public var minMessages = 25
    /// Channel names or ids (`"*"`: every channel). Default none: no periodic reminders.
    public var channels: [String] = []

    public init() {}

    public init(reader: ConfigReader) throws(ConfigError) {
        every = try reader.duration("agreements.reminders.every", default: every)
        guard (600...(30 * 86_400)).contains(every) else {
            throw .invalidValue(
                path: reader.path, key: "agreements.reminders.every",
                message: "expected a duration from 10m to 30d, found \(DurationText.format(every))")
        }
        minMessages = try reader.int("agreements.reminders.min_messages", default: minMessages, range: 1...100_000)
        channels = try reader.strings("agreements.reminders.channels", default: channels)
            .map { $0.hasPrefix("#") ? String($0.dropFirst()) : $0 }
    }

    /// True when reminders are posted in `channel`.
    public func covers(_ channel: ChannelRef) -> Bool {
        guard !channel.isDirect else { return false }
        return channels.contains { $0 == "*" || $0 == channel.id || $0 == channel.name }
    }
}
