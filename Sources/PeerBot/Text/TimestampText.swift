import Foundation

/// Instants as the bot writes them for people and exports: always UTC, so a
/// record reads the same wherever it is read.
public enum TimestampText {
    /// `2026-03-28 19:00 UTC`
    public static func minute(_ date: Date) -> String {
        let time = CivilTime(date)
        return "\(time.isoDate) \(time.hourMinute) UTC"
    }

    /// `2026-03-28T19:00:00Z`
    public static func iso8601(_ date: Date) -> String {
        let time = CivilTime(date)
        return "\(time.isoDate)T\(time.hourMinute):\(CivilTime.padded(time.second, 2))Z"
    }
}
