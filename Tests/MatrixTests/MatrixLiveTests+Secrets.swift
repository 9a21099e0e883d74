import Foundation
import LoopbackPeers
import Testing
@testable import Adapters

/// Issue 11 item 5 for Matrix: `peerbot run` (the real executable) at trace
/// level against the real Synapse — a session with 429s, password login, a
/// rejected token, a network error, check-config — and no form of the access
/// token or the password in anything it prints.
extension MatrixLiveTests {
    /// Distinctive, and with characters that change when percent-encoded.
    static let secretPassword = "Matr1x+Secret/Passw0rd=Zq8vL2wR"
    static let wrongToken = "syt_Wr0ng+Matrix/Token=Hb5tNz3Yc7MeQ1"

    static func expectNoLeak(_ output: String, _ secrets: [String: String], _ what: String) {
        let leak = SecretForms.leak(in: output, secrets: secrets)
        #expect(leak == nil, "\(what) printed the \(leak ?? "")")
    }

    @Test func aSessionWith429sPrintsNoFormOfTheAccessToken() async throws {
        let world = try await MatrixWorld.make()
        try await world.admin.overrideRateLimit(of: world.bot.userID, messagesPerSecond: 1, burstCount: 1)
        let room = try await world.member.createRoom(name: "general", invite: [world.bot.userID])
        let peerbot = try runner(world, logLevel: "trace")
        try peerbot.start()
        try await world.member.waitForJoin(of: world.bot.userID, in: room)
        for region in ["US", "GB", "DE", "FR"] { try await world.member.send("!resources crisis \(region)", to: room) }
        _ = try await world.member.waitFor("four answers, some after a 429", seconds: 90) { seen in
            seen.messages(in: room, from: world.bot.userID).count >= 4 ? true : nil
        }
        await peerbot.kill(SIGTERM)
        #expect(peerbot.log.contains("M_LIMIT_EXCEEDED"), "the homeserver rate-limited the bot")
        Self.expectNoLeak(peerbot.log, ["access token": world.bot.token], "a session with 429s")
    }

    @Test func passwordLoginPrintsNoFormOfThePassword() async throws {
        let world = try await MatrixWorld.make()
        let userID = "@\(MatrixTestClient.uniqueName("pwbot")):localhost"
        _ = try await world.admin.request(
            "PUT", "/_synapse/admin/v2/users/\(MatrixTestClient.escape(userID))",
            ["password": .string(Self.secretPassword), "admin": false])
        let room = try await world.member.createRoom(name: "general", invite: [userID])
        let peerbot = try PeerBotRunner(
            matrix: """
                homeserver = "\(world.accounts.baseURL.absoluteString)"
                user_id = "\(userID)"
                auto_join_from = ["localhost"]
                """, token: "", logLevel: "trace", password: Self.secretPassword)
        try peerbot.start()
        try await world.member.waitForJoin(of: userID, in: room)
        try await world.member.send("!resources crisis US", to: room)
        _ = try await world.member.waitForMessage(in: room, from: userID)
        await peerbot.kill(SIGTERM)
        Self.expectNoLeak(peerbot.log, ["password": Self.secretPassword], "password login")
    }

    @Test func aRejectedTokenStopsWithOneCriticalLineAndNoFormOfIt() async throws {
        let world = try await MatrixWorld.make()
        let peerbot = try PeerBotRunner(
            matrix: """
                homeserver = "\(world.accounts.baseURL.absoluteString)"
                user_id = "\(world.bot.userID)"
                """, token: Self.wrongToken, logLevel: "trace")
        try peerbot.start()
        try await peerbot.waitForLog("critical")
        await peerbot.kill(SIGTERM)
        #expect(peerbot.log.contains("matrix.access_token"))
        Self.expectNoLeak(peerbot.log, ["wrong token": Self.wrongToken, "bot token": world.bot.token], "a rejected token")
    }

    @Test func aNetworkErrorAndCheckConfigPrintNoFormOfTheSecrets() async throws {
        let world = try await MatrixWorld.make()
        // Nothing listens on port 9 of the loopback address.
        let peerbot = try PeerBotRunner(
            matrix: """
                homeserver = "http://127.0.0.1:9"
                user_id = "\(world.bot.userID)"
                """, token: world.bot.token, logLevel: "trace")
        try peerbot.start()
        try await peerbot.waitForLog("connect")
        await peerbot.kill(SIGTERM)
        Self.expectNoLeak(peerbot.log, ["access token": world.bot.token], "a network error")

        let check = try await PeerBotExecutable.run(
            ["check-config", "--config", peerbot.configPath], directory: peerbot.directory, environment: peerbot.environment)
        Self.expectNoLeak(check.output, ["access token": world.bot.token], "check-config")
        let inline = try String(contentsOfFile: peerbot.configPath, encoding: .utf8)
            .replacingOccurrences(of: "${PEERBOT_TEST_MATRIX_TOKEN}", with: world.bot.token)
            + "password = \"\(Self.secretPassword)\"\n"
        try inline.write(toFile: peerbot.configPath, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: peerbot.configPath)
        let warned = try await PeerBotExecutable.run(["check-config", "--config", peerbot.configPath], directory: peerbot.directory)
        #expect(warned.output.contains("matrix.access_token is written in the file, which group or others can read"))
        #expect(warned.output.contains("matrix.password is written in the file, which group or others can read"))
        Self.expectNoLeak(
            warned.output, ["access token": world.bot.token, "password": Self.secretPassword], "check-config with inline secrets")
    }
}
