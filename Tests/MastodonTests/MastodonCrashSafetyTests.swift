import Foundation
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
        try await rig.fake.holdStatusPost(matching: "Ticket #1:", accept: responseLost)
        let request = try await rig.fake.mention("!facilitator rough night")
        let held = try await rig.waitUntilHeld()
        try await rig.killAndRestart(pendingText: "Ticket #1:") { store in
            // The kill hit the window: the ticket and its page are stored, the page not delivered.
            let tickets = try store.rawRows("SELECT state FROM ticket")
            #expect(tickets == [["state": "open"]])
        }
        try await rig.waitUntilOutboxIsEmpty()

        #expect(try await rig.statuses(containing: "Ticket #1:").count == 1, "the page, once")
        let statuses = try await rig.fake.statuses()
        #expect(statuses.filter { $0.status.inReplyToID == request.status?.id }.count == 1, "the member's confirmation, once")
        try await rig.expectOneRetry(of: held, responseLost: responseLost)
        await rig.stop()
    }

    @Test(arguments: [true, false])
    func aDueCheckinPromptInFlightWhenKilledIsPostedOnceAfterTheRestart(responseLost: Bool) async throws {
        let rig = try await MastodonCrashRig()
        try await rig.start()
        let request = try await rig.fake.mention("!checkin daily 03:00 UTC")
        try await rig.harness.waitUntil("the schedule is confirmed") { try await !rig.statuses(containing: "I'll check in with you").isEmpty }
        let memberKey = "mastodon:\(request.account.id)"
        try await rig.fake.holdStatusPost(matching: "check-in time", accept: responseLost)
        let jobKey = try rig.store.makeCheckinPromptDue(memberKey: memberKey)
        let held = try await rig.waitUntilHeld()
        try await rig.killAndRestart(pendingText: "check-in time") { store in
            // The job was marked done in the transaction that queued its prompt.
            let job = try store.rawRows("SELECT state FROM job WHERE key = ?", arguments: [jobKey])
            #expect(job == [["state": "done"]])
        }
        try await rig.waitUntilOutboxIsEmpty()

        #expect(try await rig.statuses(containing: "check-in time").count == 1, "the prompt, once")
        try await rig.expectOneRetry(of: held, responseLost: responseLost)
        #expect(try rig.store.rawRows("SELECT state FROM job WHERE key = ?", arguments: [jobKey]) == [["state": "done"]], "the occurrence ran once")
        await rig.stop()
    }

    @Test(arguments: [true, false])
    func relayedRepliesInFlightWhenKilledArePostedOnceAfterTheRestart(responseLost: Bool) async throws {
        let rig = try await MastodonCrashRig()
        try await rig.start()
        try await rig.fake.account("sam")
        try await rig.fake.mention("!facilitator")
        try await rig.harness.waitUntil("the page is posted") { try await !rig.statuses(containing: "Ticket #1:").isEmpty }
        try await rig.waitUntilOutboxIsEmpty()

        // Facilitator → member: `!reply` from sam, held on its way to the member.
        try await rig.fake.holdStatusPost(matching: "I'm here for you", accept: responseLost)
        try await rig.fake.mention("!reply 1 I'm here for you", from: "sam")
        let toMember = try await rig.waitUntilHeld(1)
        try await rig.killAndRestart(pendingText: "I'm here for you")
        try await rig.waitUntilOutboxIsEmpty()
        let replies = try await rig.statuses(containing: "I'm here for you")
        #expect(replies.count == 1)
        #expect(replies.first?.status.mentions.map(\.acct) == ["admin"], "to the member only")
        try await rig.expectOneRetry(of: toMember, responseLost: responseLost)

        // Member → facilitators: a mention while the ticket is active, held on its way to the facilitators.
        try await rig.fake.holdStatusPost(matching: "thank you so much", accept: responseLost)
        try await rig.fake.mention("thank you so much")
        let toFacilitators = try await rig.waitUntilHeld(2)
        try await rig.killAndRestart(pendingText: "thank you so much")
        try await rig.waitUntilOutboxIsEmpty()
        let relayed = try await rig.statuses(containing: "thank you so much")
        #expect(relayed.count == 1)
        #expect(relayed.first?.status.mentions.map(\.acct) == ["sam"], "to the facilitators only")
        try await rig.expectOneRetry(of: toFacilitators, responseLost: responseLost)

        let audit = try rig.store.rawRows("SELECT detail FROM audit_event WHERE kind = 'relayed' ORDER BY id")
        #expect(audit.map { $0["detail"] } == ["to the member", "to the facilitators"], "each relay happened once")
        await rig.stop()
    }
}
