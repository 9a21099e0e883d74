import Foundation

/// `[checkins]`: private check-ins and their schedules.
public struct CheckinSettings: Sendable {
    /// After a prompt, the member's next private message within this window is
    /// taken as the answer. Default 15 minutes.
    public var answerWindow: TimeInterval = 15 * 60
    /// The zone for schedules of members who have not set one. Default `UTC`.
    public var defaultTimeZone = "UTC"
    /// The longest note a check-in keeps, in characters. Default 500.
    public var maxNoteLength = 500
    /// The longest pause `!checkin pause` accepts. Default 90 days.
    public var maxPause: TimeInterval = 90 * 86_400

    public init() {}

    /// Reads `[checkins]`.
    public init(reader: ConfigReader) throws(ConfigError) {
        answerWindow = try reader.duration("checkins.answer_window", default: answerWindow)
        guard (60...86_400).contains(answerWindow) else {
            throw .invalidValue(
                path: reader.path, key: "checkins.answer_window",
                message: "expected a duration from 1m to 24h, found \(DurationText.format(answerWindow))")
        }
        defaultTimeZone = try reader.string("checkins.default_time_zone", default: defaultTimeZone)
        guard let name = TimeZoneName.canonical(defaultTimeZone), TimeZoneName.resolve(name) != nil else {
            throw .invalidValue(
                path: reader.path, key: "checkins.default_time_zone",
                message: "expected an IANA time zone name such as \"Europe/Berlin\" or \"UTC\", found \"\(defaultTimeZone)\"")
        }
        defaultTimeZone = name
        maxNoteLength = try reader.int("checkins.max_note_length", default: maxNoteLength, range: 1...2000)
        maxPause = try reader.duration("checkins.max_pause", default: maxPause)
    }
}
