import Foundation
import Logging

/// The daily retention sweep: every feature that adopts `RetentionPurging`
/// deletes what has outlived `[retention]`.
public struct RetentionFeature: Feature {
    public static let sweepJobKind = "retention.sweep"

    let features: [any Feature]
    let logger: Logger

    public init(features: [any Feature], logger: Logger = Logger(label: "peerbot.retention")) {
        self.features = features
        self.logger = logger
    }

    public var jobKinds: [String] { [Self.sweepJobKind] }

    /// Schedules today's sweep (once per day, whatever the number of starts).
    public func prepare(context: BotContext) throws {
        try schedule(at: context.now, context: context)
    }

    public func run(_ job: Job, context: BotContext) throws {
        var purged = 0
        for case let feature as any RetentionPurging in features {
            purged += try feature.purgeExpired(retention: context.configuration.retention, context: context)
        }
        logger.info("retention sweep", metadata: ["purged": "\(purged)"])
        try schedule(at: context.now.addingTimeInterval(86_400), context: context)
    }

    private func schedule(at instant: Date, context: BotContext) throws {
        let day = String(TimestampText.iso8601(instant).prefix(10))
        try context.store.schedule(Job(kind: Self.sweepJobKind, key: "retention:sweep:\(day)", dueAt: instant))
    }
}
