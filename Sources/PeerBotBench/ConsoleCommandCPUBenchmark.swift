import Foundation

/// CPU time (user + system of the child, from `getrusage(RUSAGE_CHILDREN)`)
/// per command piped through the release `peerbot console`: a run with
/// 10,000 command lines minus a run with none (start-up and shutdown),
/// divided by 10,000.
@MainActor
final class ConsoleCommandCPUBenchmark: Benchmark {
    private let commands = 10_000
    private var directory: URL?
    private var config = ""
    private var transcript: [UInt8] = []

    var name: String { "CPU per handled command, peerbot console" }
    var unit: String { "ms (user+sys)" }

    func setUp() async throws {
        let directory = try BenchEnvironment.temporaryDirectory("console-cpu")
        config = try BenchEnvironment.writeShippedConfig(in: directory)
        var mix = TrafficMix(seed: 5)
        transcript = ConsoleTranscript.bytes(count: commands) { mix.command() }
        self.directory = directory
        _ = try run([])  // creates and migrates the database
    }

    func sample() async throws -> Double {
        let idle = try run([])
        let busy = try run(transcript)
        return (busy.cpu - idle.cpu) / Double(commands) * 1_000
    }

    private func run(_ input: [UInt8]) throws -> (cpu: Double, lines: Int) {
        guard let directory else { throw BenchError("not set up") }
        let before = CPUTime.ofWaitedChildren()
        let process = try ConsoleProcess(config: config, errorLog: directory.appendingPathComponent("stderr.log").path)
        process.feedAndClose(input)
        let lines = process.drainOutput()
        let status = process.wait()
        guard status == 0 else { throw BenchError("peerbot console exited with \(status)") }
        if !input.isEmpty, lines < commands { throw BenchError("\(lines) output lines for \(commands) commands") }
        return (CPUTime.ofWaitedChildren() - before, lines)
    }

    func tearDown() async {
        if let directory { try? FileManager.default.removeItem(at: directory) }
    }
}
