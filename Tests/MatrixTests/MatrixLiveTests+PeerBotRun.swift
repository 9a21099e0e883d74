import Foundation
import PeerBot
import Testing
@testable import Adapters

/// The "must show" list, through the real `peerbot run` executable
/// with a `[matrix]` configuration, against the real Synapse, with real
/// Matrix clients for the member and the facilitator.
extension MatrixLiveTests {
    /// `peerbot run` for this world's bot account.
    func runner(_ world: MatrixWorld, matrix: String = "", extra: String = "", logLevel: String = "info") throws -> PeerBotRunner {
        try PeerBotRunner(
            matrix: """
                homeserver = "\(world.accounts.baseURL.absoluteString)"
                user_id = "\(world.bot.userID)"
                auto_join_from = ["localhost"]
                \(matrix)
                """, token: world.bot.token, extra: extra, logLevel: logLevel)
    }

    @Test func resourcesCrisisUSIsAnsweredWithANoticeNaming988() async throws {
        let world = try await MatrixWorld.make()
        let room = try await world.member.createRoom(name: "general", invite: [world.bot.userID])
        let peerbot = try runner(world)
        try peerbot.start()
        try await world.member.waitForJoin(of: world.bot.userID, in: room)
        try await world.member.send("!resources crisis US", to: room)
        let reply = try await world.member.waitForMessage(in: room, from: world.bot.userID)
        #expect(reply["content"]?["msgtype"] == "m.notice")
        #expect(reply.body.contains("988"))
        await peerbot.kill(SIGTERM)
        #expect(!peerbot.log.contains(world.bot.token))
        #expect(!peerbot.log.contains("!resources crisis US"))
    }

    @Test func facilitatorPagesMentionDMsTheMemberAcknowledgeOnCheckMarkAndRepage() async throws {
        let world = try await MatrixWorld.make()
        let sam = world.facilitator
        let second = try await MatrixTestClient.createUser(MatrixTestClient.uniqueName("bea"), admin: world.admin)
        let facilitators = try await world.admin.createRoom(
            name: "facilitators", invite: [world.bot.userID, sam.userID], powerLevels: [sam.userID: 50])
        try await sam.join(facilitators)
        let general = try await world.member.createRoom(name: "general", invite: [world.bot.userID, second.userID])
        try await second.join(general)
        let peerbot = try runner(
            world, matrix: """
                facilitators_room = "\(facilitators)"
                facilitators = ["\(sam.userID)"]
                """, extra: "[escalation]\nack_timeout = \"30s\"\n")
        try peerbot.start()
        try await world.member.waitForJoin(of: world.bot.userID, in: general)
        try await sam.waitForJoin(of: world.bot.userID, in: facilitators)

        // A member asks: a page that notifies (m.text, m.mentions, a pill) in the facilitators' room…
        try await world.member.send("!facilitator", to: general)
        let page = try await sam.waitForMessage(in: facilitators, from: world.bot.userID) { $0.body.contains("Ticket #1:") }
        #expect(page["content"]?["msgtype"] == "m.text")
        #expect(page["content"]?["m.mentions"]?["user_ids"]?.strings == [sam.userID])
        #expect(page["content"]?["formatted_body"]?.string?.contains("<a href=\"https://matrix.to/#/\(sam.userID)\">") == true)
        #expect(page.body.contains("From #general"))
        // …and a private confirmation in a direct-message room.
        let dm = try await world.member.acceptInvite(from: world.bot.userID)
        let confirmation = try await world.member.waitForMessage(in: dm, from: world.bot.userID) { $0.body.contains("request #1") }
        #expect(confirmation["content"]?["msgtype"] == "m.notice")
        #expect(confirmation.body.contains("No one has seen it yet"))

        // ✅ on the page acknowledges: the member hears who has it, in the same DM room.
        try await sam.react(to: try #require(page.eventID), with: "✅", in: facilitators)
        let taken = try await world.member.waitForMessage(in: dm, from: world.bot.userID) { $0.body.contains("picked it up") }
        #expect(taken.body.contains(sam.userID))
        _ = try await sam.waitForMessage(in: facilitators, from: world.bot.userID) { $0.body.contains("Ticket #1: \(sam.userID) has it") }

        // A second request nobody acknowledges is paged again after ack_timeout.
        try await second.send("!facilitator", to: general)
        _ = try await sam.waitForMessage(in: facilitators, from: world.bot.userID) { $0.body.contains("Ticket #2:") }
        let repage = try await sam.waitForMessage(in: facilitators, from: world.bot.userID, seconds: 120) {
            $0.body.contains("Ticket #2 still has no answer")
        }
        #expect(repage["content"]?["msgtype"] == "m.text")
        #expect(repage.body.contains("tier 2 of 3"))
        // Ticket #1's re-page would have been due first: acknowledged, it never came.
        #expect(await sam.messages(in: facilitators, from: world.bot.userID).filter { $0.body.contains("Ticket #1 still has no answer") }.isEmpty)
        await peerbot.kill(SIGTERM)
        #expect(!peerbot.log.contains(world.bot.token))
    }

    /// Regions with their own answer, one command each.
    static let regions = ["US", "GB", "CA", "AU", "NZ", "IE", "FR", "NL", "ZA", "DE", "JP", "BR"]

    static func answers(_ region: String) -> (MatrixJSON) -> Bool {
        { $0.body.contains("in \(region):") || $0.body.contains("for \(region) yet") }
    }

    @Test func killedAndRestartedMidStreamNeitherRepeatsNorLosesACommand() async throws {
        let world = try await MatrixWorld.make()
        let room = try await world.member.createRoom(name: "general", invite: [world.bot.userID])
        let peerbot = try runner(world)
        try peerbot.start()
        try await world.member.waitForJoin(of: world.bot.userID, in: room)
        let (before, whileDown) = (Self.regions.prefix(9), Self.regions.suffix(3))
        for region in before { try await world.member.send("!resources crisis \(region)", to: room) }
        // SIGKILL as soon as the first answer shows: the rest are somewhere between
        // the sync, the store, the outbox and the homeserver.
        _ = try await world.member.waitForMessage(in: room, from: world.bot.userID)
        await peerbot.kill(SIGKILL)
        for region in whileDown { try await world.member.send("!resources crisis \(region)", to: room) }
        try peerbot.start()
        for region in Self.regions {
            _ = try await world.member.waitForMessage(in: room, from: world.bot.userID, where: Self.answers(region))
        }
        // Wait for one more round trip, so a late duplicate would have arrived too.
        try await world.member.send("!resources crisis US", to: room)
        _ = try await world.member.waitForMessage(in: room, from: world.bot.userID, count: 2, where: Self.answers("US"))
        let replies = await world.member.messages(in: room, from: world.bot.userID)
        for region in Self.regions.dropFirst() {
            #expect(replies.filter(Self.answers(region)).count == 1, "answers for \(region)")
        }
        #expect(replies.count == Self.regions.count + 1)
        await peerbot.kill(SIGTERM)
    }

    @Test func aHomeserverRestartIsRiddenOutAndTheNextCommandAnswered() async throws {
        let world = try await MatrixWorld.make()
        let room = try await world.member.createRoom(name: "general", invite: [world.bot.userID])
        let peerbot = try runner(world)
        try peerbot.start()
        try await world.member.waitForJoin(of: world.bot.userID, in: room)
        try await world.member.send("!resources crisis GB", to: room)
        _ = try await world.member.waitForMessage(in: room, from: world.bot.userID)

        try await SynapseHomeserver.shared.stop()
        try await peerbot.waitForLog("sync failed; retrying with backoff")
        _ = try await SynapseHomeserver.shared.start()
        try await peerbot.waitForLog("sync resumed")
        try await world.member.send("!resources crisis US", to: room)
        let reply = try await world.member.waitForMessage(in: room, from: world.bot.userID, count: 2)
        #expect(reply.body.contains("988"))
        await peerbot.kill(SIGTERM)
    }

    @Test func aRejectedTokenEndsPeerBotRunWithOneLineAndExitStatus1() async throws {
        let world = try await MatrixWorld.make()
        let peerbot = try PeerBotRunner(
            matrix: """
                homeserver = "\(world.accounts.baseURL.absoluteString)"
                user_id = "\(world.bot.userID)"
                """, token: "syt_not_a_real_token_0000")
        try peerbot.start()
        let status = await peerbot.waitForExit()
        #expect(status == 1)
        let critical = peerbot.log.split(separator: "\n").filter { $0.contains("critical") }
        #expect(critical.count == 1)
        #expect(critical.first?.contains("M_UNKNOWN_TOKEN") == true)
        #expect(critical.first?.contains("matrix.access_token") == true)
        #expect(!peerbot.log.contains("syt_not_a_real_token_0000"))
    }
}
