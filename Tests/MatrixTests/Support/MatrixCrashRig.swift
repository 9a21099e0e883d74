import Foundation
import LoopbackPeers
import PeerBot
import Testing
@testable import Adapters

/// The real `peerbot run` against the real Synapse through a `HoldingProxy`:
/// a facilitators' room with sam, a general room with the member. A test
/// holds one delivery at the proxy, kills the bot with SIGKILL while it is in
/// flight and starts it again on the same database. The window is made by
/// the proxy (a held request), never by timing.
final class MatrixCrashRig {
    let world: MatrixWorld
    /// The facilitators' room (sam, with power level 50) and a public room with the member.
    let facilitators: String, general: String
    /// Between `peerbot` and Synapse.
    let proxy: HoldingProxy
    let peerbot: PeerBotRunner
    /// The database `peerbot` keeps across its runs, opened by the test.
    let store: SQLiteStore

    var sam: MatrixTestClient { world.facilitator }
    var member: MatrixTestClient { world.member }
    var botID: String { world.bot.userID }

    /// Makes the people and rooms, and starts `peerbot run` until it has joined both rooms.
    init() async throws {
        world = try await MatrixWorld.make()
        let sam = world.facilitator
        facilitators = try await world.admin.createRoom(
            name: "facilitators", invite: [world.bot.userID, sam.userID], powerLevels: [sam.userID: 50])
        try await sam.join(facilitators)
        general = try await world.member.createRoom(name: "general", invite: [world.bot.userID])
        proxy = try await HoldingProxy(upstream: world.accounts.baseURL, http: world.http)
        peerbot = try PeerBotRunner(
            matrix: """
                homeserver = "\(proxy.baseURL.absoluteString)"
                user_id = "\(world.bot.userID)"
                auto_join_from = ["localhost"]
                facilitators_room = "\(facilitators)"
                facilitators = ["\(sam.userID)"]
                """, token: world.bot.token)
        try peerbot.start()
        store = try SQLiteStore(path: peerbot.databasePath)
        try await world.member.waitForJoin(of: world.bot.userID, in: general)
        try await sam.waitForJoin(of: world.bot.userID, in: facilitators)
    }

    /// Holds the send whose JSON body matches `match`, runs `trigger` (which makes the bot send
    /// it), kills `peerbot` while the send is held — checking its entry is still pending, so the
    /// kill hit the window, and letting `atKill` look at the dead process's database — and
    /// starts it again with the proxy healthy. Once the outbox is empty, checks the send went
    /// out twice in all, both with the entry's idempotency key as txnId (held, then one retry),
    /// and returns the delivered event's id. With the response lost Synapse had stored the
    /// event and answered the retry with it; with the request lost the retry created it.
    func sendAcrossAKill(
        _ match: String, responseLost: Bool, atKill: (SQLiteStore) throws -> Void = { _ in },
        trigger: () async throws -> Void
    ) async throws -> String {
        let heldBefore = try await proxy.held().count
        try await proxy.holdSend(body: match, responseLost: responseLost)
        try await trigger()
        let held = try await proxy.waitUntilHeld(moreThan: heldBefore)

        await peerbot.kill(SIGKILL)
        let pending = try store.rawRows(
            "SELECT idempotency_key FROM outbox WHERE state = 'pending' AND action LIKE ?", arguments: ["%\(match)%"])
        #expect(pending.count == 1, "the held delivery is still pending after the kill")
        try atKill(store)
        try await proxy.release()
        try peerbot.start()
        try await store.waitUntilOutboxIsEmpty()

        let key = try #require(pending.first?["idempotency_key"])
        #expect(held["accepted"]?.bool == responseLost)
        #expect(held["path"]?.string?.hasSuffix("/send/m.room.message/\(key)") == true, "the held send's txnId is the entry's key")
        let sends = try await proxy.sendPaths().filter { $0.hasSuffix("/send/m.room.message/\(key)") }
        #expect(sends.count == 2, "the held send and one retry with the same txnId")
        let delivered = try store.rawRows("SELECT message_id FROM outbox WHERE idempotency_key = ?", arguments: [key])
        let eventID = try #require(delivered.first?["message_id"])
        if responseLost {
            let response = try JSONDecoder().decode(MatrixJSON.self, from: Data((held["response"]?.string ?? "").utf8))
            #expect(response["event_id"]?.string == eventID, "the retry got the event the lost response named")
        }
        return eventID
    }

    /// The member sends `command` in the general room and accepts the direct-message room the
    /// bot invites them to; returns that room once the answer containing `answer` is in it.
    func memberAsks(_ command: String, answeredPrivately answer: String) async throws -> String {
        try await member.send(command, to: general)
        let dm = try await member.acceptInvite(from: botID)
        _ = try await member.waitForMessage(in: dm, from: botID) { $0.body.contains(answer) }
        return dm
    }

    /// Accepts the one direct-message room the bot invited the member to, checking no other invite is waiting.
    func acceptTheOnlyDirectRoom() async throws -> String {
        let dm = try await member.acceptInvite(from: botID)
        try await member.sync(timeout: 0)
        let waiting = await member.seen.invites
        #expect(waiting.isEmpty, "no second invite from the bot")
        return dm
    }

    /// The ids of the bot's messages in `room` containing `text`, once `client` has seen one.
    func messages(_ client: MatrixTestClient, in room: String, containing text: String) async throws -> [String?] {
        _ = try await client.waitForMessage(in: room, from: botID) { $0.body.contains(text) }
        return await client.messages(in: room, from: botID).filter { $0.body.contains(text) }.map(\.eventID)
    }

    /// Stops `peerbot` and the proxy; no log of any start holds the token.
    func stop() async {
        await peerbot.kill(SIGTERM)
        #expect(!peerbot.log.contains(world.bot.token))
        proxy.stop()
    }
}
