import Foundation
import LoopbackPeers
import PeerBot
import Synchronization
import Testing

/// The real `peerbot run` executable with a `[discord]` configuration against
/// the fake Discord: started, killed (SIGKILL: no chance to finish anything)
/// and started again on the same database, as `MatrixTests`' `PeerBotRunner`
/// does for Matrix. Its log (stderr) goes to one file per start.
final class DiscordPeerBotProcess: Sendable {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("peerbot-discord-run-\(UUID().uuidString)")
    private let state = Mutex<(process: Process?, starts: Int)>((nil, 0))

    var configPath: String { directory.appendingPathComponent("peerbot.toml").path }
    var databasePath: String { directory.appendingPathComponent("data/peerbot.sqlite").path }

    /// The built executable: `PEERBOT_BIN`, else next to the test bundle, else `.build/debug/peerbot`.
    static var executable: URL {
        if let path = ProcessInfo.processInfo.environment["PEERBOT_BIN"] { return URL(fileURLWithPath: path) }
        for candidate in [
            Bundle.main.bundleURL.appendingPathComponent("peerbot"),
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("peerbot"),
            DiscordRig.repositoryRoot.appendingPathComponent(".build/debug/peerbot"),
        ] where FileManager.default.isExecutableFile(atPath: candidate.path) {
            return candidate
        }
        return DiscordRig.repositoryRoot.appendingPathComponent(".build/debug/peerbot")
    }

    /// Writes the configuration: console off, Discord on against `fake`, pages to
    /// the facilitators' channel, sam as the configured facilitator, `extra` appended.
    init(fake: FakeDiscord, extra: String = "") throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let root = DiscordRig.repositoryRoot
        let text = """
            [storage]
            path = "\(databasePath)"
            [logging]
            level = "info"
            [resources]
            directory = "\(root.appendingPathComponent("config/resources.toml").path)"
            [crisis]
            phrases_directory = "\(root.appendingPathComponent("config/crisis").path)"
            [console]
            enabled = false
            [discord]
            enabled = true
            token = "${PEERBOT_TEST_DISCORD_TOKEN}"
            api_base_url = "\(fake.apiBaseURL.absoluteString)"
            facilitator_role_ids = ["\(Payloads.facilitatorRole)"]
            [escalation]
            destination = "discord:\(Payloads.facilitatorChannel)"
            facilitators = ["discord:\(Payloads.sam)"]
            backup = []
            \(extra)
            """
        try text.write(toFile: configPath, atomically: true, encoding: .utf8)
    }

    /// Starts `peerbot run` (one process at a time).
    func start() throws {
        #expect(FileManager.default.isExecutableFile(atPath: Self.executable.path), "build peerbot first (make test)")
        let number = state.withLock { state -> Int in
            state.starts += 1
            return state.starts
        }
        let logURL = directory.appendingPathComponent("log-\(number).txt")
        guard FileManager.default.createFile(atPath: logURL.path, contents: nil) else {
            throw FakeDiscord.FakeDiscordError.timedOut("creating \(logURL.path)")
        }
        let log = try FileHandle(forWritingTo: logURL)
        let process = Process()
        process.executableURL = Self.executable
        process.arguments = ["run", "--config", configPath]
        process.currentDirectoryURL = directory
        process.environment = ProcessInfo.processInfo.environment.merging(["PEERBOT_TEST_DISCORD_TOKEN": FakeDiscord.token]) { $1 }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = log
        process.standardError = log
        try SpawnGate.run(process)
        try log.close()
        state.withLock { $0.process = process }
    }

    /// Whether the started process is still running.
    var isRunning: Bool { state.withLock { $0.process?.isRunning ?? false } }

    /// Kills the running process with `signal`, waits for it to be gone and
    /// returns its exit status (nil when none was running).
    @discardableResult
    func kill(_ signal: Int32 = SIGKILL) async -> Int32? {
        guard let process = state.withLock({ state -> Process? in
            defer { state.process = nil }
            return state.process
        }) else { return nil }
        Foundation.kill(process.processIdentifier, signal)
        while process.isRunning { try? await Task.sleep(for: .milliseconds(20)) }
        return process.terminationStatus
    }

    /// Everything logged, all starts.
    var log: String {
        (1...max(1, state.withLock { $0.starts })).map { number in
            (try? String(contentsOf: directory.appendingPathComponent("log-\(number).txt"), encoding: .utf8)) ?? ""
        }.joined()
    }

    /// The database the process uses (opened by the test alongside it: WAL and a busy timeout make that safe).
    func store() throws -> SQLiteStore {
        try SQLiteStore(path: databasePath)
    }

    deinit {
        if let process = state.withLock({ $0.process }), process.isRunning { Foundation.kill(process.processIdentifier, SIGKILL) }
        try? FileManager.default.removeItem(at: directory)
    }
}
