import Adapters
import Foundation
import LoopbackPeers
import PeerBot
import Testing

/// `peerbot run` killed with SIGKILL while the fake Mastodon holds a post — a
/// page, a due check-in prompt, a relayed reply — then started again on the
/// same database: the status exists exactly once. With the response lost, the
/// retry carries the same Idempotency-Key and the instance returns the status
/// already created; with the request lost, the retry creates it.
@Suite(.serialized) struct MastodonCrashSafetyTests {
    @Test(arguments: [true, false])
    func aPageInFlightWhenKilledIsPostedOnceAfterTheRestart(responseLost: Bool) async throws {
        let rig = try await MastodonCrashRig()
        try await rig.start()
        var request: MastodonNotification?
        let pages = try await rig.postAcrossAKill("Ticket #1:", responseLost: responseLost) { store in
            // The kill hit the window: the ticket and its page are stored, the page not delivered.
            let tickets = try store.rawRows("SELECT state FROM ticket")
            #expect(tickets == [["state": "open"]])
        } trigger: {
            request = try await rig.fake.mention("!facilitator rough night")
        }
        #expect(pages.count == 1, "the page, once")
        let confirmations = try await rig.fake.statuses().filter { $0.status.inReplyToID == request?.status?.id }
        #expect(confirmations.count == 1, "the member's confirmation, once")
        await rig.stop()
    }

    @Test(arguments: [true, false])
    func aDueCheckinPromptInFlightWhenKilledIsPostedOnceAfterTheRestart(responseLost: Bool) async throws {
        let rig = try await MastodonCrashRig()
        try await rig.start()
        let request = try await rig.fake.mention("!checkin daily 03:00 UTC")
        try await rig.harness.waitUntil("the schedule is confirmed") { try await !rig.statuses(containing: "I'll check in with you").isEmpty }
        let memberKey = "mastodon:\(request.account.id)"
        let jobKey = SQLiteStore.dueCheckinPromptKey(memberKey: memberKey)
        // Marked done at the kill: in the transaction that queued the prompt.
        let prompts = try await rig.postAcrossAKill(
            "check-in time", responseLost: responseLost, atKill: { try #expect($0.jobState(key: jobKey) == "done") }
        ) {
            try #expect(rig.store.makeCheckinPromptDue(memberKey: memberKey))
        }
        #expect(prompts.map { $0.status.mentions.map(\.acct) } == [["admin"]], "once, to the member only")
        #expect(try rig.store.jobState(key: jobKey) == "done", "the occurrence ran once, before the kill")
        await rig.stop()
    }

    @Test(arguments: [true, false])
    func relayedRepliesInFlightWhenKilledArePostedOnceAfterTheRestart(responseLost: Bool) async throws {
        let rig = try await MastodonCrashRig()
        try await rig.start()
        try await rig.fake.account("sam")
        try await rig.fake.mention("!facilitator")
        try await rig.harness.waitUntil("the page is posted") { try await !rig.statuses(containing: "Ticket #1:").isEmpty }
        try await rig.store.waitUntilOutboxIsEmpty()

        // Facilitator → member: `!reply` from sam, held on its way to the member.
        let replies = try await rig.postAcrossAKill("I'm here for you", responseLost: responseLost) {
            try await rig.fake.mention("!reply 1 I'm here for you", from: "sam")
        }
        #expect(replies.map { $0.status.mentions.map(\.acct) } == [["admin"]], "once, to the member only")

        // Member → facilitators: a mention while the ticket is active, held on its way to the facilitators.
        let relayed = try await rig.postAcrossAKill("thank you so much", responseLost: responseLost) {
            try await rig.fake.mention("thank you so much")
        }
        #expect(relayed.map { $0.status.mentions.map(\.acct) } == [["sam"]], "once, to the facilitators only")

        let audit = try rig.store.rawRows("SELECT detail FROM audit_event WHERE kind = 'relayed' ORDER BY id")
        #expect(audit.map { $0["detail"] } == ["to the member", "to the facilitators"], "each relay happened once")
        await rig.stop()
    }
}
