import PeerBot

/// Feeds events to the bot the way `BotRuntime` does: from a task on the
/// shared pool, never from the main thread. (Each call from the main actor
/// into the bot's actor would hand the work to another thread and back,
/// which measures thread wake-ups rather than the bot.)
enum BotDriver {
    /// Handles each event, then drains the outbox, one after the other. Returns
    /// the elapsed seconds.
    @concurrent
    static func handleAndDrain(_ events: [InboundEvent], bot: Bot, dispatcher: OutboxDispatcher) async -> Double {
        let clock = ContinuousClock()
        let start = clock.now
        for event in events {
            await bot.handle(event)
            await dispatcher.drain()
        }
        return (clock.now - start).seconds
    }
}
