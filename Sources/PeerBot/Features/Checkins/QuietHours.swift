import Foundation

/// Local hours in which a member gets no check-in prompt (`22:00-07:00`).
/// A prompt that falls inside them waits until they end.
public struct QuietHours: Sendable, Equatable, CustomStringConvertible {
    public let start: TimeOfDay
    public let end: TimeOfDay

    public init?(start: TimeOfDay, end: TimeOfDay) {
        guard start != end else { return nil }
        self.start = start
        self.end = end
    }

    /// Reads `HH:MM-HH:MM` (a hyphen or an en dash); nil for anything else or an empty window.
    public init?(parsing text: String) {
        let normalized = text.replacingOccurrences(of: "–", with: "-").replacingOccurrences(of: " ", with: "")
        let parts = normalized.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, let start = TimeOfDay(parsing: String(parts[0])),
            let end = TimeOfDay(parsing: String(parts[1]))
        else { return nil }
        self.init(start: start, end: end)
    }

    /// `22:00-07:00`, the form stored and shown.
    public var description: String { "\(start)-\(end)" }

    /// True when the local time is inside the window (the start included, the end not).
    public func contains(_ time: TimeOfDay) -> Bool {
        start < end ? (start <= time && time < end) : (time >= start || time < end)
    }

    /// `instant` itself when it is outside the window, else the instant the window ends (local time in `zone`).
    public func deferring(_ instant: Date, in zone: TimeZone) -> Date {
        let calendar = Calendar.gregorian(in: zone)
        let parts = calendar.dateComponents([.hour, .minute], from: instant)
        guard let time = TimeOfDay(hour: parts.hour ?? 0, minute: parts.minute ?? 0), contains(time) else {
            return instant
        }
        return calendar.nextDate(
            after: instant, matching: DateComponents(hour: end.hour, minute: end.minute, second: 0),
            matchingPolicy: .nextTime) ?? instant
    }
}

extension Calendar {
    /// The Gregorian calendar in a given zone, the one schedules are computed with.
    static func gregorian(in zone: TimeZone) -> Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        return calendar
    }
}
