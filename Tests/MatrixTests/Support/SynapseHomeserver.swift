import Foundation
import LoopbackPeers

/// The real Synapse homeserver the Matrix tests talk to: started once per test
/// run by `Tests/Peers/synapse.sh` on a free loopback port, and stopped (its
/// data removed) by the script's watcher when the test process ends.
/// A missing Python or venv fails the tests with the script's plain message.
actor SynapseHomeserver {
    static let shared = SynapseHomeserver()

    /// One account the script registered.
    struct Account: Sendable {
        var userID: String
        var password: String
        var token: String
    }

    /// What the script printed.
    struct Accounts: Sendable {
        var baseURL: URL
        var admin: Account
        var peerbot: Account
        var alice: Account
        var sam: Account
    }

    /// The script failed; `message` is its error output.
    struct ScriptFailed: Error, CustomStringConvertible {
        var command: String
        var message: String
        var description: String { "Tests/Peers/synapse.sh \(command) failed: \(message)" }
    }

    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let script = repositoryRoot.appendingPathComponent("Tests/Peers/synapse.sh")

    /// A second homeserver of its own for the soak test, which restarts it and loads it
    /// heavily: the other Matrix tests share `shared` and run meanwhile.
    static let soak = SynapseHomeserver(name: "peerbot-synapse-soak")

    let directory: URL
    private var accounts: Accounts?
    private var starting: Task<Accounts, any Error>?

    /// A homeserver whose data lives in a temporary folder named after `name` and this process.
    init(name: String = "peerbot-synapse") {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-\(ProcessInfo.processInfo.processIdentifier)")
    }

    /// Starts the homeserver unless it runs, and returns its accounts.
    func start() async throws -> Accounts {
        if let accounts { return accounts }
        if let starting { return try await starting.value }
        let task = Task { try await Self.launch(directory: directory) }
        starting = task
        defer { starting = nil }
        let started = try await task.value
        accounts = started
        return started
    }

    /// Stops the homeserver, keeping its data, so `start()` brings the same server back.
    func stop() async throws {
        _ = try await Self.runScript(["stop", directory.path])
        accounts = nil
    }

    private static func launch(directory: URL) async throws -> Accounts {
        let output = try await runScript(["start", directory.path, String(ProcessInfo.processInfo.processIdentifier)])
        var values: [String: String] = [:]
        for line in output.split(separator: "\n") {
            guard let equals = line.firstIndex(of: "=") else { continue }
            values[String(line[..<equals])] = String(line[line.index(after: equals)...])
        }
        func account(_ name: String) throws -> Account {
            guard let user = values["MATRIX_\(name)_USER"], let password = values["MATRIX_\(name)_PASSWORD"],
                let token = values["MATRIX_\(name)_TOKEN"]
            else { throw ScriptFailed(command: "start", message: "no account \(name) in its output") }
            return Account(userID: user, password: password, token: token)
        }
        guard let base = values["MATRIX_BASE_URL"].flatMap(URL.init(string:)) else {
            throw ScriptFailed(command: "start", message: "no MATRIX_BASE_URL in its output")
        }
        return Accounts(
            baseURL: base, admin: try account("ADMIN"), peerbot: try account("PEERBOT"), alice: try account("ALICE"),
            sam: try account("SAM"))
    }

    /// Runs the script without blocking a concurrency thread; returns its stdout or throws its stderr.
    /// (Its output is a few lines, so the pipes never fill before it exits.)
    static func runScript(_ arguments: [String]) async throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [script.path] + arguments
        let stdout = SpawnGate.pipe(), stderr = SpawnGate.pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        process.standardInput = FileHandle.nullDevice
        let status: Int32 = try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
            do {
                try SpawnGate.run(process)
            } catch {
                process.terminationHandler = nil
                continuation.resume(throwing: error)
            }
        }
        let out = String(decoding: stdout.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let err = String(decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        guard status == 0 else {
            throw ScriptFailed(command: arguments.first ?? "", message: err.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        return out
    }
}
