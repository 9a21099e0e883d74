import Foundation
import LoopbackPeers
import Testing

/// Issue 11 item 5 for Discord: `peerbot run` (the real executable) at trace
/// level against the fake Discord, through a session, a 429, a 401, a rejected
/// token and a network error — and no form of the token in anything it prints.
@Suite(.serialized) struct DiscordSecretsEndToEndTests {
    /// Distinctive, and with characters that change when percent-encoded.
    static let token = "MTk4NjIy.Dsc0rd+Secret/Tok3n.vQ9xZp7LwR2m"
    static let wrongToken = "MTk4NjIy.Wr0ng+Discord/Tok3n.kH4sNc8YtB6e"

    static func config(_ fake: FakeDiscord, directory: URL, apiBaseURL: String? = nil) throws -> String {
        let text = """
            [storage]
            path = "\(directory.appendingPathComponent("peerbot.sqlite").path)"
            [resources]
            directory = "\(DiscordRig.repositoryRoot.appendingPathComponent("config/resources.toml").path)"
            [crisis]
            phrases_directory = "\(DiscordRig.repositoryRoot.appendingPathComponent("config/crisis").path)"
            [logging]
            level = "trace"
            [console]
            enabled = false
            [discord]
            enabled = true
            token = "${PEERBOT_TEST_DISCORD_TOKEN}"
            api_base_url = "\(apiBaseURL ?? fake.apiBaseURL.absoluteString)"
            gateway_url = "\(fake.gatewayURL.absoluteString)"
            facilitator_role_ids = ["\(Payloads.facilitatorRole)"]
            slash_commands = "off"
            [escalation]
            destination = "discord:\(Payloads.facilitatorChannel)"
            facilitators = ["discord:\(Payloads.sam)"]
            backup = []
            """
        let path = directory.appendingPathComponent("peerbot.toml").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    static func expectNoLeak(_ output: String, _ what: String) {
        let leak = SecretForms.leak(in: output, secrets: ["discord token": token, "wrong discord token": wrongToken])
        #expect(leak == nil, "\(what) printed the \(leak ?? "")")
    }

    static func directory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("peerbot-discord-secrets-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func aSessionWithA429AndA401PrintsNoFormOfTheToken() async throws {
        let fake = try await FakeDiscord.start()
        defer { Task { await fake.stop() } }
        try await fake.configure(#"{"token": "\#(Self.token)"}"#)
        let directory = try Self.directory()
        let config = try Self.config(fake, directory: directory)
        let run = try PeerBotExecutable(["run", "--config", config], directory: directory, environment: ["PEERBOT_TEST_DISCORD_TOKEN": Self.token])
        try await fake.waitFor("READY") { DiscordGatewayEndToEndTests.ready($0) }

        // A 429 on the answer: waited out and retried.
        let messages = "/api/v10/channels/\(Payloads.channel)/messages"
        try await fake.script("POST", messages, status: 429, headers: [("Retry-After", "0.2")], body: #"{"message": "You are being rate limited.", "retry_after": 0.2, "global": false}"#)
        try await fake.dispatch(frame: Payloads.messageCreate(content: "!resources crisis US"))
        try await fake.waitFor("the answer after the 429") { records in
            records.rest("POST", messages).filter { $0["status"]?.int == 200 }.count == 1
        }
        // A 401 on the next answer: the token is rejected.
        try await fake.script("POST", messages, status: 401, body: #"{"message": "401: Unauthorized", "code": 0}"#)
        try await fake.dispatch(frame: Payloads.messageCreate(id: "900000000000000002", content: "!resources crisis GB", sequence: 3))
        try await fake.waitFor("the 401") { records in records.rest("POST", messages).contains { $0["status"]?.int == 401 } }
        try await run.waitFor("401")
        await run.terminate()
        #expect(run.output.contains("trace") || run.output.contains("debug"), "the run logged at trace level")
        Self.expectNoLeak(run.output, "a session with a 429 and a 401")
    }

    @Test func aRejectedTokenStopsWithOneCriticalLineAndNoFormOfEitherToken() async throws {
        let fake = try await FakeDiscord.start()
        defer { Task { await fake.stop() } }
        try await fake.configure(#"{"token": "\#(Self.token)"}"#)
        let directory = try Self.directory()
        let config = try Self.config(fake, directory: directory)
        let run = try PeerBotExecutable(["run", "--config", config], directory: directory, environment: ["PEERBOT_TEST_DISCORD_TOKEN": Self.wrongToken])
        try await run.waitFor("critical")
        await run.terminate()
        #expect(run.output.contains("discord.token"))
        Self.expectNoLeak(run.output, "a rejected token")
    }

    @Test func aNetworkErrorAndCheckConfigPrintNoFormOfTheToken() async throws {
        let fake = try await FakeDiscord.start()
        defer { Task { await fake.stop() } }
        let directory = try Self.directory()
        // Nothing listens on port 9 of the loopback address: every REST call fails to connect.
        let config = try Self.config(fake, directory: directory, apiBaseURL: "http://127.0.0.1:9/api/v10")
        let run = try PeerBotExecutable(["run", "--config", config], directory: directory, environment: ["PEERBOT_TEST_DISCORD_TOKEN": Self.token])
        try await run.waitFor("connect")
        await run.terminate()
        Self.expectNoLeak(run.output, "a network error")

        let check = try await PeerBotExecutable.run(
            ["check-config", "--config", config], directory: directory, environment: ["PEERBOT_TEST_DISCORD_TOKEN": Self.token])
        Self.expectNoLeak(check.output, "check-config")
        // The token written in a file others can read: a warning naming the key, never the value.
        let inline = try String(contentsOfFile: config, encoding: .utf8)
            .replacingOccurrences(of: "${PEERBOT_TEST_DISCORD_TOKEN}", with: Self.token)
        try inline.write(toFile: config, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: config)
        let warned = try await PeerBotExecutable.run(["check-config", "--config", config], directory: directory)
        #expect(warned.output.contains("discord.token is written in the file, which group or others can read"))
        Self.expectNoLeak(warned.output, "check-config with an inline token")
    }
}
