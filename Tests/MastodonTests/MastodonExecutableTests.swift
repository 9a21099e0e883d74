import Foundation
import LoopbackPeers
import Synchronization
import Testing

/// `peerbot run` — the real executable, configured from a file — against the fake Mastodon.
@Suite(.serialized) struct MastodonExecutableTests {
    /// The built executable: `PEERBOT_BIN`, else `.build/debug/peerbot`.
    static var executable: URL {
        if let path = ProcessInfo.processInfo.environment["PEERBOT_BIN"] { return URL(fileURLWithPath: path) }
        return MastodonBotHarness.repositoryRoot.appendingPathComponent(".build/debug/peerbot")
    }

    /// One running `peerbot run`.
    final class Running: Sendable {
        let process: Process
        let errors = Buffer()

        final class Buffer: Sendable {
            let data = Mutex(Data())
        }

        init(config: String, directory: URL) throws {
            process = Process()
            process.executableURL = MastodonExecutableTests.executable
            process.arguments = ["run", "--config", config]
            process.currentDirectoryURL = directory
            var environment = ProcessInfo.processInfo.environment
            environment["PEERBOT_TEST_MASTODON_TOKEN"] = FakeMastodon.token
            process.environment = environment
            let stderr = SpawnGate.pipe()
            process.standardInput = FileHandle.nullDevice
            process.standardOutput = FileHandle.nullDevice
            process.standardError = stderr
            try SpawnGate.run(process)
            let handle = stderr.fileHandleForReading
            let thread = Thread { [errors] in
                while true {
                    let chunk = handle.availableData
                    if chunk.isEmpty { break }
                    errors.data.withLock { $0.append(chunk) }
                }
            }
            thread.start()
        }

        var stderr: String { String(decoding: errors.data.withLock { $0 }, as: UTF8.self) }

        /// SIGTERM, then waits for the exit without holding the caller's pool thread (see `awaitBlocking`).
        func terminate() async {
            if process.isRunning { process.terminate() }
            while process.isRunning { try? await Task.sleep(for: .milliseconds(10)) }
        }
    }

    func writeConfig(fake: FakeMastodon, directory: URL) throws -> String {
        let resources = MastodonBotHarness.repositoryRoot.appendingPathComponent("config/resources.toml").path
        let phrases = MastodonBotHarness.repositoryRoot.appendingPathComponent("config/crisis").path
        let text = """
            [storage]
            path = "\(directory.appendingPathComponent("data/peerbot.sqlite").path)"
            [resources]
            directory = "\(resources)"
            [crisis]
            phrases_directory = "\(phrases)"
            [logging]
            level = "info"
            [console]
            enabled = false
            [mastodon]
            enabled = true
            instance = "\(fake.instanceURL.absoluteString)"
            access_token = "${PEERBOT_TEST_MASTODON_TOKEN}"
            facilitators = ["@sam"]
            """
        let path = directory.appendingPathComponent("peerbot.toml").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func waitUntil(_ what: String, _ condition: () async throws -> Bool) async throws {
        let deadline = ContinuousClock.now + .seconds(30)
        while ContinuousClock.now < deadline {
            if try await condition() { return }
            try await Task.sleep(for: .milliseconds(50))
        }
        Issue.record("timed out waiting until \(what)")
        throw HarnessError(description: "timed out waiting until \(what)")
    }

    @Test func peerbotRunAnswersMentionsAndCatchesUpAfterARestart() async throws {
        #expect(FileManager.default.isExecutableFile(atPath: Self.executable.path), "build peerbot first (make test)")
        let fake = try await FakeMastodon.start()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("peerbot-mastodon-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let config = try writeConfig(fake: fake, directory: directory)

        let first = try Running(config: config, directory: directory)
        try await waitUntil("the stream is open") {
            guard first.process.isRunning else { throw HarnessError(description: "peerbot exited: \(first.stderr)") }
            return try await fake.streams().open == 1
        }
        let streamed = try await fake.mention("!region")
        try await waitUntil("the streamed mention is answered") {
            try await fake.statuses().contains { $0.status.inReplyToID == streamed.status?.id }
        }
        await first.terminate()
        #expect(first.stderr.contains("mastodon connected"))

        // While PeerBot is down, a member asks; nothing can stream it.
        let whileDown = try await fake.mention("!resources crisis US", stream: false)
        let second = try Running(config: config, directory: directory)
        try await waitUntil("the mention sent while down is answered") {
            try await fake.statuses().filter { $0.status.inReplyToID == whileDown.status?.id }.count == 1
        }
        // The restart caught up from the saved position: only what was new.
        let catchUps = try await fake.requests().filter { $0.path == "/api/v1/notifications" }
        #expect(catchUps.contains { $0.query.hasSuffix("min_id=\(streamed.id)") })
        try await waitUntil("the stream is open again") { try await fake.streams().open == 1 }
        await second.terminate()
        #expect(try await fake.statuses().filter { $0.status.inReplyToID == streamed.status?.id }.count == 1)
        for log in [first.stderr, second.stderr] { #expect(!log.contains(FakeMastodon.token)) }
        await fake.stop()
    }
}
