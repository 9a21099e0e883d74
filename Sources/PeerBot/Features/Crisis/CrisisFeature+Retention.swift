import Foundation

extension CrisisFeature: RetentionPurging {
    /// The time of a member's last crisis-line offer (kept only for the
    /// cooldown), once older than `retention.records_days` and the cooldown.
    public func purgeExpired(retention: RetentionSettings, context: BotContext) throws -> Int {
        let keep = max(Double(retention.recordsDays) * 86_400, settings.cooldown)
        return try context.store.deleteTimeSettings(.crisisOfferAt, before: context.now.addingTimeInterval(-keep))
    }
}
