import Foundation
import LoopbackPeers
import Synchronization

/// Runs the real `peerbot` executable with a temporary configuration.
struct PeerBotProcess: Sendable {
    struct Result: Sendable {
        var status: Int32
        var stdout: String
        var stderr: String
        var lines: [String] { stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).filter { !$0.isEmpty } }
    }

    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The built executable: `PEERBOT_BIN`, else next to the test bundle, else `.build/debug/peerbot`.
    static var executable: URL {
        if let path = ProcessInfo.processInfo.environment["PEERBOT_BIN"] { return URL(fileURLWithPath: path) }
        let sibling = Bundle.main.bundleURL.appendingPathComponent("peerbot")
        if FileManager.default.isExecutableFile(atPath: sibling.path) { return sibling }
        for candidate in [Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("peerbot"),
                          repositoryRoot.appendingPathComponent(".build/debug/peerbot")]
        where FileManager.default.isExecutableFile(atPath: candidate.path) {
            return candidate
        }
        return sibling
    }

    let directory: URL

    init() {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("peerbot-e2e-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    var databasePath: String { directory.appendingPathComponent("data/peerbot.sqlite").path }

    /// Writes a configuration: the shipped defaults, a private database, and `extra` TOML appended.
    /// `crisis` holds extra lines for the `[crisis]` section (which names the shipped phrase lists).
    @discardableResult
    func writeConfig(_ extra: String = "", crisis: String = "", name: String = "peerbot.toml") throws -> String {
        let resources = Self.repositoryRoot.appendingPathComponent("config/resources.toml").path
        let phrases = Self.repositoryRoot.appendingPathComponent("config/crisis").path
        let text = """
            [storage]
            path = "\(databasePath)"
            [resources]
            directory = "\(resources)"
            [console]
            facilitators = ["sam", "riley"]
            admins = ["ada"]
            \(extra)
            [crisis]
            phrases_directory = "\(phrases)"
            \(crisis)
            """
        let path = directory.appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// Runs peerbot with `arguments`, feeding `input` on stdin. The waiting is
    /// done on a thread of its own, not the test's (see `awaitBlocking`).
    func run(_ arguments: [String], input: Data = Data(), environment: [String: String] = [:]) async throws -> Result {
        try await awaitBlocking { [self] in try runBlocking(arguments, input: input, environment: environment) }
    }

    private func runBlocking(_ arguments: [String], input: Data, environment: [String: String]) throws -> Result {
        let process = Process()
        process.executableURL = Self.executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let stdin = SpawnGate.pipe(), stdout = SpawnGate.pipe(), stderr = SpawnGate.pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try SpawnGate.run(process)
        let writer = Thread {
            stdin.fileHandleForWriting.write(input)
            try? stdin.fileHandleForWriting.close()
        }
        writer.start()
        let errorData = Locked(Data())
        let errorReader = Thread { errorData.set(stderr.fileHandleForReading.readDataToEndOfFile()) }
        errorReader.start()
        let outData = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        while !errorData.isSet { usleep(1000) }
        return Result(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errorData.value, as: UTF8.self))
    }

    /// Pipes a transcript through `peerbot console`.
    func console(_ transcript: String, config: String, virtualClock: String? = nil) async throws -> Result {
        var arguments = ["console", "--config", config]
        if let virtualClock { arguments += ["--virtual-clock", virtualClock] }
        return try await run(arguments, input: Data(transcript.utf8))
    }
}

/// A value handed from a reader thread to the test.
final class Locked<Value: Sendable>: Sendable {
    private let state: Mutex<(value: Value, assigned: Bool)>

    init(_ value: Value) { state = Mutex((value, false)) }

    func set(_ value: Value) { state.withLock { $0 = (value, true) } }
    func update(_ change: (inout Value) -> Void) { state.withLock { change(&$0.value) } }
    var value: Value { state.withLock { $0.value } }
    var isSet: Bool { state.withLock { $0.assigned } }
}
