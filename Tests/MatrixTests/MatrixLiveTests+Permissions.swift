import Foundation
import LoopbackPeers
import PeerBot
import Testing
@testable import Adapters

/// A plain Matrix member runs every facilitator and admin command, against the
/// real Synapse: in the listed room, in the facilitators' room (where they sit
/// at power level 0) and in a room of their own where they hold power level
/// 100 — a power level from the wrong room. Their display name is the listed
/// facilitator's user id. They react ✅ to the page and type look-alike
/// command names. Everything is refused; nothing changes.
extension MatrixLiveTests {
    @Test func aMemberRunningEveryPrivilegedCommandIsRefusedAndNothingChanges() async throws {
        let world = try await MatrixWorld.make()
        let (alice, sam, admin) = (world.member, world.facilitator, world.admin)
        let bob = try await MatrixTestClient.createUser(MatrixTestClient.uniqueName("bob"), admin: admin)
        let facilitators = try await admin.createRoom(
            name: "facilitators", invite: [world.bot.userID, sam.userID, alice.userID], powerLevels: [sam.userID: 50])
        let general = try await admin.createRoom(name: "general", invite: [world.bot.userID, bob.userID, alice.userID])
        for room in [facilitators, general] { try await alice.join(room) }
        try await bob.join(general)
        try await sam.join(facilitators)
        let own = try await alice.createRoom(name: "alice's room", invite: [world.bot.userID])

        var configuration = world.configuration(rooms: [general])
        configuration.facilitatorsRoom = facilitators
        configuration.facilitators = [sam.userID]
        let bot = try InProcessBot(matrix: configuration, http: world.http) { core in
            core.escalation.destination = EscalationDestination(platform: .matrix, channelID: facilitators)
            core.limits.commandBurst = 10_000  // one member sends every command at once; the rate limit is tested on its own
            // alice is a facilitator elsewhere (listed for the console, Mastodon and Discord): on Matrix she is a member.
            core.escalation.facilitators = ["matrix:\(sam.userID)", "console:alice", "mastodon:@alice", "discord:800000000000001001"]
        }
        bot.start()
        for room in [facilitators, general] { try await alice.waitForJoin(of: world.bot.userID, in: room) }
        try await alice.waitForJoin(of: world.bot.userID, in: own)

        try await bob.send("!facilitator rough night", to: general)
        let page = try await alice.waitForMessage(in: facilitators, from: world.bot.userID) { $0.body.contains("Ticket #1:") }
        try await bot.store.waitUntilOutboxIsEmpty()
        let before = try PrivilegedCommands.state(of: bot.store)

        // A display name that is the facilitator's user id.
        _ = try await alice.request(
            "PUT", "/_matrix/client/v3/profile/\(MatrixTestClient.escape(alice.userID))/displayname", ["displayname": .string(sam.userID)])
        let specs = await bot.bot.commandSpecs.filter { $0.minimumRole > .member }
        #expect(!specs.isEmpty, "no privileged command to test")
        let lines = PrivilegedCommands.lines(specs, facilitator: sam.userID)
        for (_, line) in lines {
            for room in [general, facilitators, own] { try await alice.send(line, to: room) }
        }
        for line in PrivilegedCommands.lookAlikeLines {
            for room in [general, facilitators] { try await alice.send(line, to: room) }
        }
        try await alice.react(to: try #require(page.eventID), with: "✅", in: facilitators)
        try await alice.send("!tickets", to: general)  // answered after the reaction was handled
        let dm = try await alice.acceptInvite(from: world.bot.userID)
        let refusals = lines.count * 3 + 1
        _ = try await alice.waitForMessage(in: dm, from: world.bot.userID, count: refusals, seconds: 120) {
            $0.body.contains("Nothing was changed.")
        }
        try await bot.store.waitUntilOutboxIsEmpty()

        let after = try PrivilegedCommands.state(of: bot.store)
        for table in PrivilegedCommands.stateTables { #expect(after[table] == before[table], "\(table) changed") }
        let told = await alice.messages(in: dm, from: world.bot.userID).map(\.body)
        #expect(told.count == refusals)
        #expect(told.allSatisfy { $0.contains("is only for facilitators. Nothing was changed.") }, "\(told)")
        #expect(await alice.messages(in: facilitators, from: world.bot.userID).count == 1, "only bob's page")
        #expect(await alice.messages(in: general, from: world.bot.userID).isEmpty)
        #expect(await alice.messages(in: own, from: world.bot.userID).isEmpty)

        // The setup is not what refuses her: sam, listed, is answered.
        try await sam.send("!tickets", to: facilitators)
        let samDM = try await sam.acceptInvite(from: world.bot.userID)
        let answer = try await sam.waitForMessage(in: samDM, from: world.bot.userID)
        #expect(answer.body.contains("#1"))
        #expect(!answer.body.contains("only for facilitators"))
        await bot.stop()
    }
}
