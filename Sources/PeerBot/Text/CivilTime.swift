import Foundation

/// The Gregorian calendar fields of an instant at a fixed offset from UTC,
/// by arithmetic (the days-from-civil algorithm, Howard Hinnant,
/// https://howardhinnant.github.io/date_algorithms.html). Formatting a
/// timestamp this way costs nanoseconds; building a `DateFormatter` for it
/// costs tens of microseconds, which answers on the hot path cannot spare.
/// Gives what an `en_US_POSIX` formatter gives for every instant since 1583.
struct CivilTime {
    var year: Int
    var month: Int
    var day: Int
    var hour: Int
    var minute: Int
    var second: Int
    /// 0 = Sunday … 6 = Saturday.
    var weekday: Int

    /// The fields of `instant` in `zone` (its offset at that instant).
    init(_ instant: Date, in zone: TimeZone) {
        self.init(instant, offset: zone.secondsFromGMT(for: instant))
    }

    /// The fields of `instant` at `offset` seconds east of UTC.
    init(_ instant: Date, offset: Int = 0) {
        let seconds = Int(instant.timeIntervalSince1970.rounded(.down)) + offset
        var days = seconds / 86_400
        var secondOfDay = seconds % 86_400
        if secondOfDay < 0 {
            secondOfDay += 86_400
            days -= 1
        }
        hour = secondOfDay / 3600
        minute = secondOfDay % 3600 / 60
        second = secondOfDay % 60
        weekday = ((days + 4) % 7 + 7) % 7  // 1970-01-01 was a Thursday
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    }

    static let weekdayNames = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    var weekdayName: String { Self.weekdayNames[weekday] }
    var monthName: String { Self.monthNames[month - 1] }

    /// `2026-03-28`
    var isoDate: String { "\(Self.padded(year, 4))-\(Self.padded(month, 2))-\(Self.padded(day, 2))" }
    /// `19:05`
    var hourMinute: String { "\(Self.padded(hour, 2)):\(Self.padded(minute, 2))" }

    /// `value` with leading zeros to `width` digits (a minus sign first when negative).
    static func padded(_ value: Int, _ width: Int) -> String {
        let digits = String(value.magnitude)
        let zeros = String(repeating: "0", count: max(0, width - digits.count))
        return (value < 0 ? "-" : "") + zeros + digits
    }
}
