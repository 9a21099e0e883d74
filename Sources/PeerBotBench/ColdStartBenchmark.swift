import Foundation

/// Cold start of the release `peerbot console` with the shipped
/// configuration and an existing database: from spawning the process until
/// the first line of its answer to `alice: !help` arrives on its stdout.
/// That span includes loading the configuration, help lines and crisis
/// phrases, opening SQLite, building the features, and handling one command.
@MainActor
final class ColdStartBenchmark: Benchmark {
    private var directory: URL?
    private var config = ""

    var name: String { "cold start to first answer (existing database)" }
    var unit: String { "ms" }

    func setUp() async throws {
        let directory = try BenchEnvironment.temporaryDirectory("cold-start")
        config = try BenchEnvironment.writeShippedConfig(in: directory)
        self.directory = directory
        _ = try measure()  // creates and migrates the database
    }

    func sample() async throws -> Double {
        try measure()
    }

    private func measure() throws -> Double {
        guard let directory else { throw BenchError("not set up") }
        let clock = ContinuousClock()
        let start = clock.now
        let process = try ConsoleProcess(config: config, errorLog: directory.appendingPathComponent("stderr.log").path)
        try process.write("alice: !help\n")
        guard process.readLine() != nil else { throw BenchError("peerbot console did not answer") }
        let elapsed = (clock.now - start).seconds
        process.closeInput()
        _ = process.drainOutput()
        guard process.wait() == 0 else { throw BenchError("peerbot console failed") }
        return elapsed * 1_000
    }

    func tearDown() async {
        if let directory { try? FileManager.default.removeItem(at: directory) }
    }
}
