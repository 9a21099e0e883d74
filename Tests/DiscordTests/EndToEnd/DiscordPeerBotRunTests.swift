import Adapters
import Foundation
import Testing

/// `peerbot run` — the real executable — with `[discord]` and `[health]`
/// configured, against the fake Discord: `/healthz` and `/metrics` follow
/// Discord going away and coming back, and SIGTERM leaves the session resumable.
@Suite(.serialized) struct DiscordPeerBotRunTests {
    /// The built executable: `PEERBOT_BIN`, else `.build/debug/peerbot`.
    static var executable: URL {
        if let path = ProcessInfo.processInfo.environment["PEERBOT_BIN"] { return URL(fileURLWithPath: path) }
        return DiscordRig.repositoryRoot.appendingPathComponent(".build/debug/peerbot")
    }

    struct Failed: Error, CustomStringConvertible {
        var description: String
    }

    /// Writes the configuration and starts `peerbot run`, its log in `directory/log.txt`.
    static func start(fake: FakeDiscord, directory: URL) throws -> Process {
        let root = DiscordRig.repositoryRoot
        let config = """
            [storage]
            path = "\(directory.appendingPathComponent("data/peerbot.sqlite").path)"
            [logging]
            level = "info"
            [resources]
            directory = "\(root.appendingPathComponent("config/resources.toml").path)"
            [crisis]
            phrases_directory = "\(root.appendingPathComponent("config/crisis").path)"
            [console]
            enabled = false
            [health]
            listen = "127.0.0.1:0"
            [discord]
            enabled = true
            token = "${PEERBOT_TEST_DISCORD_TOKEN}"
            api_base_url = "\(fake.apiBaseURL.absoluteString)"
            facilitator_role_ids = ["\(Payloads.facilitatorRole)"]
            [escalation]
            destination = "discord:\(Payloads.facilitatorChannel)"
            facilitators = ["discord:\(Payloads.sam)"]
            backup = []
            """
        let configPath = directory.appendingPathComponent("peerbot.toml").path
        try config.write(toFile: configPath, atomically: true, encoding: .utf8)
        let logPath = directory.appendingPathComponent("log.txt").path
        guard FileManager.default.createFile(atPath: logPath, contents: nil) else { throw Failed(description: "cannot create \(logPath)") }
        let log = try FileHandle(forWritingTo: URL(fileURLWithPath: logPath))
        let process = Process()
        process.executableURL = executable
        process.arguments = ["run", "--config", configPath]
        process.currentDirectoryURL = directory
        process.environment = ProcessInfo.processInfo.environment.merging(["PEERBOT_TEST_DISCORD_TOKEN": FakeDiscord.token]) { $1 }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = log
        process.standardError = log
        try process.run()
        try log.close()
        return process
    }

    /// Polls `condition` with a generous deadline (a guard against hangs, not a timing assertion).
    static func eventually(_ what: String, seconds: Double = 60, _ condition: () async throws -> Bool) async throws {
        let deadline = ContinuousClock.now + .seconds(seconds)
        while try await !condition() {
            guard ContinuousClock.now < deadline else { throw Failed(description: "timed out waiting until \(what)") }
            try await Task.sleep(for: .milliseconds(50))
        }
    }

    /// The port from `health endpoint listening address=127.0.0.1:PORT`.
    static func healthPort(in log: String) -> Int? {
        guard let range = log.range(of: "address=127.0.0.1:") else { return nil }
        return Int(log[range.upperBound...].prefix { $0.isNumber })
    }

    @Test func healthzAndMetricsFollowDiscordDownAndUpAndSigtermKeepsTheSessionResumable() async throws {
        #expect(FileManager.default.isExecutableFile(atPath: Self.executable.path), "build peerbot first (make test)")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("peerbot-discord-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let fake = try await FakeDiscord.start()
        let process = try Self.start(fake: fake, directory: directory)
        defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
        var log: String { (try? String(contentsOf: directory.appendingPathComponent("log.txt"), encoding: .utf8)) ?? "" }
        let http = try HTTPClient()

        try await Self.eventually("the health endpoint listens") {
            guard process.isRunning else { throw Failed(description: "peerbot exited: \(log)") }
            return Self.healthPort(in: log) != nil
        }
        let port = try #require(Self.healthPort(in: log))
        let healthz = try #require(URL(string: "http://127.0.0.1:\(port)/healthz"))
        let metrics = try #require(URL(string: "http://127.0.0.1:\(port)/metrics"))
        func health() async throws -> (status: Int, discord: [String: Any]) {
            let response = try await http.get(healthz)
            let report = try JSONSerialization.jsonObject(with: response.body) as? [String: Any]
            let adapters = report?["adapters"] as? [[String: Any]] ?? []
            return (response.status, adapters.first { $0["platform"] as? String == "discord" } ?? [:])
        }

        try await Self.eventually("/healthz answers 200 with Discord ready") { try await health().status == 200 }
        #expect(try await health().discord["state"] as? String == "connected")

        // Discord goes away.
        await fake.stop()
        try await Self.eventually("/healthz answers 503") { try await health().status == 503 }
        let down = try await health().discord
        #expect(down["state"] as? String == "reconnecting")
        #expect(down["connected"] as? Bool == false)

        // Discord comes back.
        let back = try await fake.startAgain()
        try await Self.eventually("/healthz answers 200 again") { try await health().status == 200 }
        #expect(try await health().discord["reconnects"] as? Int == 1)
        let text = String(decoding: try await http.get(metrics).body, as: UTF8.self)
        #expect(text.contains("peerbot_adapter_reconnects_total{platform=\"discord\"} 1\n"), "\(text)")

        // SIGTERM: exit 0, and the gateway is closed with a code that keeps the session resumable.
        kill(process.processIdentifier, SIGTERM)
        try await Self.eventually("peerbot exits") { !process.isRunning }
        #expect(process.terminationStatus == 0)
        let closes = try await back.records().of(kind: "disconnect")
        #expect(closes.last?["code"]?.int == 4900, "not 1000/1001, which would end the session")
        #expect(closes.last?["by_server"] == .bool(false))
        #expect(!log.contains(FakeDiscord.token))
        await http.shutdown()
        await back.stop()
    }
}
