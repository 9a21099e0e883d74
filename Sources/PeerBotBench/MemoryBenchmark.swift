import Foundation

/// Resident memory of the release `peerbot console` (VmRSS from
/// /proc/PID/status) with the shipped configuration:
/// - `idle`: after start, with an empty database, once it has answered `!help`;
/// - `idleAnonymous`: the same, only the anonymous part of RSS (RssAnon:
///   heap, stacks, written data — what is the process's own; the rest is
///   file pages of the executable and the Swift and system libraries);
/// - `withMembers`: on a database holding `MemberPopulation`'s members, after
///   a short script that reads their state (boundary reminders on mentions,
///   `!mydata`, `!boundary NAME`, `!checkin status`);
/// - `perThousandMembers`: that script on the populated database minus the
///   same script on an empty one, per 1,000 members.
@MainActor
final class MemoryBenchmark: Benchmark {
    enum Measure {
        case idle
        case idleAnonymous
        case withMembers
        case perThousandMembers
    }

    let measure: Measure
    private let population: MemberPopulation
    private var emptyDirectory: URL?

    init(_ measure: Measure, population: MemberPopulation) {
        self.measure = measure
        self.population = population
    }

    var name: String {
        switch measure {
        case .idle: "idle RSS after start"
        case .idleAnonymous: "idle RSS after start, anonymous part (RssAnon)"
        case .withMembers: "RSS with \(population.count.formatted()) members' stored state"
        case .perThousandMembers: "RSS added per 1,000 members"
        }
    }
    var unit: String { "MiB" }

    func setUp() async throws {
        let directory = try BenchEnvironment.temporaryDirectory("memory")
        try BenchEnvironment.writeShippedConfig(in: directory)
        emptyDirectory = directory
        _ = try residentMB(in: directory, script: "alice: !help\n")  // creates and migrates the database
        if measure != .idle, measure != .idleAnonymous { _ = try await population.directory() }
    }

    func sample() async throws -> Double {
        guard let emptyDirectory else { throw BenchError("not set up") }
        switch measure {
        case .idle:
            return try residentMB(in: emptyDirectory, script: "alice: !help\n")
        case .idleAnonymous:
            return try residentMB(in: emptyDirectory, script: "alice: !help\n", part: \.anonymousKiB)
        case .withMembers:
            return try residentMB(in: try await population.directory(), script: touchScript())
        case .perThousandMembers:
            let populated = try residentMB(in: try await population.directory(), script: touchScript())
            let empty = try residentMB(in: emptyDirectory, script: touchScript())
            return (populated - empty) / (Double(population.count) / 1_000)
        }
    }

    /// Lines that make the bot read members' stored state.
    private func touchScript() -> String {
        var lines: [String] = []
        var random = SeededGenerator(seed: 9)
        for index in 0..<100 {
            let a = Int.random(in: 0..<population.count, using: &random)
            let b = Int.random(in: 0..<population.count, using: &random)
            switch index % 4 {
            case 0: lines.append("member\(a): @member\(b) how did your week go?")
            case 1: lines.append("member\(a)@dm: !mydata")
            case 2: lines.append("member\(a): !boundary member\(b)")
            default: lines.append("member\(a)@dm: !checkin status")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Starts the console on the database in `directory`, runs `script`, then
    /// reads the child's RSS once a trailing invalid line's diagnostic shows
    /// every line before it was handled (the console is lockstep).
    private func residentMB(in directory: URL, script: String, part: KeyPath<ResidentMemory, Int> = \.residentKiB) throws -> Double {
        let process = try ConsoleProcess(
            config: directory.appendingPathComponent("peerbot.toml").path,
            arguments: ["--virtual-clock", MemberPopulation.readAt],
            errorLog: directory.appendingPathComponent("stderr.log").path)
        try process.write(script + "end of script\n")
        try process.readUntil(lineStartingWith: "[console] line")
        let resident = process.memory()[keyPath: part]
        process.closeInput()
        _ = process.drainOutput()
        guard process.wait() == 0 else { throw BenchError("peerbot console failed") }
        guard resident > 0 else { throw BenchError("cannot read the child's RSS") }
        return Double(resident) / 1_024
    }

    func tearDown() async {
        if let emptyDirectory { try? FileManager.default.removeItem(at: emptyDirectory) }
        if measure == .perThousandMembers { population.remove() }
    }
}
