import Foundation
import LoopbackPeers
import Testing

/// Issue 11 item 5 for Mastodon: `peerbot run` (the real executable) at trace
/// level against the fake Mastodon, through a session, a 429, a 502, a rejected
/// token and a network error — and no form of the token in anything it prints.
@Suite(.serialized) struct MastodonSecretsTests {
    /// Distinctive, and with characters that change when percent-encoded.
    static let token = "mstdn+Secret/Acc3ss=Token.Kd8vQ2xLp9Rw"
    static let wrongToken = "mstdn+Wr0ng/Acc3ss=Token.Hb5tNz3Yc7Me"

    static func config(instance: String, directory: URL) throws -> String {
        let text = """
            [storage]
            path = "\(directory.appendingPathComponent("data/peerbot.sqlite").path)"
            [resources]
            directory = "\(MastodonBotHarness.repositoryRoot.appendingPathComponent("config/resources.toml").path)"
            [crisis]
            phrases_directory = "\(MastodonBotHarness.repositoryRoot.appendingPathComponent("config/crisis").path)"
            [logging]
            level = "trace"
            [console]
            enabled = false
            [mastodon]
            enabled = true
            instance = "\(instance)"
            access_token = "${PEERBOT_TEST_MASTODON_TOKEN}"
            facilitators = ["@sam"]
            """
        let path = directory.appendingPathComponent("peerbot.toml").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    static func expectNoLeak(_ output: String, _ what: String) {
        let leak = SecretForms.leak(in: output, secrets: ["mastodon token": token, "wrong mastodon token": wrongToken])
        #expect(leak == nil, "\(what) printed the \(leak ?? "")")
    }

    static func directory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("peerbot-mastodon-secrets-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    func waitUntil(_ what: String, _ condition: () async throws -> Bool) async throws {
        let deadline = ContinuousClock.now + .seconds(30)
        while ContinuousClock.now < deadline {
            if try await condition() { return }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw HarnessError(description: "timed out waiting until \(what)")
    }

    @Test func aSessionWithA429AndA502PrintsNoFormOfTheToken() async throws {
        let fake = try await FakeMastodon.start(token: Self.token)
        let directory = try Self.directory()
        let config = try Self.config(instance: fake.instanceURL.absoluteString, directory: directory)
        let run = try PeerBotExecutable(["run", "--config", config], directory: directory, environment: ["PEERBOT_TEST_MASTODON_TOKEN": Self.token])
        try await waitUntil("the stream is open") { try await fake.streams().open == 1 }
        try await fake.failStatusPosts(count: 1, status: 429, resetIn: 0.5)
        try await fake.failNotificationReads(count: 1)
        let mention = try await fake.mention("!resources crisis US")
        try await waitUntil("the mention is answered after the 429") {
            try await fake.statuses().contains { $0.status.inReplyToID == mention.status?.id }
        }
        try await fake.dropStreams()
        try await run.waitFor("429")
        await run.terminate()
        await fake.stop()
        Self.expectNoLeak(run.output, "a session with a 429 and a dropped stream")
    }

    @Test func aRejectedTokenStopsWithOneCriticalLineAndNoFormOfEitherToken() async throws {
        let fake = try await FakeMastodon.start(token: Self.token)
        let directory = try Self.directory()
        let config = try Self.config(instance: fake.instanceURL.absoluteString, directory: directory)
        let run = try PeerBotExecutable(["run", "--config", config], directory: directory, environment: ["PEERBOT_TEST_MASTODON_TOKEN": Self.wrongToken])
        try await run.waitFor("critical")
        await run.terminate()
        await fake.stop()
        #expect(run.output.contains("mastodon.access_token"))
        Self.expectNoLeak(run.output, "a rejected token")
    }

    @Test func aNetworkErrorAndCheckConfigPrintNoFormOfTheToken() async throws {
        let directory = try Self.directory()
        // Nothing listens on port 9 of the loopback address.
        let config = try Self.config(instance: "http://127.0.0.1:9", directory: directory)
        let run = try PeerBotExecutable(["run", "--config", config], directory: directory, environment: ["PEERBOT_TEST_MASTODON_TOKEN": Self.token])
        try await run.waitFor("connect")
        await run.terminate()
        Self.expectNoLeak(run.output, "a network error")

        let check = try await PeerBotExecutable.run(
            ["check-config", "--config", config], directory: directory, environment: ["PEERBOT_TEST_MASTODON_TOKEN": Self.token])
        Self.expectNoLeak(check.output, "check-config")
        let inline = try String(contentsOfFile: config, encoding: .utf8)
            .replacingOccurrences(of: "${PEERBOT_TEST_MASTODON_TOKEN}", with: Self.token)
        try inline.write(toFile: config, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: config)
        let warned = try await PeerBotExecutable.run(["check-config", "--config", config], directory: directory)
        #expect(warned.output.contains("mastodon.access_token is written in the file, which group or others can read"))
        Self.expectNoLeak(warned.output, "check-config with an inline token")
    }
}
