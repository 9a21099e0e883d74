import Foundation
import Testing
@testable import PeerBot

/// The escalation ladder driven through the `Bot` on a real SQLite file with a virtual clock.
@Suite struct EscalationTests {
    @Test func theTicketAndItsPageAreStoredBeforeTheMemberIsTold() async throws {
        let harness = try await BotHarness.standard()
        let actions = await harness.say("alice", "!facilitator rough night")
        #expect(actions.count == 2)
        #expect(actions[0].isPage(in: "facilitators"))
        #expect(actions[0].mentionedIDs == ["sam", "riley"])
        #expect(actions[0].text?.contains("Ticket #1: alice asked for a facilitator.") == true)
        #expect(actions[0].text?.contains("note: \"rough night\"") == true)
        #expect(actions[1].isPrivate(to: "alice"))
        let confirmation = try #require(actions[1].text)
        #expect(confirmation.hasPrefix("I've paged the facilitators (request #1). No one has seen it yet — I'll tell you when someone does."))
        #expect(confirmation.contains("Find A Helpline"))
        #expect(confirmation.contains("!cancel"))
        #expect(!actions.contains { $0.isPublic })

        // The page precedes the confirmation in the outbox (same transaction, urgent lane, lower id).
        let rows = try harness.store.rawRows("SELECT id, lane, tag FROM outbox ORDER BY id")
        #expect(rows.map { $0["tag"] } == ["ticket:1:tier:1", nil])
        #expect(rows.allSatisfy { $0["lane"] == "0" })
        let jobs = try harness.store.rawRows("SELECT key, state, missed_policy FROM job")
        #expect(jobs.map { $0["key"] } == ["ticket:1:tier:2"])
        #expect(jobs.first?["missed_policy"] == "1")
        let audit = try harness.store.read { try $0.auditEvents(ticket: 1) }.map(\.kind)
        #expect(audit == [.opened, .paged])
    }

    @Test func unacknowledgedPagesClimbTheLadderAndThenTheMemberIsToldTheTruth() async throws {
        let harness = try await BotHarness.standard()
        await harness.say("alice", "!facilitator")
        let quiet = await harness.advance(4 * 60)
        #expect(quiet.isEmpty)
        let second = await harness.advance(2 * 60)
        #expect(second.count == 1)
        #expect(second[0].text?.hasPrefix("Ticket #1 still has no answer after 5m — tier 2 of 3.") == true)
        #expect(second[0].mentionedIDs == ["sam", "riley"])
        let third = await harness.advance(5 * 60)
        #expect(third.first?.text?.contains("tier 3 of 3") == true)
        #expect(third.first?.mentionedIDs == ["ada"])
        let last = await harness.advance(5 * 60)
        #expect(last.count == 2)
        #expect(last[0].text?.contains("has had no answer after 15m and all 3 tiers") == true)
        #expect(last[1].isPrivate(to: "alice"))
        #expect(last[1].text?.hasPrefix("I'm sorry — no facilitator has answered your request #1 yet.") == true)
        #expect(last[1].text?.contains("Find A Helpline") == true)
        // Nothing more: the ticket waits at the top of !tickets.
        #expect(await harness.advance(3600).isEmpty)
        let list = await harness.facilitator("sam", "!tickets")
        #expect(list.first?.text?.contains("#1 · NO ANSWER after all 3 tiers · waiting 1h 16m") == true, "\(list)")
        #expect(try harness.ticket(1)?.state == .open)
        #expect(try harness.ticket(1)?.unanswered == true)
    }

    @Test func anAcknowledgementStopsTheLadderAtOnce() async throws {
        let harness = try await BotHarness.standard()
        await harness.say("alice", "!facilitator")
        await harness.advance(6 * 60)
        let ack = await harness.facilitator("sam", "!ack 1")
        #expect(ack.count == 2)
        #expect(ack[0].text == "Ticket #1: sam has it (acknowledged after 6m). Paging stopped.")
        #expect(ack[1].isPrivate(to: "alice"))
        #expect(ack[1].text?.hasPrefix("sam, a facilitator, has seen your request #1") == true)
        #expect(await harness.advance(24 * 3600).isEmpty)
        #expect(try harness.outboxCount(tag: "ticket:1:tier:3") == 0)
        let states = try harness.store.rawRows("SELECT key, state FROM job WHERE key LIKE 'ticket:%' ORDER BY id")
        #expect(states.map { $0["state"] } == ["done", "cancelled"])
        // A second acknowledgement changes nothing.
        #expect(await harness.facilitator("riley", "!ack 1").first?.text == "Ticket #1 is already with sam. To take it over: !handoff 1 riley")
        #expect(await harness.facilitator("sam", "!ack 1").first?.text == "You already have ticket #1.")
    }

    @Test func aCheckMarkReactionOnThePageAcknowledges() async throws {
        let harness = try await BotHarness.standard()
        await harness.say("alice", "!facilitator")
        let page = try harness.store.rawRows("SELECT message_id FROM outbox WHERE tag = 'ticket:1:tier:1'")
        let messageID = try #require(page.first?["message_id"])
        // A member's ✅ does nothing.
        #expect(await harness.react("bob", role: .member, to: messageID).isEmpty)
        #expect(try harness.ticket(1)?.state == .open)
        // Another emoji does nothing.
        #expect(await harness.react("sam", role: .facilitator, to: messageID, emoji: "👍").isEmpty)
        let acked = await harness.react("sam", role: .facilitator, to: messageID)
        #expect(acked.first?.text == "Ticket #1: sam has it (acknowledged after 0s). Paging stopped.")
        #expect(acked.last?.isPrivate(to: "alice") == true)
        #expect(try harness.ticket(1)?.assigneeKey == "console:sam")
        #expect(await harness.advance(3600).isEmpty)
        // riley reacting later is told privately who has it.
        let late = await harness.react("riley", role: .facilitator, to: messageID)
        #expect(late.map(\.text) == ["Ticket #1 is already with sam. To take it over: !handoff 1 riley"])
        #expect(late.first?.isPrivate(to: "riley") == true)
    }

    @Test func noTierIsEverPagedTwice() async throws {
        let harness = try await BotHarness.standard()
        await harness.say("alice", "!facilitator")
        await harness.advance(6 * 60)
        #expect(try harness.outboxCount(tag: "ticket:1:tier:2") == 1)
        // The same tier scheduled again under another key (a retry, a restart, a bug) does not page.
        try harness.store.write { transaction in
            try transaction.schedule(
                Job(
                    kind: EscalationFeature.repageJobKind, key: "duplicate", dueAt: harness.clock.now,
                    payload: "{\"ticket\":1,\"tier\":2}", missedPolicy: .always))
            // Re-scheduling the next tier's own key is a no-op: keys are unique.
            let stored = try transaction.schedule(
                Job(kind: EscalationFeature.repageJobKind, key: "ticket:1:tier:3", dueAt: harness.clock.now, missedPolicy: .always))
            #expect(!stored)
        }
        await harness.advance(1)
        #expect(try harness.outboxCount(tag: "ticket:1:tier:2") == 1)
        await harness.advance(3600)
        #expect(try harness.outboxCount(tag: "ticket:1:tier:3") == 1)
        #expect(try harness.outboxCount(tag: "ticket:1:unanswered") == 1)
    }

    @Test func aPageThatFailsToDeliverIsRetriedAndTheLadderStillClimbs() async throws {
        let harness = try await BotHarness.standard()
        harness.adapter.failNext([.transient("gateway down", retryAfter: 90)])
        let first = await harness.say("alice", "!facilitator")
        // The page is waiting for a retry; the member's confirmation went out.
        #expect(first.count == 1 && first[0].isPrivate(to: "alice"))
        let retried = await harness.advance(91)
        #expect(retried.first?.text?.contains("Ticket #1: alice asked for a facilitator.") == true)
        #expect(await harness.advance(5 * 60).first?.text?.contains("tier 2 of 3") == true)
    }

    @Test func relaysFlowBothWaysAndKeepNoText() async throws {
        let harness = try await BotHarness.standard()
        await harness.say("alice", "!facilitator")
        // Before anyone acknowledged, alice's private words go to the facilitators and she is told no one has answered.
        let early = await harness.say("alice", "still here", channel: BotHarness.direct("alice"))
        #expect(early.map(\.text) == [
            "Ticket #1 · alice: still here",
            "Passed on to the facilitators with your request #1. No one has answered yet — I'll tell you when someone does.",
        ])
        let reply = await harness.facilitator("sam", "!reply 1 Hi alice, I'm here.")
        // Replying acknowledges first: a person has seen it.
        #expect(reply.map(\.text).contains("sam (facilitator): Hi alice, I'm here."))
        #expect(reply.contains { $0.text?.hasPrefix("sam, a facilitator, has seen your request #1") == true })
        #expect(reply.last?.text == "Sent privately to alice (ticket #1).")
        let later = await harness.say("alice", "thank you", channel: BotHarness.direct("alice"))
        #expect(later.count == 1)
        #expect(later[0].text == "Ticket #1 · alice: thank you")
        #expect(later[0].mentionedIDs == ["sam"])
        // Delivered text is gone from the outbox; the audit only says a relay happened.
        let actions = try harness.store.rawRows("SELECT action FROM outbox WHERE state = 'delivered'").compactMap { $0["action"] }
        #expect(actions.allSatisfy { $0 == "{}" })
        let relays = try harness.store.read { try $0.auditEvents(ticket: 1) }.filter { $0.kind == .relayed }
        #expect(relays.map(\.detail) == ["to the facilitators", "to the member", "to the facilitators"])
        // Messages in public channels are not relayed; a closed ticket relays nothing.
        #expect(await harness.say("alice", "hello all").isEmpty)
        await harness.facilitator("sam", "!resolve 1")
        #expect(await harness.say("alice", "one more thing", channel: BotHarness.direct("alice")).isEmpty)
    }

    @Test func anAnonymousTicketStaysAnonymousBothWays() async throws {
        let harness = try await BotHarness.standard()
        let opened = await harness.say("alice", "!facilitator anon can't sleep", channel: BotHarness.direct("alice"))
        #expect(opened[0].text?.contains("alice") == false)
        #expect(opened[0].text?.contains("a member (anonymous)") == true)
        #expect(opened[1].text?.contains("Not your name.") == true)
        let relayed = await harness.say("alice", "hi", channel: BotHarness.direct("alice"))
        #expect(relayed.first?.text == "Ticket #1 · anonymous: hi")
        let reply = await harness.facilitator("sam", "!reply 1 I'm here")
        #expect(reply.last?.text == "Sent privately to the member of ticket #1.")
        #expect(!reply.contains { $0.text?.contains("alice") == true && !$0.isPrivate(to: "alice") })
        let list = await harness.facilitator("sam", "!tickets")
        #expect(list.first?.text?.contains("alice") == false)
        let audit = try harness.store.read { try $0.auditEvents(ticket: 1) }
        #expect(!audit.contains { $0.actorKey == "console:alice" || $0.actorHandle == "alice" })
        // Once closed, the ticket no longer holds who asked.
        await harness.facilitator("sam", "!resolve 1")
        #expect(try harness.ticket(1)?.memberKey == "anonymous")
    }

    @Test func membersAreRefusedEveryFacilitatorCommand() async throws {
        let harness = try await BotHarness.standard()
        await harness.say("alice", "!facilitator")
        for command in ["ack 1", "handoff 1 sam", "resolve 1", "tickets", "reply 1 hi", "oncall"] {
            let name = String(command.prefix(while: { $0 != " " }))
            let answer = await harness.say("bob", "!" + command)
            #expect(answer.map(\.text) == ["Sorry, !\(name) is only for facilitators. Nothing was changed."])
        }
        #expect(try harness.ticket(1)?.state == .open)
    }

    @Test func badInputGetsOneLineAnswers() async throws {
        let harness = try await BotHarness.standard()
        #expect(await harness.facilitator("sam", "!ack").first?.text == "Usage: !ack N — the ticket number, e.g. !ack 1")
        #expect(await harness.facilitator("sam", "!ack one").first?.text == "Usage: !ack N — the ticket number, e.g. !ack 1")
        #expect(await harness.facilitator("sam", "!ack 99").first?.text == "There is no ticket #99. !tickets lists the open ones.")
        #expect(await harness.facilitator("sam", "!reply 1").first?.text?.hasPrefix("Usage: !reply N TEXT") == true)
        #expect(await harness.facilitator("sam", "!reply 5 hi").first?.text?.hasPrefix("There is no open ticket #5") == true)
        #expect(await harness.facilitator("sam", "!resolve").first?.text?.hasPrefix("Usage: !resolve N [NOTE]") == true)
        #expect(await harness.facilitator("sam", "!tickets").first?.text == "No open tickets.")
        #expect(await harness.say("alice", "!cancel").first?.text?.hasPrefix("You have no open request for a facilitator.") == true)
        await harness.say("alice", "!facilitator")
        #expect(await harness.facilitator("sam", "!handoff 1 nobody").first?.text == "I don't know nobody as a facilitator. Facilitators: ada, riley, sam.")
        #expect(await harness.say("alice", "!cancel 7").first?.text == "Your open request is #1. To withdraw it: !cancel")
        #expect(try harness.ticket(1)?.state == .open)
    }

    @Test func askingAgainRepeatsTheStateAndPassesTheNoteOn() async throws {
        let harness = try await BotHarness.standard()
        await harness.say("alice", "!facilitator")
        let again = await harness.say("alice", "!human please hurry")
        #expect(again.map(\.text) == [
            "Ticket #1 · alice: please hurry",
            "Your request #1 is still open. No one has answered yet, and I page again every 5m. Anything you send me privately goes to the facilitators. To withdraw it: !cancel",
        ])
        #expect(try harness.store.read { try $0.activeTickets() }.count == 1)
    }

    @Test func handoffResolveAndCancel() async throws {
        let harness = try await BotHarness.standard()
        await harness.say("alice", "!facilitator")
        let handed = await harness.facilitator("sam", "!handoff 1 @riley")
        #expect(handed.contains { $0.text == "Ticket #1: sam has it (acknowledged after 0s). Paging stopped." })
        #expect(handed.contains { $0.text?.hasPrefix("Ticket #1 handed from sam to riley.") == true && $0.mentionedIDs == ["riley"] })
        #expect(handed.last?.text == "Your request #1 is now with riley, another facilitator. Write to me here as before.")
        let resolved = await harness.facilitator("riley", "!resolve 1 talked it through")
        #expect(resolved[0].text == "Ticket #1 resolved by riley. Note: talked it through")
        #expect(resolved[1].isPrivate(to: "alice"))
        #expect(try harness.ticket(1)?.note == nil)
        #expect(await harness.facilitator("sam", "!resolve 1").first?.text?.hasPrefix("There is no open ticket #1") == true)

        await harness.say("bob", "!facilitator my note")
        let withdrawn = await harness.say("bob", "!withdraw")
        #expect(withdrawn[0].text == "Ticket #2 was withdrawn by the member. Paging stopped.")
        #expect(withdrawn[1].text?.hasPrefix("Withdrawn: request #2 is closed") == true)
        #expect(await harness.advance(3600).isEmpty)
        let kinds = try harness.store.read { try $0.auditEvents(ticket: nil) }.map(\.kind.rawValue)
        #expect(kinds == [
            "opened", "paged", "acknowledged", "handed-off", "resolved", "opened", "paged", "cancelled",
        ])
    }

    @Test func ticketsListsUnansweredFirstThenWaitingThenAcknowledged() async throws {
        let harness = try await BotHarness.standard()
        await harness.say("alice", "!facilitator")
        await harness.advance(60)
        await harness.say("bob", "!facilitator")
        await harness.facilitator("sam", "!ack 1")
        await harness.advance(60)
        await harness.say("carol", "!facilitator")
        await harness.advance(20 * 60)  // bob's and carol's tickets run out of tiers
        await harness.say("dana", "!facilitator")
        let list = try #require(await harness.facilitator("riley", "!tickets").first?.text)
        let lines = list.split(separator: "\n").map(String.init)
        #expect(lines[0] == "Open tickets (4), most urgent first:")
        #expect(lines[1].hasPrefix("#2 · NO ANSWER"))
        #expect(lines[2].hasPrefix("#3 · NO ANSWER"))
        #expect(lines[3].hasPrefix("#4 · waiting 0s · paged tier 1 of 3 · dana"))
        #expect(lines[4].hasPrefix("#1 · with sam"))
    }

    @Test func tierOneMentionsWhoeverIsOnDuty() async throws {
        let harness = try await BotHarness.standard()
        await harness.facilitator("riley", "!oncall on 1h")
        let page = await harness.say("alice", "!facilitator")
        #expect(page[0].mentionedIDs == ["riley"])
        #expect(page[1].text?.hasPrefix("I've paged the facilitators on duty (request #1).") == true)
        // Tier 2 is everyone.
        #expect(await harness.advance(5 * 60).first?.mentionedIDs == ["sam", "riley"])
    }

    @Test func namesArePromisedOnlyWhenConfigured() async throws {
        let harness = try await BotHarness.standard(configure: { $0.escalation.showPagedNames = true })
        let page = await harness.say("alice", "!facilitator")
        #expect(page[1].text?.hasPrefix("I've paged sam and riley (request #1).") == true)
    }

    @Test func tiersCanPageAnotherPlatform() async throws {
        let harness = try await BotHarness.standard(configure: { configuration in
            configuration.escalation.tiers = [
                EscalationTier(mention: .all),
                EscalationTier(
                    mention: .none, destination: EscalationDestination(parsing: "matrix:!backup:example.org"),
                    members: ["matrix:@ada:example.org"]),
            ]
        })
        await harness.say("alice", "!facilitator")
        await harness.advance(5 * 60)
        // No matrix adapter runs in this harness: the page waits in the outbox, addressed to the matrix room.
        let rows = try harness.store.rawRows("SELECT platform, state, action FROM outbox WHERE tag = 'ticket:1:tier:2'")
        #expect(rows.first?["platform"] == "matrix")
        #expect(rows.first?["state"] == "pending")
        #expect(rows.first?["action"]?.contains("!backup:example.org") == true)
        #expect(rows.first?["action"]?.contains("@ada:example.org") == true)
        #expect(try harness.ticket(1)?.destination == "matrix:!backup:example.org")
    }
}
