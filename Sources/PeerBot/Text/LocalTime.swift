import Foundation

/// Instants as a member reads them: in their own time zone, short and plain.
enum LocalTime {
    /// `Sat 28 Mar 20:00`
    static func format(_ instant: Date, in zone: TimeZone) -> String {
        let time = CivilTime(instant, in: zone)
        return "\(time.weekdayName) \(time.day) \(time.monthName) \(time.hourMinute)"
    }

    /// `2026-03-28T19:00:00Z`, for job keys and data exports.
    static func iso(_ instant: Date) -> String {
        TimestampText.iso8601(instant)
    }

    /// `15 minutes`, `1 hour`, `2 days`.
    static func spoken(_ seconds: TimeInterval) -> String {
        let total = Int(seconds.rounded())
        let units: [(Int, String)] = [(86_400, "day"), (3600, "hour"), (60, "minute")]
        for (size, name) in units where total >= size && total % size == 0 {
            let count = total / size
            return "\(count) \(name)\(count == 1 ? "" : "s")"
        }
        return DurationText.format(seconds)
    }
}
