import Foundation
import PeerBot
import Testing
@testable import Adapters

/// `peerbot run` is killed with SIGKILL while its page to the facilitators'
/// room is held by a proxy in front of the real Synapse, then started again
/// on the same database: the room holds the page exactly once. With the
/// response lost, Synapse already stored the event and the retry's txnId (the
/// outbox entry's idempotency key, same access token) returns that event.
extension MatrixLiveTests {
    @Test(arguments: [true, false])
    func aPageInFlightWhenKilledIsSentOnceAfterTheRestart(responseLost: Bool) async throws {
        let world = try await MatrixWorld.make()
        let sam = world.facilitator
        let facilitators = try await world.admin.createRoom(
            name: "facilitators", invite: [world.bot.userID, sam.userID], powerLevels: [sam.userID: 50])
        try await sam.join(facilitators)
        let general = try await world.member.createRoom(name: "general", invite: [world.bot.userID])
        let proxy = try await HoldingProxy(upstream: world.accounts.baseURL, http: world.http)
        defer { proxy.stop() }
        let peerbot = try PeerBotRunner(
            matrix: """
                homeserver = "\(proxy.baseURL.absoluteString)"
                user_id = "\(world.bot.userID)"
                auto_join_from = ["localhost"]
                facilitators_room = "\(facilitators)"
                facilitators = ["\(sam.userID)"]
                """, token: world.bot.token)
        try peerbot.start()
        try await world.member.waitForJoin(of: world.bot.userID, in: general)
        try await sam.waitForJoin(of: world.bot.userID, in: facilitators)

        try await proxy.holdSend(body: "Ticket #1:", responseLost: responseLost)
        try await world.member.send("!facilitator rough night", to: general)
        let held = try await waitUntilHeld(proxy)
        await peerbot.kill(SIGKILL)
        let store = try SQLiteStore(path: peerbot.databasePath)
        #expect(try store.rawRows("SELECT id FROM outbox WHERE state = 'pending' AND action LIKE '%Ticket #1:%'").count == 1)
        #expect(held["accepted"]?.bool == responseLost)
        try await proxy.release()

        try peerbot.start()
        let page = try await sam.waitForMessage(in: facilitators, from: world.bot.userID) { $0.body.contains("Ticket #1:") }
        try await waitUntilOutboxIsEmpty(store)
        // The member's confirmation went out after the page: once it is there, the page's retry is done.
        let dm = try await world.member.acceptInvite(from: world.bot.userID)
        _ = try await world.member.waitForMessage(in: dm, from: world.bot.userID) { $0.body.contains("request #1") }
        try await sam.sync()
        #expect(await sam.messages(in: facilitators, from: world.bot.userID).filter { $0.body.contains("Ticket #1:") }.count == 1)
        #expect(await world.member.messages(in: dm, from: world.bot.userID).filter { $0.body.contains("request #1") }.count == 1)
        let delivered = try store.rawRows("SELECT message_id FROM outbox WHERE tag = 'ticket:1:tier:1'")
        #expect(delivered.first?["message_id"] == page.eventID)
        if responseLost {
            let response = try JSONDecoder().decode(MatrixJSON.self, from: Data((held["response"]?.string ?? "").utf8))
            #expect(response["event_id"]?.string == page.eventID, "the retry got the event the lost response named")
        }
        await peerbot.kill(SIGTERM)
        #expect(!peerbot.log.contains(world.bot.token))
    }

    func waitUntilHeld(_ proxy: HoldingProxy) async throws -> MatrixJSON {
        let deadline = ContinuousClock.now + .seconds(60)
        while ContinuousClock.now < deadline {
            if let first = try await proxy.held().first { return first }
            try await Task.sleep(for: .milliseconds(20))
        }
        throw PeerBotRunner.Failed(description: "the proxy never held the page")
    }

    func waitUntilOutboxIsEmpty(_ store: SQLiteStore) async throws {
        let deadline = ContinuousClock.now + .seconds(60)
        while try store.read({ try $0.outboxDepth() }) > 0 {
            guard ContinuousClock.now < deadline else { throw PeerBotRunner.Failed(description: "the outbox never emptied") }
            try await Task.sleep(for: .milliseconds(50))
        }
    }
}
