import Foundation
import LoopbackPeers
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
        let page = try await rig.sendAcrossAKill("Ticket #1:", responseLost: responseLost) {
            try await rig.member.send("!facilitator rough night", to: rig.general)
        }
        #expect(try await rig.messages(rig.sam, in: rig.facilitators, containing: "Ticket #1:") == [page])
        let dm = try await rig.member.acceptInvite(from: rig.botID)
        #expect(try await rig.messages(rig.member, in: dm, containing: "request #1").count == 1, "the member's confirmation, once")
        await rig.stop()
    }

    @Test(arguments: [true, false])
    func aDueCheckinPromptInFlightWhenKilledIsSentOnceAfterTheRestart(responseLost: Bool) async throws {
        let rig = try await MatrixCrashRig()
        let dm = try await rig.memberAsks("!checkin daily 03:00 UTC", answeredPrivately: "I'll check in with you")
        let memberKey = "matrix:\(rig.member.userID)"
        let jobKey = SQLiteStore.dueCheckinPromptKey(memberKey: memberKey)
        // Marked done at the kill: in the transaction that queued the prompt.
        let prompt = try await rig.sendAcrossAKill(
            "check-in time", responseLost: responseLost, atKill: { try #expect($0.jobState(key: jobKey) == "done") }
        ) {
            try #expect(rig.store.makeCheckinPromptDue(memberKey: memberKey))
        }
        #expect(try await rig.messages(rig.member, in: dm, containing: "check-in time") == [prompt], "the prompt, once, in the DM")
        #expect(try rig.store.jobState(key: jobKey) == "done", "the occurrence ran once, before the kill")
        await rig.stop()
    }

    @Test(arguments: [true, false])
    func relayedRepliesInFlightWhenKilledAreSentOnceAfterTheRestart(responseLost: Bool) async throws {
        let rig = try await MatrixCrashRig()
        let dm = try await rig.memberAsks("!facilitator", answeredPrivately: "request #1")
        try await rig.store.waitUntilOutboxIsEmpty()

        // Facilitator → member: `!reply` in the facilitators' room, held on its way to the member's DM.
        let reply = try await rig.sendAcrossAKill("I'm here for you", responseLost: responseLost) {
            try await rig.sam.send("!reply 1 I'm here for you", to: rig.facilitators)
        }
        #expect(try await rig.messages(rig.member, in: dm, containing: "I'm here for you") == [reply])

        // Member → facilitators: a message in the DM room while the ticket is active, held on its way to their room.
        let relayed = try await rig.sendAcrossAKill("thank you so much", responseLost: responseLost) {
            try await rig.member.send("thank you so much", to: dm)
        }
        #expect(try await rig.messages(rig.sam, in: rig.facilitators, containing: "thank you so much") == [relayed])

        let audit = try rig.store.rawRows("SELECT detail FROM audit_event WHERE kind = 'relayed' ORDER BY id")
        #expect(audit.map { $0["detail"] } == ["to the member", "to the facilitators"], "each relay happened once")
        await rig.stop()
    }
}
