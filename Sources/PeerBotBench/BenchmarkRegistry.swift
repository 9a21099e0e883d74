/// Every benchmark `peerbot-bench` runs, in order.
@MainActor
enum BenchmarkRegistry {
    static func all() -> [any Benchmark] {
        let members = MemberPopulation(count: 10_000)
        return [
            // The core, in process.
            CoreThroughputBenchmark(),
            CoreThroughputBenchmark(perCPUSecond: true),
            CommandCPUBenchmark(),
            CrisisScanBenchmark(style: .ascii, messageBytes: 1 << 10),
            CrisisScanBenchmark(style: .ascii, messageBytes: 1 << 20),
            CrisisScanBenchmark(style: .typographic, messageBytes: 1 << 10),
            CrisisScanBenchmark(style: .typographic, messageBytes: 1 << 20),
            CrisisScanBenchmark(style: .emoji, messageBytes: 1 << 10),
            CrisisScanBenchmark(style: .ascii, messageBytes: 1 << 10, perCPUSecond: true),
            CrisisScanBenchmark(style: .ascii, messageBytes: 1 << 20, perCPUSecond: true),
            CrisisScanBenchmark(style: .typographic, messageBytes: 1 << 10, perCPUSecond: true),
            PageLatencyBenchmark(percentile: 50),
            PageLatencyBenchmark(percentile: 99),
            PageLatencyBenchmark(percentile: 99, throughRateLimiter: true),
            DiscordDecodeBenchmark(.decodeOnly),
            DiscordDecodeBenchmark(.recordingSeen),
            // The release `peerbot` executable.
            ConsoleEndToEndBenchmark(),
            ConsoleCommandCPUBenchmark(),
            ColdStartBenchmark(),
            MemoryBenchmark(.idle, population: members),
            MemoryBenchmark(.idleAnonymous, population: members),
            MemoryBenchmark(.withMembers, population: members),
            MemoryBenchmark(.perThousandMembers, population: members),
            // The transport, against the loopback Python peers.
            WebSocketEchoBenchmark(pipelined: false),
            WebSocketEchoBenchmark(pipelined: true),
            HTTPRequestsBenchmark(concurrency: 1),
            HTTPRequestsBenchmark(concurrency: 32),
            WebSocketIdleMemoryBenchmark(),
        ]
    }
}
