/// A feature whose records expire under `[retention]`. The daily retention
/// sweep (`RetentionFeature`) calls every feature that adopts it; each picks
/// its own setting (check-ins use `checkinsDays`, tickets `ticketsDays`).
public protocol RetentionPurging: Feature {
    /// Deletes this feature's records older than its retention; returns how many went.
    func purgeExpired(retention: RetentionSettings, context: BotContext) throws -> Int
}
