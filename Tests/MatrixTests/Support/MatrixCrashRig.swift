import Foundation
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
    let facilitators: String
    let general: String
    let proxy: HoldingProxy
    let peerbot: PeerBotRunner
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

    /// Waits until the proxy holds its `count`th request, and returns that one.
    func waitUntilHeld(_ count: Int = 1) async throws -> MatrixJSON {
        let deadline = ContinuousClock.now + .seconds(60)
        while ContinuousClock.now < deadline {
            let held = try await proxy.held()
            if held.count >= count { return held[count - 1] }
            try await Task.sleep(for: .milliseconds(20))
        }
        throw PeerBotRunner.Failed(description: "the proxy never held request \(count)")
    }

    /// Kills `peerbot` while a request is held, checks the entry whose action contains
    /// `pendingText` is still pending (so the kill hit the window), lets `atKill` look at
    /// the dead process's database, releases the proxy and starts `peerbot` again.
    /// Returns the entry's idempotency key (its txnId).
    @discardableResult
    func killAndRestart(pendingText: String, atKill: (SQLiteStore) throws -> Void = { _ in }) async throws -> String {
        await peerbot.kill(SIGKILL)
        let pending = try store.rawRows(
            "SELECT idempotency_key FROM outbox WHERE state = 'pending' AND action LIKE ?", arguments: ["%\(pendingText)%"])
        #expect(pending.count == 1, "the held delivery is still pending after the kill")
        try atKill(store)
        try await proxy.release()
        try peerbot.start()
        return try #require(pending.first?["idempotency_key"])
    }

    /// The held send went out twice in all, both with the outbox entry's idempotency key as
    /// txnId: held, then one retry. With the response lost Synapse had stored the event and
    /// answered the retry with it; with the request lost the retry created it. Returns the
    /// delivered event's id.
    @discardableResult
    func expectOneRetry(of held: MatrixJSON, key: String, responseLost: Bool) async throws -> String {
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

    /// The bot's messages in `room` containing `text`, as `client` sees them after one more sync.
    func messages(_ client: MatrixTestClient, in room: String, containing text: String) async throws -> [MatrixJSON] {
        try await client.sync()
        return await client.messages(in: room, from: botID).filter { $0.body.contains(text) }
    }

    /// Stops `peerbot` and the proxy; no log of any start holds the token.
    func stop() async {
        await peerbot.kill(SIGTERM)
        #expect(!peerbot.log.contains(world.bot.token))
        proxy.stop()
    }
}
