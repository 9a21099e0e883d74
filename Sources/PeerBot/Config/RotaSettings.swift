import Foundation

/// `[rota]`: who is on duty for tier-1 pages — a weekly schedule plus `!oncall on/off`.
public struct RotaSettings: Sendable {
    /// The IANA time zone the schedule is written in. Default `UTC` (`.gmt`: the same
    /// offsets without opening ICU's zone data at start).
    public var timeZone = TimeZone.gmt
    /// How long `!oncall on` lasts when no duration is given. Default 4 hours.
    public var defaultDuration: TimeInterval = 4 * 3600
    /// The longest `!oncall on` accepted. Default 24 hours.
    public var maxDuration: TimeInterval = 24 * 3600
    /// The weekly schedule (`[[rota.shifts]]`).
    public var shifts: [RotaShift] = []

    public init() {}

    /// Reads and validates `[rota]` and its `[[rota.shifts]]`.
    public init(reader: ConfigReader) throws(ConfigError) {
        self.init()
        let path = reader.path
        if let name = try reader.string("rota.time_zone"), !name.isEmpty {
            // UTC (the shipped value) and GMT need no tz database; see `timeZone`.
            guard let zone = ["UTC", "GMT"].contains(name) ? TimeZone.gmt : TimeZone(identifier: name) else {
                throw .invalidValue(
                    path: path, key: "rota.time_zone",
                    message: "expected an IANA time zone such as \"Europe/London\" or \"America/New_York\", found \"\(name)\"")
            }
            timeZone = zone
        }
        defaultDuration = try reader.duration("rota.default_duration", default: defaultDuration)
        maxDuration = try reader.duration("rota.max_duration", default: maxDuration)
        guard defaultDuration > 0, maxDuration >= defaultDuration, maxDuration <= 7 * 86_400 else {
            throw .invalidValue(
                path: path, key: "rota.max_duration",
                message: "expected default_duration ≤ max_duration ≤ 7d, found \(DurationText.format(defaultDuration)) and \(DurationText.format(maxDuration))")
        }
        shifts = try reader.tableEntries("rota.shifts").map(Self.shift(from:))
    }

    private static func shift(from entry: ConfigTable) throws(ConfigError) -> RotaShift {
        try entry.requireOnly(["member", "days", "from", "to"])
        let member = try entry.requiredString("member", hint: "the facilitator's member key, such as \"console:sam\"")
        guard MemberKeyFormat.isValid(member) else {
            throw entry.invalid("member", "expected a member key written platform:id, found \"\(member)\"")
        }
        var weekdays: Set<Int> = []
        for day in try entry.strings("days") ?? ["daily"] {
            guard let numbers = RotaShift.dayNames[day.lowercased()] else {
                throw entry.invalid("days", "expected mon, tue, wed, thu, fri, sat, sun, weekdays, weekends or daily, found \"\(day)\"")
            }
            weekdays.formUnion(numbers)
        }
        guard !weekdays.isEmpty else { throw entry.invalid("days", "expected at least one day") }
        let fromText = try entry.requiredString("from", hint: "the start time, such as \"18:00\"")
        let toText = try entry.requiredString("to", hint: "the end time, such as \"23:00\"")
        guard let start = RotaShift.minutes(fromText), start < 24 * 60 else {
            throw entry.invalid("from", "expected a time HH:MM such as \"18:00\", found \"\(fromText)\"")
        }
        guard let end = RotaShift.minutes(toText) else {
            throw entry.invalid("to", "expected a time HH:MM such as \"23:00\" (24:00 for midnight), found \"\(toText)\"")
        }
        guard start != end % (24 * 60) else { throw entry.invalid("to", "the shift starts and ends at the same time") }
        return RotaShift(member: member, weekdays: weekdays, startMinute: start, endMinute: end)
    }
}
