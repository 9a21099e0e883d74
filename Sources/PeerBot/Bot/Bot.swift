import Foundation
import Logging

/// The platform-neutral core: turns inbound events into stored state and
/// outbox entries, and runs due jobs. Deterministic given its clock and store.
public actor Bot {
    /// The configuration in force; `reload` replaces it together with the features.
    public private(set) var configuration: BotConfiguration
    let store: any Store
    let clock: any WallClock
    private(set) var features: [any Feature]
    private(set) var commandTable: CommandTable
    private(set) var parser: CommandParser
    private(set) var jobRunners: [String: any Feature]
    /// Per-member command rate limits (`[limits]`), in memory.
    var commandLimiter: CommandRateLimiter
    /// The same limit for private messages, which are never dropped (see `MessageNotes.overRateLimit`).
    var directMessageLimiter: CommandRateLimiter
    let logger: Logger
    /// Where the bot counts events and what features report.
    public nonisolated let metrics: BotMetrics

    /// Builds the bot. Throws when two features claim the same command name.
    public init(
        configuration: BotConfiguration, store: any Store, clock: any WallClock, features: [any Feature],
        metrics: BotMetrics = BotMetrics(), logger: Logger = Logger(label: "peerbot.core")
    ) throws {
        self.configuration = configuration
        self.store = store
        self.clock = clock
        self.features = features
        self.metrics = metrics
        self.logger = logger
        let limits = configuration.limits
        commandLimiter = CommandRateLimiter(burst: limits.commandBurst, refill: limits.commandRefill)
        directMessageLimiter = CommandRateLimiter(burst: limits.commandBurst, refill: limits.commandRefill)
        (parser, commandTable, jobRunners) = try Self.routing(configuration: configuration, features: features)
    }

    /// Swaps in a new configuration and the features built from it, at once:
    /// the next event sees all of the new or (when this throws) all of the old.
    /// The store and the clock stay; so does every job and outbox entry.
    public func reload(configuration: BotConfiguration, features: [any Feature]) throws {
        let routing = try Self.routing(configuration: configuration, features: features)
        // What the old features hold in memory is written before they go.
        flushFeatures()
        self.configuration = configuration
        self.features = features
        (parser, commandTable, jobRunners) = routing
        commandLimiter.configure(burst: configuration.limits.commandBurst, refill: configuration.limits.commandRefill)
        directMessageLimiter.configure(burst: configuration.limits.commandBurst, refill: configuration.limits.commandRefill)
    }

    /// The parser, command table and job runners for a set of features.
    private static func routing(
        configuration: BotConfiguration, features: [any Feature]
    ) throws -> (CommandParser, CommandTable, [String: any Feature]) {
        // One argument more than allowed is read, so that "too many" can be told apart from "just enough".
        let parser = CommandParser(prefix: configuration.bot.commandPrefix, maxArguments: configuration.limits.maxArguments + 1)
        var table = CommandTable()
        for feature in features {
            for spec in feature.commands { try table.add(spec) }
        }
        try table.add(Self.helpSpec(table: table))
        var runners: [String: any Feature] = [:]
        for feature in features {
            for kind in feature.jobKinds { runners[kind] = feature }
        }
        return (parser, table, runners)
    }

    /// Handles one inbound event. Never throws: a failure is logged and, where
    /// a member is waiting for an answer, they are told plainly.
    public func handle(_ event: InboundEvent) {
        if let (platform, kind) = event.metricsKind { metrics.eventReceived(platform: platform, kind: kind) }
        switch event {
        case .message(let message):
            handleMessage(message)
        case .command(let command):
            handleNativeCommand(command)
        case .reaction(let reaction):
            inTransaction("reaction", platform: reaction.channel.platform) { context in
                for feature in features { try feature.reacted(reaction, context: context) }
            }
        case .memberJoined(let join):
            inTransaction("member-joined", platform: join.member.platform) { context in
                for feature in features { try feature.memberJoined(join, context: context) }
            }
        case .advanceClock:
            break  // the runtime moves the clock; nothing for features to do
        case .unknown(let platform, let kind):
            logger.debug("unhandled platform event", metadata: ["platform": "\(platform)", "kind": "\(kind)"])
        }
    }

    /// The number of pending outbox entries.
    public func outboxDepth() -> Int {
        (try? store.read { try $0.outboxDepth() }) ?? 0
    }

    /// Runs `body` in a write transaction, logging (never propagating) failures.
    /// A `deferred` one takes the database's locks only once `body` touches it
    /// (`Store.writeDeferred`): for handlers that usually do nothing.
    @discardableResult
    func inTransaction(
        _ what: String, platform: Platform, notes: MessageNotes = MessageNotes(), deferred: Bool = false,
        _ body: (BotContext) throws -> Void
    ) -> Bool {
        let now = clock.now
        let configuration = configuration
        var tally = MetricsTally()
        let run = { (transaction: any StoreTransaction) throws in
            // A fresh tally per attempt: a deferred transaction may run twice.
            tally = MetricsTally()
            try body(BotContext(store: transaction, now: now, configuration: configuration, notes: notes, tally: tally))
        }
        do {
            if deferred { try store.writeDeferred(run) } else { try store.write(run) }
            report(tally)
            return true
        } catch {
            logger.error(
                "handler failed", metadata: ["event": "\(what)", "platform": "\(platform)", "error": "\(error)"])
            return false
        }
    }

    /// Reports what a committed transaction counted.
    func report(_ tally: MetricsTally) {
        for event in tally.events { metrics.record(event) }
    }
}
