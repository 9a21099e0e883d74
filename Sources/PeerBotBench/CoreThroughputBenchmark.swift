import Foundation
import PeerBot

/// Inbound messages per second through the core on one task: command
/// parsing, crisis scan, routing, every feature's observation and storage in
/// SQLite (a real file), then delivery of what the bot sends through an
/// in-memory adapter. The traffic is `TrafficMix`: mostly chatter, about one
/// message in twenty a command. The outbox is drained after every message, as
/// the console does (the strictest case; a platform adapter's drains overlap).
/// One task drives it (`BotDriver`), so the work runs on one core.
/// With `perCPUSecond`, the rate is per second of the process's CPU time
/// (user + system, every thread) instead of wall-clock time: what one core
/// of our own would give, read on a machine shared with other work.
@MainActor
final class CoreThroughputBenchmark: Benchmark {
    let perCPUSecond: Bool
    private let messagesPerSample = 20_000
    private var mix = TrafficMix()
    private var adapter = InMemoryAdapter()
    private var bench: BenchBot?

    init(perCPUSecond: Bool = false) {
        self.perCPUSecond = perCPUSecond
    }

    var name: String { perCPUSecond ? "core throughput per CPU-second (mixed traffic, SQLite)" : "core throughput (mixed traffic, SQLite)" }
    var unit: String { perCPUSecond ? "messages/CPU-s" : "messages/s" }

    func setUp() async throws {
        bench = try await BenchBot(adapter: adapter, label: "core")
    }

    func sample() async throws -> Double {
        guard let bench else { throw BenchError("not set up") }
        var events: [InboundEvent] = []
        events.reserveCapacity(messagesPerSample)
        for _ in 0..<messagesPerSample { events.append(mix.next()) }
        adapter.clear()
        let cpuBefore = CPUTime.ofProcess()
        let elapsed = await BotDriver.handleAndDrain(events, bot: bench.bot, dispatcher: bench.dispatcher)
        let cpu = CPUTime.ofProcess() - cpuBefore
        guard !adapter.performed.isEmpty else { throw BenchError("the bot answered nothing") }
        return Double(messagesPerSample) / (perCPUSecond ? cpu : elapsed)
    }

    func tearDown() async {
        bench?.remove()
    }
}
