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

/// `createRoom` is not idempotent: a direct room whose creation answer was lost,
/// or whose creator was killed before recording it, must be found again, not
/// made a second time (the member would be invited twice).
extension MatrixLiveTests {
    @Test(arguments: [true, false])
    func aDirectRoomBeingCreatedWhenKilledIsMadeOnce(responseLost: Bool) async throws {
        let rig = try await MatrixCrashRig()
        let creating = MatrixDirectRooms.creationCursor(bot: rig.botID, member: rig.member.userID)
        let recorded = MatrixDirectRooms.cursor(bot: rig.botID, member: rig.member.userID)
        try await rig.proxy.hold(method: "POST", path: "/createRoom", body: "org\\.peerbot\\.direct_room", responseLost: responseLost)
        // The answer is private, so it needs the member's direct room: held on its way to be created.
        try await rig.member.send("!checkin daily 03:00 UTC", to: rig.general)
        let held = try await rig.proxy.waitUntilHeld(moreThan: 0)
        #expect(held["accepted"]?.bool == responseLost)

        await rig.peerbot.kill(SIGKILL)
        #expect(try rig.store.read { try $0.cursor(creating) } != nil, "the creation was marked before it was asked for")
        #expect(try rig.store.read { try $0.cursor(recorded) } == nil, "the kill came before the room was recorded")
        try await rig.proxy.release()
        try rig.peerbot.start()
        try await rig.store.waitUntilOutboxIsEmpty()

        let dm = try await rig.acceptTheOnlyDirectRoom()
        #expect(try await rig.messages(rig.member, in: dm, containing: "I'll check in with you").count == 1)
        let joined = try await rig.world.bot.request("GET", "/_matrix/client/v3/joined_rooms", nil)["joined_rooms"]?.strings ?? []
        #expect(Set(joined) == [rig.facilitators, rig.general, dm], "one direct room, not two")
        let creations = try await rig.proxy.requests().filter { $0.method == "POST" && $0.path.hasSuffix("/createRoom") }
        #expect(creations.count == (responseLost ? 1 : 2), "found again when it existed; created once when it did not")
        #expect(try rig.store.read { try $0.cursor(recorded) } == dm)
        #expect(try rig.store.read { try $0.cursor(creating) } == nil, "the marker is dropped once the room is recorded")
        await rig.stop()
    }
}
