import Synchronization

/// The metric events of one transaction, reported after it commits.
///
/// A class because `BotContext` is a value passed down through features; all
/// of them append to the one tally of their transaction. Locked so that it
/// may cross from the bot's actor into the store's transaction closure.
public final class MetricsTally: Sendable {
    private let storage = Mutex<[BotMetricEvent]>([])

    public init() {}

    /// What was counted, in order.
    public var events: [BotMetricEvent] { storage.withLock { $0 } }

    func append(_ event: BotMetricEvent) {
        storage.withLock { $0.append(event) }
    }
}
