import Foundation
import LoopbackPeers
import PeerBot
import Testing

/// The real `peerbot run` is killed with SIGKILL while the fake Discord holds
/// a delivery — the entry committed, its request in flight — and started again
/// on the same database: every message reaches Discord exactly once. The
/// window is made by the fake (a held request), never by timing: with the
/// response lost, the message exists and the retry's nonce finds it; with the
/// request lost, it does not and the retry creates it.
@Suite(.serialized) struct DiscordCrashSafetyTests {
    static let aliceDM = DiscordEscalationEndToEndTests.aliceDM

    func withFake(_ body: (FakeDiscord) async throws -> Void) async throws {
        let fake = try await FakeDiscord.start()
        do {
            try await body(fake)
        } catch {
            await fake.stop()
            throw error
        }
        await fake.stop()
    }

    /// Starts `peerbot run` (the `start`th time) and waits for its gateway session:
    /// READY, or RESUMED when it resumed the session the killed process kept in the database.
    func start(_ peerbot: DiscordPeerBotProcess, _ fake: FakeDiscord, start: Int) async throws {
        try peerbot.start()
        try await fake.waitFor("READY or RESUMED of start \(start)") { records in
            records.of(kind: "dispatch").filter { ["READY", "RESUMED"].contains($0["t"]?.string ?? "") }.count >= start
        }
    }

    /// Kills the bot while a request is held, checks the entry is still pending
    /// in the database (so the kill hit the window), and starts it again with the fake healthy.
    /// `atKill` looks at the database of the dead process.
    func killAndRestart(
        _ peerbot: DiscordPeerBotProcess, _ fake: FakeDiscord, pendingText: String, start: Int,
        atKill: (SQLiteStore) throws -> Void = { _ in }
    ) async throws {
        await peerbot.kill(SIGKILL)
        let store = try peerbot.store()
        let pending = try store.rawRows(
            "SELECT id FROM outbox WHERE state = 'pending' AND action LIKE ?", arguments: ["%\(pendingText)%"])
        #expect(pending.count == 1, "the held delivery is still pending after the kill")
        try atKill(store)
        try await fake.release()
        try await self.start(peerbot, fake, start: start)
    }

    /// Waits until the outbox has nothing left to deliver: after that no message can still come.
    func waitUntilOutboxIsEmpty(_ peerbot: DiscordPeerBotProcess) async throws {
        let store = try peerbot.store()
        let deadline = ContinuousClock.now + .seconds(30)
        while ContinuousClock.now < deadline {
            if try store.read({ try $0.outboxDepth() }) == 0 { return }
            try await Task.sleep(for: .milliseconds(50))
        }
        Issue.record("the outbox never emptied; log:\n\(peerbot.log)")
        throw FakeDiscord.FakeDiscordError.timedOut("an empty outbox")
    }

    /// With the response lost, the retry after the restart carried the held request's nonce
    /// and the fake answered it with the message already created.
    func expectRetryDeduplicated(_ fake: FakeDiscord, held: JSONValue, loss: FakeDiscord.Loss, channel: String) async throws {
        let nonce = try #require(held["nonce"]?.string)
        let posts = try await fake.records().rest("POST", "/api/v10/channels/\(channel)/messages")
            .filter { $0.requestBody?["nonce"]?.string == nonce }
        #expect(posts.count == 2, "the held request and one retry")
        #expect(posts.allSatisfy { $0.requestBody?["enforce_nonce"] == .bool(true) })
        switch loss {
        case .response:
            #expect(held["accepted"] == .bool(true))
            #expect(posts.last?["deduplicated"] == .bool(true), "the retry found the message the lost response was about")
        case .request:
            #expect(held["accepted"] == .bool(false))
            #expect(posts.last?["deduplicated"] == nil, "nothing existed, so the retry created it")
        }
    }

    @Test(arguments: FakeDiscord.Loss.allCases)
    func aPageInFlightWhenKilledIsDeliveredOnceAfterTheRestart(loss: FakeDiscord.Loss) async throws {
        try await withFake { fake in
            let peerbot = try DiscordPeerBotProcess(fake: fake)
            try await start(peerbot, fake, start: 1)
            try await fake.hold(postTo: Payloads.facilitatorChannel, content: "Ticket #1:", loss: loss)
            try await fake.dispatch(frame: Payloads.messageCreate(content: "!facilitator rough night"))
            let held = try #require(try await fake.waitUntilHeld().first)
            try await killAndRestart(peerbot, fake, pendingText: "Ticket #1:", start: 2)
            try await waitUntilOutboxIsEmpty(peerbot)

            #expect(try await fake.messages(in: Payloads.facilitatorChannel, containing: "Ticket #1:").count == 1)
            #expect(try await fake.messages(in: Self.aliceDM, containing: "request #1").count == 1, "the member's confirmation, once")
            try await expectRetryDeduplicated(fake, held: held, loss: loss, channel: Payloads.facilitatorChannel)
            let tickets = try peerbot.store().rawRows("SELECT id, state FROM ticket")
            #expect(tickets == [["id": "1", "state": "open"]])
            await peerbot.kill(SIGTERM)
        }
    }

    @Test(arguments: FakeDiscord.Loss.allCases)
    func aDueCheckinPromptInFlightWhenKilledIsDeliveredOnceAfterTheRestart(loss: FakeDiscord.Loss) async throws {
        try await withFake { fake in
            let peerbot = try DiscordPeerBotProcess(fake: fake)
            try await start(peerbot, fake, start: 1)
            try await fake.dispatch(frame: Payloads.messageCreate(content: "!checkin daily 03:00 UTC", guild: nil, channel: Self.aliceDM))
            try await fake.waitForMessage(in: Self.aliceDM, containing: "I'll check in with you")
            // The occurrence comes due now: the running bot's scheduler (a real clock, one look a
            // second) runs it, marks it done and queues the prompt in one transaction.
            try await fake.hold(postTo: Self.aliceDM, content: "check-in time", loss: loss)
            let store = try peerbot.store()
            #expect(try store.makeCheckinPromptDue(memberKey: "discord:\(Payloads.alice)"))
            let jobKey = SQLiteStore.dueCheckinPromptKey(memberKey: "discord:\(Payloads.alice)")
            let held = try #require(try await fake.waitUntilHeld().first)
            try await killAndRestart(peerbot, fake, pendingText: "check-in time", start: 2) { store in
                // The job was marked done in the transaction that queued its prompt.
                let job = try store.rawRows("SELECT state FROM job WHERE key = ?", arguments: [jobKey])
                #expect(job == [["state": "done"]])
            }
            try await waitUntilOutboxIsEmpty(peerbot)

            #expect(try await fake.messages(in: Self.aliceDM, containing: "check-in time").count == 1)
            try await expectRetryDeduplicated(fake, held: held, loss: loss, channel: Self.aliceDM)
            let jobs = try store.rawRows("SELECT state FROM job WHERE key = ?", arguments: [jobKey])
            #expect(jobs == [["state": "done"]], "the occurrence ran once")
            await peerbot.kill(SIGTERM)
        }
    }

    @Test(arguments: FakeDiscord.Loss.allCases)
    func relayedRepliesInFlightWhenKilledAreDeliveredOnceAfterTheRestart(loss: FakeDiscord.Loss) async throws {
        try await withFake { fake in
            let peerbot = try DiscordPeerBotProcess(fake: fake)
            try await start(peerbot, fake, start: 1)
            try await fake.dispatch(frame: Payloads.messageCreate(content: "!facilitator"))
            try await fake.waitForMessage(in: Payloads.facilitatorChannel, containing: "Ticket #1:")

            // Facilitator → member: `!reply` in the facilitators' channel, held on its way to the member's DM.
            try await fake.hold(postTo: Self.aliceDM, content: "I'm here for you", loss: loss)
            try await fake.dispatch(
                frame: Payloads.messageCreate(
                    id: "900000000000000002", author: Payloads.sam, name: "sam", roles: [Payloads.facilitatorRole],
                    content: "!reply 1 I'm here for you", channel: Payloads.facilitatorChannel, sequence: 3))
            let toMember = try #require(try await fake.waitUntilHeld(1).last)
            try await killAndRestart(peerbot, fake, pendingText: "I'm here for you", start: 2)
            try await waitUntilOutboxIsEmpty(peerbot)
            #expect(try await fake.messages(in: Self.aliceDM, containing: "I'm here for you").count == 1)
            try await expectRetryDeduplicated(fake, held: toMember, loss: loss, channel: Self.aliceDM)

            // Member → facilitators: a direct message while the ticket is active, held on its way to the channel.
            try await fake.hold(postTo: Payloads.facilitatorChannel, content: "thank you so much", loss: loss)
            try await fake.dispatch(
                frame: Payloads.messageCreate(
                    id: "900000000000000003", content: "thank you so much", guild: nil, channel: Self.aliceDM, sequence: 4))
            let toFacilitators = try #require(try await fake.waitUntilHeld(2).last)
            try await killAndRestart(peerbot, fake, pendingText: "thank you so much", start: 3)
            try await waitUntilOutboxIsEmpty(peerbot)
            #expect(try await fake.messages(in: Payloads.facilitatorChannel, containing: "thank you so much").count == 1)
            try await expectRetryDeduplicated(fake, held: toFacilitators, loss: loss, channel: Payloads.facilitatorChannel)

            let audit = try peerbot.store().rawRows("SELECT kind, detail FROM audit_event WHERE kind = 'relayed' ORDER BY id")
            #expect(audit.map { $0["detail"] } == ["to the member", "to the facilitators"], "each relay happened once")
            await peerbot.kill(SIGTERM)
        }
    }
}
