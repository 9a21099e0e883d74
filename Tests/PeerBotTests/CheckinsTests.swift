import Foundation
import Testing
@testable import PeerBot

@Suite struct CheckinsTests {
    @Test func aScoreIsRecordedAndAcknowledgedPrivately() async throws {
        let harness = try await BotHarness.standard(at: "2026-03-28T18:00:00Z")
        let answer = await harness.say("alice", "!checkin 4 slept well")
        #expect(answer.count == 1)
        #expect(answer.first?.isPrivate(to: "alice") == true)
        #expect(answer.first?.text == "Thanks for checking in — 4/5. Noted, just for you.")
        let saved = try harness.store.read { try $0.checkins(of: "console:alice", limit: nil) }
        #expect(saved.map(\.score) == [4])
        #expect(saved.map(\.note) == ["slept well"])
    }

    @Test func aOneGentlyOffersHelpAndDoesNothingElse() async throws {
        let harness = try await BotHarness.standard(at: "2026-03-28T18:00:00Z")
        let answer = await harness.say("alice", "!checkin 1")
        #expect(answer.count == 1)
        let text = try #require(answer.first?.text)
        #expect(answer.first?.isPrivate(to: "alice") == true)
        #expect(text.contains("!resources"))
        #expect(text.contains("!facilitator"))
        #expect(text.contains("Only if and when you want"))
        #expect(try harness.store.read { try $0.outboxDepth() } == 0)
        #expect(try harness.store.rawRows("SELECT COUNT(*) AS n FROM job").first?["n"] == "0")
    }

    @Test func wordsAloneAndScoreOutOfFiveAreCheckIns() async throws {
        let harness = try await BotHarness.standard(at: "2026-03-28T18:00:00Z")
        #expect(await harness.say("alice", "!checkin rough day").first?.text == "Thanks for checking in. Noted, just for you.")
        #expect(await harness.say("alice", "!checkin 5/5").first?.text?.contains("5/5") == true)
        let saved = try harness.store.read { try $0.checkins(of: "console:alice", limit: nil) }
        #expect(saved.map(\.score) == [5, nil])
    }

    @Test func aQuestionIsAnsweredByTheNextPrivateMessageWithinFifteenMinutes() async throws {
        let harness = try await BotHarness.standard(at: "2026-03-28T18:00:00Z")
        let question = await harness.say("alice", "!checkin")
        #expect(question.map(\.text) == ["How are you doing, 1–5 or a few words? Reply to me privately within 15 minutes; only you see it."])
        #expect(question.first?.isPrivate(to: "alice") == true)
        // A message in a channel and a command are not the answer.
        #expect(await harness.say("alice", "2 meh").isEmpty)
        #expect(await harness.dm("alice", "!timezone")
            .first?.text?.hasPrefix("You have no time zone saved") == true)
        _ = await harness.advance(by: 14 * 60)
        #expect(await harness.dm("alice", "2 meh").map(\.text) == [
            "Thanks for checking in — 2/5. That sounds like a hard day; go gently with yourself."
        ])
        // Answered: the next private message is just a message.
        #expect(await harness.dm("alice", "3").isEmpty)
        #expect(try harness.store.read { try $0.checkins(of: "console:alice", limit: nil) }.count == 1)
    }

    @Test func aLateAnswerIsNotTaken() async throws {
        let harness = try await BotHarness.standard(at: "2026-03-28T18:00:00Z")
        await harness.say("alice", "!checkin")
        _ = await harness.advance(by: 15 * 60 + 1)
        #expect(await harness.dm("alice", "3").isEmpty)
        #expect(try harness.store.read { try $0.checkins(of: "console:alice", limit: nil) }.isEmpty)
        #expect(try harness.store.read { try $0.setting(.checkinAwaitingUntil, of: "console:alice") } == nil)
    }

    @Test func anOutOfRangeAnswerKeepsListening() async throws {
        let harness = try await BotHarness.standard(at: "2026-03-28T18:00:00Z")
        await harness.say("alice", "!checkin")
        #expect(await harness.dm("alice", "9").map(\.text) == ["A score is 1 to 5 — or just a few words. I'm still listening."])
        #expect(await harness.dm("alice", "tired").map(\.text) == ["Thanks for checking in. Noted, just for you."])
    }

    @Test func historyShowsTheLastFourteenOldestFirstWithATrend() async throws {
        let harness = try await BotHarness.standard(at: "2026-03-28T18:00:00Z")
        #expect(await harness.say("alice", "!checkin history").first?.text?.hasPrefix("You have no check-ins yet.") == true)
        let scores = [5, 5, 1, 2, 3, 4, 5, 4, 3, 2, 1, 2, 3, 4, 5, 5]
        for (day, score) in scores.enumerated() {
            await harness.say("alice", "!checkin \(score) day \(day)")
            _ = await harness.advance(by: 86_400)
        }
        await harness.say("alice", "!checkin feeling ok")
        let history = try #require(await harness.say("alice", "!checkin history").first)
        #expect(history.isPrivate(to: "alice"))
        let lines = (history.text ?? "").split(separator: "\n").map(String.init)
        #expect(lines.first == "Your last 14 check-ins, only for you: ▃▅▇█▇▅▃▁▃▅▇██·")
        #expect(lines.count == 15)
        #expect(lines[1] == "Tue 31 Mar 18:00 — 2/5 — day 3")
        #expect(lines.last == "Mon 13 Apr 18:00 — feeling ok")
    }

    @Test func badInputGetsOneLine() async throws {
        let harness = try await BotHarness.standard(at: "2026-03-28T18:00:00Z")
        let cases: [(String, String)] = [
            ("!checkin 7", "\"7\" isn't a score I can keep: a check-in is 1 to 5"),
            ("!checkin 0 meh", "\"0\" isn't a score I can keep"),
            ("!checkin 3.5", "\"3.5\" isn't a score I can keep"),
            ("!checkin daily 25:00", "I couldn't read \"25:00\" as a time."),
            ("!checkin daily 8pm", "I couldn't read \"8pm\" as a time."),
            ("!checkin daily", "Please give a time"),
            ("!checkin daily 20:00 Mars/Base", "I don't know the time zone \"Mars/Base\"."),
            ("!timezone Mars/Base", "I don't know the time zone \"Mars/Base\"."),
            ("!timezone CET", "I don't know the time zone \"CET\"."),
            ("!timezone Europe Berlin", "Usage: !timezone ZONE|clear"),
            ("!checkin weekly funday 10:00", "I don't know the day \"funday\"."),
            ("!checkin weekly", "Which day and time?"),
            ("!checkin pause 2d", "You have no check-in schedule to pause."),
            ("!checkin pause forever", "I couldn't read \"forever\" as a duration."),
            ("!checkin pause", "For how long?"),
            ("!checkin pause 2y", "I couldn't read \"2y\" as a duration."),
            ("!checkin pause 100d", "That's longer than I can pause (90 days)."),
            ("!checkin off", "You have no check-in schedule, so there is nothing to stop."),
            ("!quiet 22:00-22:00", "I couldn't read \"22:00-22:00\" as quiet hours."),
            ("!quiet 22-7", "I couldn't read \"22-7\" as quiet hours."),
            ("!quiet 25:00-07:00", "I couldn't read \"25:00-07:00\" as quiet hours."),
            ("!checkin dayly 20:00", "Did you mean !checkin daily?"),
            ("!checkin 3 " + String(repeating: "x", count: 501), "A check-in note can be up to 500 characters; yours has 501."),
        ]
        for (input, expected) in cases {
            let answer = await harness.say("alice", input)
            #expect(answer.count == 1, "\(input)")
            #expect(answer.first?.isPrivate(to: "alice") == true, "\(input)")
            let text = answer.first?.text ?? ""
            #expect(text.hasPrefix(expected), "\(input) → \(text)")
            #expect(!text.contains("\n"), "\(input)")
        }
        #expect(try harness.store.read { try $0.checkins(of: "console:alice", limit: nil) }.isEmpty)
        #expect(try harness.store.read { try $0.checkinSchedule(of: "console:alice") } == nil)
    }

    @Test func dailyBerlinStaysAtEightPMLocalAcrossSpringForward() async throws {
        // 2026-03-29 02:00 CET → 03:00 CEST: 20:00 local is 19:00Z before, 18:00Z after.
        let harness = try await BotHarness.standard(at: "2026-03-28T12:00:00Z")
        let reply = await harness.dm("alice", "!checkin daily 20:00 Europe/Berlin")
        #expect(reply.map(\.text) == [
            "Done: I'll check in with you privately every day at 20:00 (Europe/Berlin). The first one: Sat 28 Mar 20:00. !checkin pause 2d or !checkin off stops it any time."
        ])
        let delivered = await harness.advance(by: 3 * 86_400)
        #expect(delivered.privateInstants(to: "alice") == [
            "2026-03-28T19:00:00Z", "2026-03-29T18:00:00Z", "2026-03-30T18:00:00Z",
        ])
        #expect(delivered.first?.action.text?.hasPrefix("Hi, it's your check-in time. How are you doing, 1–5 or a few words?") == true)
        #expect(try harness.pendingJobs(kind: CheckinsFeature.promptKind).map(\.key) == [
            "checkin:console:alice:2026-03-31T18:00:00Z"
        ])
    }

    @Test func dailyBerlinStaysAtEightPMLocalAcrossFallBack() async throws {
        // 2026-10-25 03:00 CEST → 02:00 CET: 20:00 local is 18:00Z before, 19:00Z after.
        let harness = try await BotHarness.standard(at: "2026-10-24T12:00:00Z")
        await harness.dm("alice", "!timezone Europe/Berlin")
        await harness.dm("alice", "!checkin daily 20:00")
        let delivered = await harness.advance(by: 3 * 86_400)
        #expect(delivered.privateInstants(to: "alice") == [
            "2026-10-24T18:00:00Z", "2026-10-25T19:00:00Z", "2026-10-26T19:00:00Z",
        ])
    }

    @Test func aTimeTheClockSkipsMovesToTheNextMinuteThatExists() async throws {
        // 02:30 does not exist in Berlin on 2026-03-29.
        let harness = try await BotHarness.standard(at: "2026-03-28T12:00:00Z")
        await harness.dm("alice", "!checkin daily 02:30 Europe/Berlin")
        let delivered = await harness.advance(by: 3 * 86_400)
        #expect(delivered.privateInstants(to: "alice") == [
            "2026-03-29T01:00:00Z", "2026-03-30T00:30:00Z", "2026-03-31T00:30:00Z",
        ])
    }

    @Test func weeklyFiresOnItsDayOnly() async throws {
        let harness = try await BotHarness.standard(at: "2026-03-28T12:00:00Z")  // a Saturday
        let reply = await harness.dm("alice", "!checkin weekly mon 08:30 America/New_York")
        #expect(reply.first?.text?.contains("every Monday at 08:30 (America/New_York). The first one: Mon 30 Mar 08:30.") == true)
        let delivered = await harness.advance(by: 14 * 86_400)
        #expect(delivered.privateInstants(to: "alice") == ["2026-03-30T12:30:00Z", "2026-04-06T12:30:00Z"])
    }

    @Test func quietHoursDeferAPromptToTheirEnd() async throws {
        let harness = try await BotHarness.standard(at: "2026-03-28T12:00:00Z")
        await harness.dm("alice", "!timezone Europe/Berlin")
        let quiet = await harness.dm("alice", "!quiet 22:00-07:00")
        #expect(quiet.map(\.text) == [
            "Saved: no check-in questions between 22:00 and 07:00 (Europe/Berlin); one that falls then waits until 07:00."
        ])
        let set = await harness.dm("alice", "!checkin daily 23:15")
        #expect(set.first?.text?.contains("The first one: Sun 29 Mar 07:00.") == true)
        let delivered = await harness.advance(by: 2 * 86_400)
        #expect(delivered.privateInstants(to: "alice") == ["2026-03-29T05:00:00Z", "2026-03-30T05:00:00Z"])
        // Without quiet hours the next one comes at 23:15 again.
        let off = await harness.dm("alice", "!quiet off")
        #expect(off.map(\.text) == ["Done: no quiet hours. Your next check-in: Mon 30 Mar 23:15."])
    }

    @Test func pauseSkipsTwoDaysAndResumeBringsThemBack() async throws {
        let harness = try await BotHarness.standard(at: "2026-04-01T12:00:00Z")
        await harness.dm("alice", "!checkin daily 20:00 UTC")
        let paused = await harness.dm("alice", "!checkin pause 2d")
        #expect(paused.map(\.text) == [
            "Paused: no check-in questions until Fri 3 Apr 12:00. The next one after that: Fri 3 Apr 20:00. !checkin resume brings them back sooner."
        ])
        let delivered = await harness.advance(by: 3 * 86_400)
        #expect(delivered.privateInstants(to: "alice") == ["2026-04-03T20:00:00Z"])
        await harness.dm("alice", "!checkin pause 1w")
        let resumed = await harness.dm("alice", "!checkin resume")
        #expect(resumed.map(\.text) == ["Resumed: the next check-in is Sat 4 Apr 20:00."])
    }

    @Test func offStopsThePromptsAndOnAgainTheSameDayWorks() async throws {
        let harness = try await BotHarness.standard(at: "2026-04-01T12:00:00Z")
        await harness.dm("alice", "!checkin daily 20:00")
        let off = await harness.dm("alice", "!checkin off")
        #expect(off.map(\.text) == ["Done: no more scheduled check-ins. You can still check in any time with !checkin."])
        #expect(try harness.pendingJobs(kind: CheckinsFeature.promptKind).isEmpty)
        #expect(await harness.advance(by: 86_400).isEmpty)
        // The cancelled occurrence of 2026-04-02 20:00 comes back when the schedule does.
        await harness.dm("alice", "!checkin daily 20:00")
        #expect(await harness.advance(by: 86_400).privateInstants(to: "alice") == ["2026-04-02T20:00:00Z"])
    }

    @Test func statusNamesTheRhythmAndTheNextQuestion() async throws {
        let harness = try await BotHarness.standard(at: "2026-04-01T12:00:00Z")
        await harness.dm("alice", "!checkin daily 20:00")
        await harness.dm("alice", "!quiet 21:00-06:00")
        #expect(await harness.dm("alice", "!checkin status").map(\.text) == [
            "Your check-ins: every day at 20:00 (UTC). Next: Wed 1 Apr 20:00. Quiet hours: 21:00-06:00."
        ])
    }

    @Test func anOccurrenceMissedBeyondGraceIsSkippedAndTheScheduleGoesOn() async throws {
        let harness = try await BotHarness.standard(at: "2026-04-01T12:00:00Z")
        await harness.dm("alice", "!checkin daily 20:00")
        // The bot is "down" for two days: the clock jumps without running anything.
        harness.adapter.clear()
        harness.clock.advance(by: 2 * 86_400)
        await harness.bot.runDueJobs()
        await harness.dispatcher.drain()
        #expect(!harness.adapter.performed.contains { $0.isPrivate(to: "alice") })
        #expect(try harness.pendingJobs(kind: CheckinsFeature.promptKind).map(\.key) == [
            "checkin:console:alice:2026-04-03T20:00:00Z"
        ])
        let states = try harness.store.rawRows("SELECT state FROM job WHERE kind = 'checkin.prompt' ORDER BY due_at")
        #expect(states.map { $0["state"] } == ["skipped", "pending"])
    }

    @Test func anOccurrenceMissedWithinGraceRunsOnceAtStart() async throws {
        let harness = try await BotHarness.standard(at: "2026-04-01T12:00:00Z")
        await harness.dm("alice", "!checkin daily 20:00")
        harness.adapter.clear()
        harness.clock.set(try BotHarness.instant("2026-04-01T20:30:00Z"))
        #expect(await harness.bot.runDueJobs() == 1)
        #expect(await harness.bot.runDueJobs() == 0)
        await harness.dispatcher.drain()
        #expect(harness.adapter.performed.filter { $0.isPrivate(to: "alice") }.count == 1)
    }

    @Test func dataIsDescribedAndForgotten() async throws {
        let harness = try await BotHarness.standard(at: "2026-04-01T12:00:00Z")
        await harness.dm("alice", "!checkin daily 20:00 Europe/Berlin")
        await harness.dm("alice", "!quiet 22:00-07:00")
        await harness.dm("alice", "!checkin 3 ok")
        await harness.dm("alice", "!checkin")
        await harness.dm("bob", "!checkin 2")
        let feature = CheckinsFeature(settings: CheckinSettings())
        let alice = BotHarness.member("alice")
        let now = harness.clock.now
        let described = try harness.store.read { transaction in
            try feature.describeData(of: alice, context: BotContext(store: transaction, now: now, configuration: BotConfiguration()))
        }
        #expect(described == [
            "Check-ins (1), oldest first:",
            "  2026-04-01T12:00:00Z — 3/5 — ok",
            "Check-in schedule: every day at 20:00",
            "Next check-in question: 2026-04-01T18:00:00Z",
            "Time zone: Europe/Berlin",
            "Quiet hours: 22:00-07:00",
            "Waiting for your answer to a check-in question until 2026-04-01T12:15:00Z",
        ])
        try harness.store.write { transaction in
            try feature.forget(alice, context: BotContext(store: transaction, now: now, configuration: BotConfiguration()))
        }
        let after = try harness.store.read { transaction in
            try feature.describeData(of: alice, context: BotContext(store: transaction, now: now, configuration: BotConfiguration()))
        }
        #expect(after.isEmpty)
        #expect(try harness.store.read { try $0.pendingJobs(memberKey: "console:alice") }.isEmpty)
        #expect(try harness.store.read { try $0.checkins(of: "console:bob", limit: nil) }.count == 1)
        #expect(await harness.advance(by: 86_400).isEmpty)
    }
}
