import Foundation
import Logging
import Synchronization

/// Runs the bot: consumes every adapter's events, hands them to the `Bot`,
/// delivers the outbox, and (with a real clock) runs due jobs every second.
public final class BotRuntime: Sendable {
    private let bot: Bot
    private let dispatcher: OutboxDispatcher
    private let clock: any WallClock
    private let adapters: [any ChatAdapter]
    private let logger: Logger
    /// How often the real-clock loop looks for due jobs and retries.
    private let tick: Duration
    private let failures = Mutex<[Platform]>([])

    public init(
        bot: Bot, dispatcher: OutboxDispatcher, clock: any WallClock, adapters: [any ChatAdapter],
        tick: Duration = .seconds(1), logger: Logger = Logger(label: "peerbot.runtime")
    ) {
        self.bot = bot
        self.dispatcher = dispatcher
        self.clock = clock
        self.adapters = adapters
        self.tick = tick
        self.logger = logger
    }

    /// Runs until every adapter's event stream has finished (end of console
    /// input, or `stop()`), then delivers what is due and returns.
    public func run() async {
        for adapter in adapters { await dispatcher.register(adapter) }
        await bot.prepare()
        await bot.runDueJobs()
        await dispatcher.drain()
        let ticker: Task<Void, Never>? =
            clock.isVirtual
            ? nil
            : Task { [self] in
                while !Task.isCancelled {
                    try? await Task.sleep(for: tick)
                    await bot.runDueJobs()
                    await dispatcher.drain()
                }
            }
        await withTaskGroup(of: Platform?.self) { group in
            for adapter in adapters {
                group.addTask { [self] in
                    do {
                        try await adapter.run()
                        return nil
                    } catch {
                        logger.error("adapter stopped", metadata: ["platform": "\(adapter.platform)", "error": "\(error)"])
                        return adapter.platform
                    }
                }
                group.addTask { [self] in
                    let lockstep = adapter.processesInLockstep
                    for await event in adapter.events() {
                        await process(event, lockstep: lockstep)
                        // Every adapter hears when an event is handled, so one that
                        // replays after a crash (a sync position) advances only then.
                        await adapter.didProcess(event)
                    }
                    return nil
                }
            }
            for await platform in group {
                if let platform { failures.withLock { $0.append(platform) } }
            }
        }
        ticker?.cancel()
        await bot.runDueJobs()
        await dispatcher.drain()
        let pending = await bot.outboxDepth()
        logger.info("stopped", metadata: ["outbox_pending": "\(pending)"])
    }

    /// The platforms whose adapter stopped with an error (a rejected token…) during `run()`.
    public var failedAdapters: [Platform] { failures.withLock { $0 } }

    /// Asks every adapter to stop; `run()` then returns.
    public func stop() async {
        for adapter in adapters { await adapter.stop() }
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
            Task { await dispatcher.drain() }
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
