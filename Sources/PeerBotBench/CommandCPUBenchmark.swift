import Foundation
import PeerBot

/// CPU time (user + system, from `getrusage` of this process: every thread,
/// SQLite included) per handled command, each answered through the outbox.
/// The commands are `TrafficMix.commands`: help, help lines, agreements,
/// check-ins, regions, boundaries, time zones.
@MainActor
final class CommandCPUBenchmark: Benchmark {
    private let commandsPerSample = 4_000
    private var mix = TrafficMix(seed: 3)
    private var adapter = InMemoryAdapter()
    private var bench: BenchBot?

    var name: String { "CPU per handled command, in process" }
    var unit: String { "ms (user+sys)" }

    func setUp() async throws {
        bench = try await BenchBot(adapter: adapter, label: "command-cpu")
    }

    func sample() async throws -> Double {
        guard let bench else { throw BenchError("not set up") }
        var events: [InboundEvent] = []
        for _ in 0..<commandsPerSample { events.append(mix.command()) }
        adapter.clear()
        let before = CPUTime.ofProcess()
        _ = await BotDriver.handleAndDrain(events, bot: bench.bot, dispatcher: bench.dispatcher)
        let cpu = CPUTime.ofProcess() - before
        guard adapter.performed.count >= commandsPerSample else {
            throw BenchError("\(adapter.performed.count) answers to \(commandsPerSample) commands")
        }
        return cpu / Double(commandsPerSample) * 1_000
    }

    func tearDown() async {
        bench?.remove()
    }
}
