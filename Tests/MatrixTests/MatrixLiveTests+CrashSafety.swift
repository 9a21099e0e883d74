import Foundation
import PeerBot
import Testing
@testable import Adapters

/// `peerbot run` is killed with SIGKILL while a delivery — a page, a due
/// check-in prompt, a relayed reply — is held by a proxy in front of the real
/// Synapse, then started again on the same database: the room holds the
/// message exactly once. With the response lost, Synapse already stored the
/// event and the retry's txnId (the outbox entry's idempotency key, same
/// access token) returns that event.
extension MatrixLiveTests {
    @Test(arguments: [true, false])
    func aPageInFlightWhenKilledIsSentOnceAfterTheRestart(responseLost: Bool) async throws {
        let rig = try await MatrixCrashRig()
        try await rig.proxy.holdSend(body: "Ticket #1:", responseLost: responseLost)
        try await rig.member.send("!facilitator rough night", to: rig.general)
        let held = try await rig.waitUntilHeld()
        let key = try await rig.killAndRestart(pendingText: "Ticket #1:")

        let page = try await rig.sam.waitForMessage(in: rig.facilitators, from: rig.botID) { $0.body.contains("Ticket #1:") }
        try await waitUntilOutboxIsEmpty(rig.store)
        // The member's confirmation went out after the page: once it is there, the page's retry is done.
        let dm = try await rig.member.acceptInvite(from: rig.botID)
        _ = try await rig.member.waitForMessage(in: dm, from: rig.botID) { $0.body.contains("request #1") }
        #expect(try await rig.messages(rig.sam, in: rig.facilitators, containing: "Ticket #1:").count == 1)
        #expect(try await rig.messages(rig.member, in: dm, containing: "request #1").count == 1)
        #expect(try await rig.expectOneRetry(of: held, key: key, responseLost: responseLost) == page.eventID)
        await rig.stop()
    }

    @Test(arguments: [true, false])
    func aDueCheckinPromptInFlightWhenKilledIsSentOnceAfterTheRestart(responseLost: Bool) async throws {
        let rig = try await MatrixCrashRig()
        try await rig.member.send("!checkin daily 03:00 UTC", to: rig.general)
        let dm = try await rig.member.acceptInvite(from: rig.botID)
        _ = try await rig.member.waitForMessage(in: dm, from: rig.botID) { $0.body.contains("I'll check in with you") }
        try await rig.proxy.holdSend(body: "check-in time", responseLost: responseLost)
        let jobKey = try rig.store.makeCheckinPromptDue(memberKey: "matrix:\(rig.member.userID)")
        let held = try await rig.waitUntilHeld()
        let key = try await rig.killAndRestart(pendingText: "check-in time") { store in
            // The job was marked done in the transaction that queued its prompt.
            let job = try store.rawRows("SELECT state FROM job WHERE key = ?", arguments: [jobKey])
            #expect(job == [["state": "done"]])
        }

        let prompt = try await rig.member.waitForMessage(in: dm, from: rig.botID) { $0.body.contains("check-in time") }
        try await waitUntilOutboxIsEmpty(rig.store)
        #expect(try await rig.messages(rig.member, in: dm, containing: "check-in time").count == 1)
        #expect(try await rig.expectOneRetry(of: held, key: key, responseLost: responseLost) == prompt.eventID)
        #expect(try rig.store.rawRows("SELECT state FROM job WHERE key = ?", arguments: [jobKey]) == [["state": "done"]], "the occurrence ran once")
        await rig.stop()
    }

    @Test(arguments: [true, false])
    func relayedRepliesInFlightWhenKilledAreSentOnceAfterTheRestart(responseLost: Bool) async throws {
        let rig = try await MatrixCrashRig()
        try await rig.member.send("!facilitator", to: rig.general)
        _ = try await rig.sam.waitForMessage(in: rig.facilitators, from: rig.botID) { $0.body.contains("Ticket #1:") }
        let dm = try await rig.member.acceptInvite(from: rig.botID)
        _ = try await rig.member.waitForMessage(in: dm, from: rig.botID) { $0.body.contains("request #1") }

        // Facilitator → member: `!reply` in the facilitators' room, held on its way to the member's DM.
        try await rig.proxy.holdSend(body: "I'm here for you", responseLost: responseLost)
        try await rig.sam.send("!reply 1 I'm here for you", to: rig.facilitators)
        let toMember = try await rig.waitUntilHeld(1)
        let toMemberKey = try await rig.killAndRestart(pendingText: "I'm here for you")
        let reply = try await rig.member.waitForMessage(in: dm, from: rig.botID) { $0.body.contains("I'm here for you") }
        try await waitUntilOutboxIsEmpty(rig.store)
        #expect(try await rig.messages(rig.member, in: dm, containing: "I'm here for you").count == 1)
        #expect(try await rig.expectOneRetry(of: toMember, key: toMemberKey, responseLost: responseLost) == reply.eventID)

        // Member → facilitators: a message in the DM room while the ticket is active, held on its way to the room.
        try await rig.proxy.holdSend(body: "thank you so much", responseLost: responseLost)
        try await rig.member.send("thank you so much", to: dm)
        let toFacilitators = try await rig.waitUntilHeld(2)
        let toFacilitatorsKey = try await rig.killAndRestart(pendingText: "thank you so much")
        let relayed = try await rig.sam.waitForMessage(in: rig.facilitators, from: rig.botID) { $0.body.contains("thank you so much") }
        try await waitUntilOutboxIsEmpty(rig.store)
        #expect(try await rig.messages(rig.sam, in: rig.facilitators, containing: "thank you so much").count == 1)
        #expect(
            try await rig.expectOneRetry(of: toFacilitators, key: toFacilitatorsKey, responseLost: responseLost) == relayed.eventID)

        let audit = try rig.store.rawRows("SELECT detail FROM audit_event WHERE kind = 'relayed' ORDER BY id")
        #expect(audit.map { $0["detail"] } == ["to the member", "to the facilitators"], "each relay happened once")
        await rig.stop()
    }

    func waitUntilOutboxIsEmpty(_ store: SQLiteStore) async throws {
        let deadline = ContinuousClock.now + .seconds(60)
        while try store.read({ try $0.outboxDepth() }) > 0 {
            guard ContinuousClock.now < deadline else { throw PeerBotRunner.Failed(description: "the outbox never emptied") }
            try await Task.sleep(for: .milliseconds(50))
        }
    }
}
