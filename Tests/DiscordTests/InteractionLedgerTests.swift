import Adapters
import Testing

/// Answers inside Discord's 3 seconds (receiving-and-responding.mdx "Interaction Callback").
@Suite struct InteractionLedgerTests {
    func ledger(at receivedAt: Duration = .zero, id: String = "1", channel: String = "c") -> InteractionLedger {
        var ledger = InteractionLedger(deferAfter: .milliseconds(1500))
        ledger.register(PendingInteraction(id: id, token: "t", applicationID: "a", channelID: channel, receivedAt: receivedAt))
        return ledger
    }

    @Test func aFastPrivateAnswerIsTheEphemeralCallbackThenFollowUps() {
        var ledger = ledger()
        #expect(ledger.routePrivate(to: "1", now: .milliseconds(200))?.1 == .callback(ephemeral: true))
        #expect(ledger.beginDeferral("1", now: .milliseconds(1500)) == nil, "an answered interaction is not deferred")
        #expect(ledger.routePrivate(to: "1", now: .seconds(5))?.1 == .followup(ephemeral: true))
    }

    @Test func aSlowAnswerIsDeferredBeforeTheDeadlineAndEditsTheOriginal() {
        var ledger = ledger()
        #expect(ledger.deferralDue(for: "1") == .milliseconds(1500))
        #expect(ledger.beginDeferral("1", now: .milliseconds(1500))?.id == "1")
        ledger.finishDeferral("1", succeeded: true)
        #expect(ledger.routePrivate(to: "1", now: .seconds(10))?.1 == .editOriginal)
        #expect(ledger.routePrivate(to: "1", now: .seconds(11))?.1 == .followup(ephemeral: true))
    }

    @Test func aPublicAnswerInTheSameChannelAnswersPublicly() {
        var ledger = ledger()
        #expect(ledger.routePublic(in: "other", now: .milliseconds(10)) == nil)
        #expect(ledger.routePublic(in: "c", now: .milliseconds(10))?.1 == .callback(ephemeral: false))
        #expect(ledger.routePublic(in: "c", now: .milliseconds(20)) == nil, "only the first public message")
    }

    @Test func aPublicAnswerAfterADeferralPostsAndClearsTheThinkingMessage() {
        var ledger = ledger()
        _ = ledger.beginDeferral("1", now: .seconds(1))
        ledger.finishDeferral("1", succeeded: true)
        #expect(ledger.routePublic(in: "c", now: .seconds(2))?.1 == .channelMessageDeletingOriginal)
    }

    @Test func afterTheDeadlineWithoutAResponseTheAnswerGoesElsewhere() {
        var ledger = ledger()
        #expect(ledger.routePrivate(to: "1", now: .seconds(3)) == nil)
        var late = self.ledger()
        #expect(late.beginDeferral("1", now: .milliseconds(3100)) == nil)
        var failed = self.ledger()
        _ = failed.beginDeferral("1", now: .seconds(1))
        failed.finishDeferral("1", succeeded: false)
        #expect(failed.routePrivate(to: "1", now: .seconds(2)) == nil)
    }

    @Test func tokensExpireAfterFifteenMinutes() {
        var ledger = ledger()
        _ = ledger.routePrivate(to: "1", now: .seconds(1))
        #expect(ledger.routePrivate(to: "1", now: .seconds(15 * 60)) == nil)
        var pruned = self.ledger()
        pruned.prune(now: .seconds(15 * 60))
        #expect(pruned.interactions.isEmpty)
    }

    @Test func theDeferDelayStaysInsideTheDeadline() {
        #expect(InteractionLedger(deferAfter: .seconds(10)).deferAfter == .milliseconds(2500))
    }
}
