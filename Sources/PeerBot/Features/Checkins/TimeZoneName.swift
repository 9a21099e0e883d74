import Foundation

/// IANA time zone names as members type them: `Europe/Berlin`, `europe/berlin`, `UTC`.
public enum TimeZoneName {
    /// Lowercased name → canonical name, for every zone the system's tz database knows.
    private static let known: [String: String] = {
        var names: [String: String] = ["utc": "UTC", "gmt": "GMT"]
        for identifier in TimeZone.knownTimeZoneIdentifiers { names[identifier.lowercased()] = identifier }
        return names
    }()

    /// The zone for an IANA name, or nil when the tz database has no such zone.
    /// Abbreviations such as `CET` or offsets such as `GMT+2` are refused on
    /// purpose: only a named zone follows its region's daylight-saving rules.
    public static func resolve(_ text: String) -> TimeZone? {
        canonical(text).flatMap(TimeZone.init(identifier:))
    }

    /// The tz database's spelling of a zone name (`europe/berlin` → `Europe/Berlin`), or nil.
    public static func canonical(_ text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, trimmed.count <= 64 else { return nil }
        return known[trimmed.lowercased()]
    }
}
