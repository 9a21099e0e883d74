import Foundation
import PeerBot
import Testing
@testable import Adapters

/// The Matrix adapter against a real Synapse on loopback. One suite, run
/// serially: the homeserver is shared and one test restarts it.
@Suite(.serialized) struct MatrixLiveTests {
    let http: any MatrixHTTP = TemporaryURLSessionHTTP()

    /// The homeserver, its admin, and fresh users for one test.
    struct World {
        var accounts: SynapseHomeserver.Accounts
        var admin: MatrixTestClient
        var bot: MatrixTestClient
        var member: MatrixTestClient
        var facilitator: MatrixTestClient
    }

    func world() async throws -> World {
        let accounts = try await SynapseHomeserver.shared.start()
        let admin = MatrixTestClient(userID: accounts.admin.userID, token: accounts.admin.token, baseURL: accounts.baseURL, http: http)
        return World(
            accounts: accounts, admin: admin,
            bot: try await MatrixTestClient.createUser(MatrixTestClient.uniqueName("peerbot"), admin: admin),
            member: try await MatrixTestClient.createUser(MatrixTestClient.uniqueName("alice"), admin: admin),
            facilitator: try await MatrixTestClient.createUser(MatrixTestClient.uniqueName("sam"), admin: admin))
    }

    func configuration(_ world: World, rooms: [String] = []) async -> MatrixConfiguration {
        InProcessBot.configuration(
            for: SynapseHomeserver.Account(userID: world.bot.userID, password: "", token: world.bot.token),
            baseURL: world.accounts.baseURL, rooms: rooms)
    }

    @Test func answersResourcesWithANoticeInTheRoom() async throws {
        let world = try await world()
        let room = try await world.member.createRoom(name: "general", invite: [world.bot.userID])
        let bot = try InProcessBot(matrix: await configuration(world), http: http)
        bot.start()
        let member = world.member, botID = world.bot.userID
        _ = try await member.waitFor("the bot to join") { seen in
            (seen.timelines[room] ?? []).first { $0["type"] == "m.room.member" && $0["state_key"]?.string == botID && $0["content"]?["membership"] == "join" }
        }
        try await member.send("!resources crisis US", to: room)
        let reply = try await member.waitForMessage(in: room, from: botID) { $0["content"]?["body"]?.string?.contains("988") == true }
        #expect(reply["content"]?["msgtype"] == "m.notice")
        await bot.stop()
        #expect(!bot.log.all.contains { $0.contains(world.bot.token) })
    }
}
