import Foundation

extension CheckinsFeature: RetentionPurging {
    /// Check-ins older than `retention.checkins_days` are deleted by the daily sweep.
    public func purgeExpired(retention: RetentionSettings, context: BotContext) throws -> Int {
        let cutoff = context.now.addingTimeInterval(-Double(retention.checkinsDays) * 86_400)
        return try context.store.deleteCheckins(before: cutoff)
    }
}
