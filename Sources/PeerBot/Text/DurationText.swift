import Foundation

/// Durations as people write them: `90s`, `10m`, `2h`, `3d`, `1w`, and
/// combinations such as `1h30m`.
public enum DurationText {
    private static let units: [Character: TimeInterval] = ["s": 1, "m": 60, "h": 3600, "d": 86_400, "w": 604_800]

    /// Seconds, or nil when the text is not a duration. At most 10 years.
    public static func parse(_ text: String) -> TimeInterval? {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        guard !trimmed.isEmpty, trimmed.count <= 32 else { return nil }
        var total: TimeInterval = 0
        var digits = ""
        for character in trimmed {
            if character.isASCII, character.isNumber {
                digits.append(character)
            } else if let unit = units[character], let value = Double(digits), !digits.isEmpty {
                total += value * unit
                digits = ""
            } else {
                return nil
            }
        }
        guard digits.isEmpty, total > 0, total <= 10 * 365 * 86_400 else { return nil }
        return total
    }

    /// A short human form: `45s`, `6m`, `2h 5m`, `3d 4h`.
    public static func format(_ seconds: TimeInterval) -> String {
        let total = Int(max(0, seconds.rounded()))
        let days = total / 86_400, hours = (total % 86_400) / 3600, minutes = (total % 3600) / 60
        if days > 0 { return hours > 0 ? "\(days)d \(hours)h" : "\(days)d" }
        if hours > 0 { return minutes > 0 ? "\(hours)h \(minutes)m" : "\(hours)h" }
        if minutes > 0 { return "\(minutes)m" }
        return "\(total)s"
    }
}
