import Foundation

extension AgreementsFeature: RetentionPurging {
    /// When each member was last reminded about a topic, once older than
    /// `retention.records_days` and the reminder cooldown.
    public func purgeExpired(retention: RetentionSettings, context: BotContext) throws -> Int {
        let keep = max(Double(retention.recordsDays) * 86_400, settings.contentWarnings.cooldown)
        return try context.store.deleteTopicReminders(sentBefore: context.now.addingTimeInterval(-keep))
    }
}
