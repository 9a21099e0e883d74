/// Every benchmark `peerbot-bench` runs, in order.
@MainActor
enum BenchmarkRegistry {
    static func all() -> [any Benchmark] {
        [
            WebSocketEchoBenchmark(pipelined: false),
            WebSocketEchoBenchmark(pipelined: true),
            HTTPRequestsBenchmark(concurrency: 1),
            HTTPRequestsBenchmark(concurrency: 32),
            WebSocketIdleMemoryBenchmark(),
        ]
    }
}
