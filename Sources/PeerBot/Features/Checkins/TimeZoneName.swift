import Foundation

/// IANA time zone names as members type them: `Europe/Berlin`, `europe/berlin`, `UTC`.
public enum TimeZoneName {
    /// The zones without daylight saving that every configuration may name, answered
    /// without listing the tz database (which opens ICU's zone data).
    private static let fixedNames = ["utc": "UTC", "gmt": "GMT"]

    /// Lowercased name → canonical name, for every zone the system's tz database knows.
    private static let known: [String: String] = {
        var names = fixedNames
        for identifier in TimeZone.knownTimeZoneIdentifiers { names[identifier.lowercased()] = identifier }
        return names
    }()

    /// The zone for an IANA name, or nil when the tz database has no such zone.
    /// Abbreviations such as `CET` or offsets such as `GMT+2` are refused on
    /// purpose: only a named zone follows its region's daylight-saving rules.
    public static func resolve(_ text: String) -> TimeZone? {
        guard let name = canonical(text) else { return nil }
        // UTC and GMT need no tz database: `.gmt` keeps the default configuration from
        // opening ICU's zone data at start (README "Performance").
        return fixedNames.values.contains(name) ? .gmt : TimeZone(identifier: name)
    }

    /// The tz database's spelling of a zone name (`europe/berlin` → `Europe/Berlin`), or nil.
    public static func canonical(_ text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, trimmed.count <= 64 else { return nil }
        let lowercased = trimmed.lowercased()
        return fixedNames[lowercased] ?? known[lowercased]
    }
}
