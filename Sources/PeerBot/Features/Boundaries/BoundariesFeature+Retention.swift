import Foundation

extension BoundariesFeature: RetentionPurging {
    /// Who was shown whose boundary when, once older than `retention.records_days`
    /// and the reminder cooldown. The boundaries themselves stay until their owner clears them.
    public func purgeExpired(retention: RetentionSettings, context: BotContext) throws -> Int {
        let keep = max(Double(retention.recordsDays) * 86_400, settings.reminderCooldown)
        return try context.store.deleteBoundaryReminders(sentBefore: context.now.addingTimeInterval(-keep))
    }
}
