import Foundation
import LoopbackPeers

/// The real `peerbot run` executable with a Matrix configuration, started,
/// killed and restarted by a test. Its log (stderr) goes to one file per start.
final class PeerBotRunner: Sendable {
    struct Failed: Error, CustomStringConvertible {
        var description: String
    }

    static let repositoryRoot = SynapseHomeserver.repositoryRoot

    /// The built executable: `PEERBOT_BIN`, else next to the test bundle, else `.build/debug/peerbot`.
    static var executable: URL {
        if let path = ProcessInfo.processInfo.environment["PEERBOT_BIN"] { return URL(fileURLWithPath: path) }
        for candidate in [
            Bundle.main.bundleURL.appendingPathComponent("peerbot"),
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("peerbot"),
            repositoryRoot.appendingPathComponent(".build/debug/peerbot"),
        ] where FileManager.default.isExecutableFile(atPath: candidate.path) {
            return candidate
        }
        return repositoryRoot.appendingPathComponent(".build/debug/peerbot")
    }

    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("peerbot-matrix-run-\(UUID().uuidString)")
    /// The environment the configuration reads its token from.
    let environment: [String: String]
    private let state = Locked<(process: Process?, starts: Int)>((nil, 0))

    var configPath: String { directory.appendingPathComponent("peerbot.toml").path }
    var databasePath: String { directory.appendingPathComponent("data/peerbot.sqlite").path }

    /// Writes the configuration: console off, the `[matrix]` section given, logs at `logLevel`, `extra` appended.
    /// With `password`, PeerBot logs in with it (`matrix.password`) instead of using `token`.
    init(matrix: String, token: String, extra: String = "", logLevel: String = "info", password: String? = nil) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        environment = password.map { ["PEERBOT_TEST_MATRIX_PASSWORD": $0] } ?? ["PEERBOT_TEST_MATRIX_TOKEN": token]
        let credentials = password == nil
            ? "access_token = \"${PEERBOT_TEST_MATRIX_TOKEN}\"" : "password = \"${PEERBOT_TEST_MATRIX_PASSWORD}\""
        let resources = Self.repositoryRoot.appendingPathComponent("config/resources.toml").path
        let phrases = Self.repositoryRoot.appendingPathComponent("config/crisis").path
        let text = """
            [storage]
            path = "\(databasePath)"
            [logging]
            level = "\(logLevel)"
            [resources]
            directory = "\(resources)"
            [crisis]
            phrases_directory = "\(phrases)"
            [console]
            enabled = false
            [matrix]
            enabled = true
            \(credentials)
            sync_timeout = "5s"
            max_backoff = "2s"
            \(matrix)
            \(extra)
            """
        try text.write(toFile: configPath, atomically: true, encoding: .utf8)
    }

    /// Starts `peerbot run` (one process at a time).
    func start() throws {
        let number = state.update { state -> Int in
            state.starts += 1
            return state.starts
        }
        let logURL = directory.appendingPathComponent("log-\(number).txt")
        guard FileManager.default.createFile(atPath: logURL.path, contents: nil) else { throw Failed(description: "cannot create \(logURL.path)") }
        let log = try FileHandle(forWritingTo: logURL)
        let process = Process()
        process.executableURL = Self.executable
        process.arguments = ["run", "--config", configPath]
        process.currentDirectoryURL = directory
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = log
        process.standardError = log
        try SpawnGate.run(process)
        try log.close()
        state.update { $0.process = process }
    }

    /// The process id of the running `peerbot`, if one runs.
    var processIdentifier: Int32? {
        state.value.process.map(\.processIdentifier)
    }

    /// Kills the running process with `signal` (SIGKILL: no chance to finish anything) and waits for it.
    func kill(_ signal: Int32 = SIGKILL) async {
        guard let process = state.update({ state -> Process? in
            defer { state.process = nil }
            return state.process
        }) else { return }
        Foundation.kill(process.processIdentifier, signal)
        await Self.waitForExit(process)
    }

    /// Waits for the running process to exit by itself; returns its status.
    func waitForExit() async -> Int32? {
        guard let process = state.value.process else { return nil }
        await Self.waitForExit(process)
        state.update { $0.process = nil }
        return process.terminationStatus
    }

    private static func waitForExit(_ process: Process) async {
        while process.isRunning { try? await Task.sleep(for: .milliseconds(20)) }
    }

    /// Everything logged, all starts.
    var log: String {
        (1...max(1, state.value.starts)).map { number in
            (try? String(contentsOf: directory.appendingPathComponent("log-\(number).txt"), encoding: .utf8)) ?? ""
        }.joined()
    }

    /// Waits until the log of all starts contains `text` `count` times.
    func waitForLog(_ text: String, count: Int = 1, seconds: Double = 60) async throws {
        let deadline = Date().addingTimeInterval(seconds)
        while log.components(separatedBy: text).count - 1 < count {
            guard Date() < deadline else { throw Failed(description: "peerbot did not log \"\(text)\" ×\(count) in \(Int(seconds)) s; log:\n\(log)") }
            try await Task.sleep(for: .milliseconds(50))
        }
    }

    deinit {
        if let process = state.value.process, process.isRunning { Foundation.kill(process.processIdentifier, SIGKILL) }
    }
}
