/// How `BotRuntime.run()` ended.
public struct RunOutcome: Sendable, Equatable {
    /// A stop was requested (SIGTERM, SIGINT) rather than every input ending.
    public var stopRequested = false
    /// After a stop request: everything due was delivered within the flush deadline.
    public var flushed = true
    /// Every adapter's `stop()` returned within the grace period.
    public var adaptersClosed = true
    /// Adapters whose `run()` failed.
    public var failedAdapters: [Platform] = []
    /// Outbox entries left for the next start.
    public var outboxPending = 0

    public init() {}
}
