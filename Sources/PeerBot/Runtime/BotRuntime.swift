import Foundation
import Logging
import Synchronization

/// Runs the bot: consumes every adapter's events, hands them to the `Bot`,
/// delivers the outbox, and (with a real clock) runs due jobs every second.
///
/// `run()` returns when every adapter's event stream has finished (end of
/// console input) or after `requestStop()` (SIGTERM, SIGINT): then it stops
/// taking events, delivers the outbox within the flush deadline, and closes
/// the adapters.
public final class BotRuntime: Sendable {
    private let bot: Bot
    private let dispatcher: OutboxDispatcher
    private let clock: any WallClock
    private let adapters: [any ChatAdapter]
    private let logger: Logger
    /// How often the real-clock loop looks for due jobs and retries.
    private let tick: Duration
    /// How long a shutdown may spend delivering the outbox.
    private let flushDeadline: Duration
    /// How long adapters get to close their connections.
    private let stopGrace: Duration
    /// The outbox counts as stuck (health 503) when its oldest entry waited longer.
    private let outboxStuckAfter: TimeInterval
    private let stopSignal: AsyncStream<Void>
    private let stopContinuation: AsyncStream<Void>.Continuation
    private let state = Mutex(RuntimeState())

    /// What the runtime knows beyond what adapters report.
    private struct RuntimeState {
        var stopping = false
        /// Adapters whose event stream ended or whose `run()` failed: their own report no longer counts.
        var ended: [Platform: AdapterConnectionState] = [:]
        /// The counters last seen per adapter, to turn its totals into metric increments.
        var lastSeen: [Platform: AdapterHealth] = [:]
    }

    public init(
        bot: Bot, dispatcher: OutboxDispatcher, clock: any WallClock, adapters: [any ChatAdapter],
        tick: Duration = .seconds(1), flushDeadline: Duration = .seconds(10), stopGrace: Duration = .seconds(5),
        outboxStuckAfter: TimeInterval = 600, logger: Logger = Logger(label: "peerbot.runtime")
    ) {
        self.bot = bot
        self.dispatcher = dispatcher
        self.clock = clock
        self.adapters = adapters
        self.tick = tick
        self.flushDeadline = flushDeadline
        self.stopGrace = stopGrace
        self.outboxStuckAfter = outboxStuckAfter
        self.logger = logger
        (stopSignal, stopContinuation) = AsyncStream.makeStream(of: Void.self)
    }

    /// Runs until the input ends or a stop is requested; see the type's documentation.
    @discardableResult
    public func run() async -> RunOutcome {
        for adapter in adapters { await dispatcher.register(adapter) }
        bot.metrics.registerFamilies(platforms: adapters.map(\.platform))
        await bot.prepare()
        await bot.runDueJobs()
        await dispatcher.drain()
        let ticker: Task<Void, Never>? =
            clock.isVirtual
            ? nil
            : Task { [self] in
                while !Task.isCancelled {
                    try? await Task.sleep(for: tick)
                    if Task.isCancelled { break }
                    await bot.runDueJobs()
                    await dispatcher.drain()
                }
            }
        var outcome = RunOutcome()
        // Unstructured on purpose: a shutdown waits for them only as long as the
        // stop grace allows, and an adapter that never returns must not hold the process.
        let connections = adapters.map { adapter in
            Task { [self] in
                do {
                    try await adapter.run()
                } catch {
                    logger.error("adapter stopped", metadata: ["platform": "\(adapter.platform)", "error": "\(error)"])
                    markEnded(adapter.platform, as: .disconnected)
                }
            }
        }
        outcome.stopRequested = await consumeEvents()
        ticker?.cancel()
        if outcome.stopRequested {
            await bot.flushFeatures()
            outcome.flushed = await flushOutbox()
        } else {
            await bot.runDueJobs()
            await dispatcher.drainEverything()
        }
        outcome.adaptersClosed = await Deadline.run(within: stopGrace) { [adapters] in
            await withTaskGroup(of: Void.self) { group in
                for adapter in adapters { group.addTask { await adapter.stop() } }
            }
            for connection in connections { await connection.value }
        }
        if !outcome.adaptersClosed {
            logger.warning("an adapter did not close in time", metadata: ["grace_s": "\(stopGrace.components.seconds)"])
            for connection in connections { connection.cancel() }
        }
        outcome.failedAdapters = failedAdapters
        outcome.outboxPending = await bot.outboxDepth()
        logger.info(
            "stopped",
            metadata: [
                "outbox_pending": "\(outcome.outboxPending)", "reason": "\(outcome.stopRequested ? "signal" : "end of input")",
            ])
        return outcome
    }

    /// Asks `run()` to stop: no further events are taken, the outbox is
    /// delivered within the flush deadline, adapters are closed. Safe from any
    /// thread (a signal handler), any number of times.
    public func requestStop() {
        let first = state.withLock { state in
            defer { state.stopping = true }
            return !state.stopping
        }
        if first { stopContinuation.yield() }
    }

    /// The platforms whose adapter stopped with an error (a rejected token…) during `run()`.
    public var failedAdapters: [Platform] {
        state.withLock { state in
            state.ended.filter { $0.value == .disconnected }.map(\.key.rawValue).sorted().map(Platform.init(rawValue:))
        }
    }

    /// Asks every adapter to stop at once (tests); `run()` then returns as at end of input.
    public func stop() async {
        for adapter in adapters { await adapter.stop() }
    }

    /// The health of every adapter, the outbox and the tickets; also updates
    /// the gauges and the adapters' counters in the metrics.
    public func health() -> HealthReport {
        let lines = state.withLock { state -> [HealthReport.AdapterLine] in
            adapters.map { adapter in
                var health = adapter.health
                if let ended = state.ended[adapter.platform] { health.state = ended }
                let last = state.lastSeen[adapter.platform] ?? AdapterHealth(state: health.state)
                bot.metrics.reconnected(platform: adapter.platform, count: health.reconnects - last.reconnects)
                bot.metrics.waitedForRateLimit(platform: adapter.platform, count: health.rateLimitWaits - last.rateLimitWaits)
                state.lastSeen[adapter.platform] = health
                return HealthReport.AdapterLine(platform: adapter.platform, health: health)
            }
        }
        var report = bot.healthReport(adapters: lines, outboxStuckAfter: outboxStuckAfter)
        report.stopping = state.withLock { $0.stopping }
        bot.metrics.recordGauges(report)
        return report
    }

    /// Hands every adapter's events to the bot until all streams end (false)
    /// or a stop is requested (true). A stop lets the event in hand finish.
    private func consumeEvents() async -> Bool {
        guard !adapters.isEmpty else { return false }
        return await withTaskGroup(of: Bool.self) { group in
            for adapter in adapters {
                group.addTask { [self] in
                    let lockstep = adapter.processesInLockstep
                    for await event in adapter.events() {
                        await process(event, lockstep: lockstep)
                        // Every adapter hears when an event is handled, so one that
                        // replays after a crash (a sync position) advances only then.
                        await adapter.didProcess(event)
                    }
                    markEnded(adapter.platform, as: .stopped)
                    return false
                }
            }
            group.addTask { [self] in
                for await _ in stopSignal { return true }
                return false
            }
            var open = adapters.count
            while let stopRequested = await group.next() {
                if stopRequested {
                    logger.notice("stopping: no new events are taken; delivering the outbox")
                    group.cancelAll()
                    return true
                }
                open -= 1
                if open == 0 {
                    group.cancelAll()
                    return false
                }
            }
            return false
        }
    }

    /// Delivers what is due, for at most the flush deadline; what is left stays
    /// in the database, unclaimed, for the next start.
    private func flushOutbox() async -> Bool {
        let flushed = await Deadline.run(within: flushDeadline) { [dispatcher] in await dispatcher.drainEverything() }
        await dispatcher.releaseOwnClaims()
        if !flushed {
            logger.warning(
                "outbox not delivered within the flush deadline; the rest is kept for the next start",
                metadata: ["deadline_s": "\(flushDeadline.components.seconds)"])
        }
        return flushed
    }

    private func markEnded(_ platform: Platform, as ending: AdapterConnectionState) {
        state.withLock { state in
            if state.ended[platform] != .disconnected { state.ended[platform] = ending }
        }
    }

    private func process(_ event: InboundEvent, lockstep: Bool) async {
        if case .advanceClock(let seconds) = event {
            await advance(by: seconds)
            return
        }
        await bot.handle(event)
        if lockstep {
            await dispatcher.drain()
        } else {
            Task { await dispatcher.drainSoon() }
        }
    }

    /// Moves a virtual clock forward, running each job at its own due time so
    /// that what it reports (ages, "5 minutes ago") is exact.
    private func advance(by seconds: Int) async {
        guard let virtual = clock as? VirtualWallClock else {
            logger.warning("clock advance ignored: the clock is not virtual")
            return
        }
        let target = virtual.now.addingTimeInterval(TimeInterval(seconds))
        var steps = 0
        while let due = await bot.nextJobDue(), due <= target, steps < 1_000_000 {
            virtual.set(due)
            await bot.runDueJobs()
            await dispatcher.drain()
            steps += 1
        }
        virtual.set(target)
        await bot.runDueJobs()
        await dispatcher.drain()
    }
}
