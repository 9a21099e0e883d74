import Foundation

/// `[boundaries]`: personal boundaries.
public struct BoundarySettings: Sendable {
    /// The longest boundary, in characters. Default 300.
    public var maxLength = 300
    /// One member is reminded of another's boundary at most once in this time. Default 24 hours.
    public var reminderCooldown: TimeInterval = 86_400

    public init() {}

    public init(reader: ConfigReader) throws(ConfigError) {
        maxLength = try reader.int("boundaries.max_length", default: maxLength, range: 20...1000)
        reminderCooldown = try reader.duration("boundaries.reminder_cooldown", default: reminderCooldown)
    }
}
