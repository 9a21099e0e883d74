import Foundation

/// Reads ISO 8601 instants, with or without fractional seconds; a missing
/// zone means UTC.
///
/// `Date.ISO8601FormatStyle` parses in Swift (FoundationEssentials);
/// `ISO8601DateFormatter` would open ICU's calendar, locale, number and
/// time-zone data for one `--virtual-clock` argument, 3.7 MiB of resident
/// memory for the rest of the process (README "Performance").
enum ISO8601Parsing {
    static func date(_ text: String) -> Date? {
        let plain = Date.ISO8601FormatStyle()
        if let date = try? plain.parse(text) { return date }
        if let date = try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(text) { return date }
        return try? plain.parse(text + "Z")
    }
}
