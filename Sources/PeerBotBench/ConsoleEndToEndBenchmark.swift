import Foundation

/// Lines per second piped through the release `peerbot console` with the
/// shipped configuration: a generated 100,000-line transcript of
/// `TrafficMix` traffic, from spawning the process to its exit (start-up
/// and a fresh database included). The console is lockstep: each line's
/// answers are written before the next line is read.
@MainActor
final class ConsoleEndToEndBenchmark: Benchmark {
    private let lines = 100_000
    private var directory: URL?
    private var config = ""
    private var transcript: [UInt8] = []

    var name: String { "console end to end (100,000-line transcript)" }
    var unit: String { "lines/s" }

    func setUp() async throws {
        let directory = try BenchEnvironment.temporaryDirectory("console")
        config = try BenchEnvironment.writeShippedConfig(in: directory)
        var mix = TrafficMix(seed: 11)
        transcript = ConsoleTranscript.bytes(count: lines) { mix.next() }
        self.directory = directory
    }

    func sample() async throws -> Double {
        guard let directory else { throw BenchError("not set up") }
        for suffix in ["", "-wal", "-shm"] {
            try? FileManager.default.removeItem(at: directory.appendingPathComponent("peerbot.sqlite" + suffix))
        }
        let clock = ContinuousClock()
        let start = clock.now
        let process = try ConsoleProcess(config: config, errorLog: directory.appendingPathComponent("stderr.log").path)
        process.feedAndClose(transcript)
        let output = process.drainOutput()
        let status = process.wait()
        let elapsed = (clock.now - start).seconds
        guard status == 0 else { throw BenchError("peerbot console exited with \(status)") }
        guard output > lines / 100 else { throw BenchError("only \(output) output lines") }
        return Double(lines) / elapsed
    }

    func tearDown() async {
        if let directory { try? FileManager.default.removeItem(at: directory) }
    }
}
