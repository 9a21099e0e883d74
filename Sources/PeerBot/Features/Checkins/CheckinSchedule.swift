import Foundation

/// A member's chosen rhythm for check-in prompts: every day, or one day a
/// week, at a local time; optionally paused until an instant.
public struct CheckinSchedule: Sendable, Equatable {
    public var memberKey: String
    /// nil: every day.
    public var weekday: Weekday?
    public var time: TimeOfDay
    /// No prompt before this instant.
    public var pausedUntil: Date?

    public init(memberKey: String, weekday: Weekday?, time: TimeOfDay, pausedUntil: Date? = nil) {
        self.memberKey = memberKey
        self.weekday = weekday
        self.time = time
        self.pausedUntil = pausedUntil
    }

    /// The first occurrence strictly after `instant`, as a wall-clock time in
    /// `zone` (so 20:00 stays 20:00 local across daylight-saving changes; a time
    /// the change skips moves to the next existing minute).
    public func nextOccurrence(after instant: Date, in zone: TimeZone) -> Date? {
        var wanted = DateComponents(hour: time.hour, minute: time.minute, second: 0)
        wanted.weekday = weekday?.calendarValue
        return Calendar.gregorian(in: zone).nextDate(
            after: instant, matching: wanted, matchingPolicy: .nextTime, repeatedTimePolicy: .first)
    }

    /// `every day at 20:00`, `every Monday at 08:30`.
    public var rhythm: String {
        "every \(weekday.map(\.description) ?? "day") at \(time)"
    }
}
