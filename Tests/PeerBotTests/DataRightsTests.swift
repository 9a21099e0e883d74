import Foundation
import Testing
@testable import PeerBot

@Suite struct DataRightsTests {
    @Test func mydataListsEverythingPrivately() async throws {
        let harness = try await BotHarness.standard()
        #expect(await harness.say("alice", "!mydata").first?.text?.hasPrefix("I keep nothing about you (console:alice).") == true)
        await harness.say("alice", "!region GB")
        await harness.say("alice", "!crisisscan off")
        await harness.say("alice", "!facilitator rough night")
        let answer = await harness.say("alice", "!mydata")
        #expect(answer.count == 1)
        #expect(answer[0].isPrivate(to: "alice"))
        let text = try #require(answer[0].text)
        #expect(text.contains("• Region for help lines: GB"))
        #expect(text.contains("• Crisis-language offers: off (you opted out)"))
        #expect(text.contains("• Request for a facilitator #1: opened 2026-09-21 14:13 UTC, open; your note: \"rough night\"."))
        #expect(text.contains("To delete all of this: !forgetme"))
        // A facilitator sees what they hold too.
        await harness.facilitator("sam", "!oncall on 1h")
        await harness.facilitator("sam", "!ack 1")
        let facilitator = await harness.facilitator("sam", "!mydata").first?.text ?? ""
        #expect(facilitator.contains("As facilitator: ticket #1 (open)."))
        #expect(facilitator.contains("On duty (you chose with !oncall on) until"))
    }

    @Test func forgetmeAsksFirstThenLeavesNoRowNamingTheMember() async throws {
        let harness = try await BotHarness.standard()
        await harness.say("alice", "!region GB")
        await harness.say("alice", "I want to kill myself")
        await harness.say("alice", "!facilitator rough night")
        await harness.facilitator("sam", "!reply 1 I'm here")
        await harness.say("alice", "thanks", channel: BotHarness.direct("alice"))
        await harness.facilitator("sam", "!resolve 1")
        await harness.say("alice", "!facilitator anon again")
        _ = try harness.store.write { transaction in
            try transaction.schedule(Job(kind: "checkin.prompt", key: "checkin:console:alice:1", memberKey: "console:alice", dueAt: harness.clock.now.addingTimeInterval(3600)))
        }

        let ask = await harness.say("alice", "!forgetme")
        #expect(ask.first?.text?.contains("Your open request #2 will be withdrawn.") == true)
        #expect(ask.first?.text?.hasSuffix("To go ahead: !forgetme confirm") == true)
        #expect(try harness.store.read { try $0.settings(of: "console:alice") }.isEmpty == false)

        let done = await harness.say("alice", "!forgetme confirm")
        #expect(done.contains { $0.text == "Ticket #2 was withdrawn: the member asked me to delete their data. Paging stopped." })
        #expect(done.last?.text?.hasPrefix("Done. I've deleted everything I kept about you") == true)

        let offenders = try Self.rowsNaming("alice", in: harness.store)
        #expect(offenders.isEmpty, "\(offenders)")
        // The audit keeps the events, under one pseudonym.
        let events = try harness.store.read { try $0.auditEvents(ticket: 1) }
        #expect(events.map(\.kind) == [.opened, .paged, .acknowledged, .relayed, .relayed, .resolved])
        let pseudonyms = Set(events.compactMap(\.actorKey).filter { $0.hasPrefix(Pseudonym.prefix) })
        #expect(pseudonyms.count == 1)
        #expect(try harness.ticket(1)?.memberKey == pseudonyms.first)
        #expect(await harness.say("alice", "!mydata").first?.text?.hasPrefix("I keep nothing about you") == true)
        #expect(await harness.advance(3600).isEmpty)
    }

    @Test func forgettingAFacilitatorKeepsTheirTicketsWorkable() async throws {
        let harness = try await BotHarness.standard()
        await harness.say("alice", "!facilitator")
        await harness.facilitator("sam", "!ack 1")
        let done = await harness.facilitator("sam", "!forgetme confirm")
        #expect(done.first?.text == "Ticket #1's facilitator asked me to delete their data. Someone please take it over: !handoff 1 NAME")
        #expect(try Self.rowsNaming("sam", in: harness.store).isEmpty)
        let handed = await harness.facilitator("riley", "!handoff 1 riley")
        #expect(handed.contains { $0.text?.hasPrefix("Ticket #1 handed from forgotten-") == true })
    }

    @Test func forgetmeRejectsOtherWords() async throws {
        let harness = try await BotHarness.standard()
        let answer = await harness.say("alice", "!forgetme now")
        #expect(answer.first?.text?.hasPrefix("Usage: !forgetme [confirm]") == true)
    }

    @Test func retentionDeletesOldClosedTicketsAndCallsEveryPurger() async throws {
        let calls = RunCounter()
        let harness = try await BotHarness(
            configure: { $0.retention.ticketsDays = 30 },
            features: { configuration in
                let escalation = EscalationFeature(configuration: configuration, directory: try Fixtures.resourceDirectory())
                let checkins = FakeCheckins(calls: calls)
                return [escalation, checkins, RetentionFeature(features: [escalation, checkins])]
            })
        await harness.bot.prepare()
        #expect(calls.count == 0)
        await harness.say("alice", "!facilitator")
        await harness.facilitator("sam", "!resolve 1")
        await harness.say("bob", "!facilitator")  // stays open: never purged
        await harness.advance(1)
        #expect(calls.count == 1)  // today's sweep
        await harness.advance(29 * 86_400)
        #expect(try harness.ticket(1) != nil)
        await harness.advance(2 * 86_400)
        #expect(try harness.ticket(1) == nil)
        #expect(try harness.store.read { try $0.auditEvents(ticket: 1) }.isEmpty)
        #expect(try harness.ticket(2)?.state == .open)
        #expect(calls.count == 32)
        // A second start on the same day schedules no second sweep.
        await harness.bot.prepare()
        await harness.advance(1)
        #expect(calls.count == 32)
    }

    /// Every (table, column) whose value contains `name`.
    static func rowsNaming(_ name: String, in store: SQLiteStore) throws -> [String] {
        let tables = try store.rawRows("SELECT name FROM sqlite_master WHERE type = 'table'").compactMap { $0["name"] }
        var found: [String] = []
        for table in tables {
            for row in try store.rawRows("SELECT * FROM \"\(table)\"") {
                for (column, value) in row where value.localizedCaseInsensitiveContains(name) {
                    found.append("\(table).\(column) = \(value)")
                }
            }
        }
        return found
    }
}

/// Stands in for the check-ins feature's retention hook.
struct FakeCheckins: RetentionPurging {
    let calls: RunCounter
    func purgeExpired(retention: RetentionSettings, context: BotContext) throws -> Int {
        #expect(retention.checkinsDays == 90)
        calls.increment()
        return 0
    }
}

@Suite struct CheckinRetentionTests {
    @Test func checkinsOlderThanTheRetentionAreDeletedByTheDailySweep() async throws {
        let harness = try await BotHarness.standard(at: "2026-04-01T12:00:00Z") { $0.retention.checkinsDays = 10 }
        await harness.bot.prepare()
        await harness.dm("alice", "!checkin 3 first")
        _ = await harness.advance(by: 5 * 86_400)
        await harness.dm("alice", "!checkin 4 second")
        let count = { try harness.store.read { try $0.checkins(of: "console:alice", limit: nil) }.count }
        #expect(try count() == 2)
        _ = await harness.advance(by: 6 * 86_400)  // the first is now 11 days old
        #expect(try harness.store.read { try $0.checkins(of: "console:alice", limit: nil) }.map(\.note) == ["second"])
        _ = await harness.advance(by: 5 * 86_400)
        #expect(try count() == 0)
    }
}
