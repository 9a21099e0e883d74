/// `[retention]`: how long old records are kept before the daily sweep deletes them.
public struct RetentionSettings: Sendable {
    /// Check-ins older than this many days are deleted. Default 90.
    public var checkinsDays = 90
    /// Resolved or withdrawn tickets (and their audit events) older than this many days are deleted. Default 365.
    public var ticketsDays = 365

    public init() {}

    public init(reader: ConfigReader) throws(ConfigError) {
        self.init()
        checkinsDays = try reader.int("retention.checkins_days", default: checkinsDays, range: 1...3650)
        ticketsDays = try reader.int("retention.tickets_days", default: ticketsDays, range: 1...3650)
    }
}
