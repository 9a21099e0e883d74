import Foundation

/// Reads ISO 8601 instants, with or without fractional seconds; a missing
/// zone means UTC.
enum ISO8601Parsing {
    static func date(_ text: String) -> Date? {
        let plain = ISO8601DateFormatter()
        if let date = plain.date(from: text) { return date }
        let fractional = ISO8601DateFormatter()
        fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = fractional.date(from: text) { return date }
        return plain.date(from: text + "Z")
    }
}
