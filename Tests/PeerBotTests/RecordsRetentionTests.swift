import Foundation
import Testing
@testable import PeerBot

/// `retention.records_days`: bookkeeping that served its purpose goes with the daily sweep.
@Suite struct RecordsRetentionTests {
    static func count(_ table: String, _ condition: String = "1", in store: SQLiteStore) throws -> Int {
        Int(try store.rawRows("SELECT COUNT(*) AS n FROM \(table) WHERE \(condition)").first?["n"] ?? "") ?? -1
    }

    @Test func finishedJobsDeliveredEntriesAndReminderTimesExpire() async throws {
        let harness = try await BotHarness.standard(at: "2026-04-01T12:00:00Z") { configuration in
            configuration.retention.recordsDays = 30
            configuration.agreements.contentWarnings.topics = [("self-harm", ["cutting myself"])]
        }
        await harness.bot.prepare()
        await harness.say("bob", "I hurt myself again, cutting myself")  // a content-warning reminder
        await harness.say("carol", "honestly I want to die")  // a crisis-line offer
        await harness.say("dana", "!boundary set listening only")
        await harness.say("dana", "!boundary remind on")
        await harness.post("erin", "@dana try yoga", mentioning: ["dana"])  // erin is shown dana's boundary
        await harness.dm("fay", "!checkin")  // a question whose answer window closes unanswered
        let store = harness.store
        #expect(try Self.count("topic_reminder", in: store) == 1)
        #expect(try Self.count("boundary_reminder", in: store) == 1)
        #expect(try Self.count("member_setting", "name = 'crisis_offer_at'", in: store) == 1)
        #expect(try Self.count("member_setting", "name = 'checkin_awaiting_until'", in: store) == 1)
        let delivered = try Self.count("outbox", "state = 'delivered'", in: store)
        #expect(delivered > 0)

        _ = await harness.advance(by: 29 * 86_400)
        #expect(try Self.count("topic_reminder", in: store) == 1)
        #expect(try Self.count("member_setting", "name = 'checkin_awaiting_until'", in: store) == 0)
        #expect(try Self.count("outbox", "state = 'delivered'", in: store) >= delivered)
        #expect(try Self.count("job", "state = 'done'", in: store) >= 29)  // the daily sweeps

        _ = await harness.advance(by: 2 * 86_400)  // 31 days after
        #expect(try Self.count("topic_reminder", in: store) == 0)
        #expect(try Self.count("boundary_reminder", in: store) == 0)
        #expect(try Self.count("member_setting", "name = 'crisis_offer_at'", in: store) == 0)
        #expect(try Self.count("outbox", "state = 'delivered'", in: store) == 0)
        #expect(try Self.count("job", "state != 'pending' AND due_at < \(harness.clock.now.timeIntervalSince1970 - 30 * 86_400)", in: store) == 0)
        #expect(try Self.count("job", "state = 'done'", in: store) >= 29)  // the last 30 days' sweeps stay
        // What members chose to keep stays: dana's boundary.
        #expect(try store.read { try $0.boundary(of: "console:dana") }?.text == "listening only")
    }

    @Test func aCooldownLongerThanTheRetentionIsHonoured() async throws {
        let harness = try await BotHarness.standard(at: "2026-04-01T12:00:00Z") { configuration in
            configuration.retention.recordsDays = 1
            configuration.crisis.cooldown = 10 * 86_400
        }
        await harness.bot.prepare()
        await harness.say("carol", "honestly I want to die")
        _ = await harness.advance(by: 5 * 86_400)
        #expect(try Self.count("member_setting", "name = 'crisis_offer_at'", in: harness.store) == 1)
        #expect(await harness.say("carol", "I want to die").isEmpty)  // still in the cooldown
        _ = await harness.advance(by: 6 * 86_400)
        #expect(try Self.count("member_setting", "name = 'crisis_offer_at'", in: harness.store) == 0)
    }
}
