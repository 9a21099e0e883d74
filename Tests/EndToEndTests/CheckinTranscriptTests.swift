import Foundation
import PeerBot
import Testing

/// Check-ins through the real `peerbot console --virtual-clock`.
@Suite struct CheckinTranscriptTests {
    static let prompt =
        "[dm:alice] Hi, it's your check-in time. How are you doing, 1–5 or a few words? Just reply here; only you see it. (!checkin pause 2d or !checkin off whenever you like.)"

    /// 20:00 Europe/Berlin is 19:00Z before 2026-03-29 and 18:00Z after. `!checkin status`
    /// lines mark where the transcript is, so each prompt is seen at its exact minute.
    @Test func dailyBerlinAcrossDaylightSavingWithQuietHoursPauseAndOff() async throws {
        let peer = PeerBotProcess()
        let result = try await peer.console(
            """
            alice@dm: !checkin daily 20:00 Europe/Berlin
            :advance 59m
            alice@dm: !checkin status
            :advance 1m
            alice@dm: 4 good day
            :advance 22h59m
            alice@dm: !checkin status
            :advance 1m
            alice@dm: 3
            alice@dm: !quiet 19:30-21:00
            :advance 1d59m
            alice@dm: !checkin status
            :advance 1m
            alice@dm: !quiet off
            alice@dm: !checkin pause 2d
            :advance 2d22h59m
            alice@dm: !checkin status
            :advance 1m
            alice@dm: !checkin off
            :advance 7d
            alice@dm: !checkin history
            """, config: try peer.writeConfig(), virtualClock: "2026-03-28T18:00:00Z")
        #expect(result.status == 0)
        #expect(result.lines == [
            "[dm:alice] Done: I'll check in with you privately every day at 20:00 (Europe/Berlin). The first one: Sat 28 Mar 20:00. !checkin pause 2d or !checkin off stops it any time.",
            "[dm:alice] Your check-ins: every day at 20:00 (Europe/Berlin). Next: Sat 28 Mar 20:00.",
            Self.prompt,  // 2026-03-28T19:00:00Z, 20:00 CET
            "[dm:alice] Thanks for checking in — 4/5. Noted, just for you.",
            "[dm:alice] Your check-ins: every day at 20:00 (Europe/Berlin). Next: Sun 29 Mar 20:00.",
            Self.prompt,  // 2026-03-29T18:00:00Z, 20:00 CEST
            "[dm:alice] Thanks for checking in — 3/5. Noted, just for you.",
            "[dm:alice] Saved: no check-in questions between 19:30 and 21:00 (Europe/Berlin); one that falls then waits until 21:00. Your next check-in: Mon 30 Mar 21:00.",
            "[dm:alice] Your check-ins: every day at 20:00 (Europe/Berlin). Next: Mon 30 Mar 21:00. Quiet hours: 19:30-21:00.",
            Self.prompt,  // 2026-03-30T19:00:00Z, 21:00 CEST: deferred to the end of the quiet hours
            "[dm:alice] Done: no quiet hours. Your next check-in: Tue 31 Mar 20:00.",
            "[dm:alice] Paused: no check-in questions until Wed 1 Apr 21:00. The next one after that: Thu 2 Apr 20:00. !checkin resume brings them back sooner.",
            "[dm:alice] Your check-ins: every day at 20:00 (Europe/Berlin). Next: Thu 2 Apr 20:00.",
            Self.prompt,  // 2026-04-02T18:00:00Z: 31 March and 1 April skipped
            "[dm:alice] Done: no more scheduled check-ins. You can still check in any time with !checkin.",
            "[dm:alice] Your last 2 check-ins, only for you: ▇▅",
            "  Sat 28 Mar 20:00 — 4/5 — good day",
            "  Sun 29 Mar 20:00 — 3/5",
        ])
    }

    @Test func autumnChangeKeepsEightPMLocal() async throws {
        let peer = PeerBotProcess()
        let result = try await peer.console(
            """
            alice@dm: !timezone Europe/Berlin
            alice@dm: !checkin daily 20:00
            :advance 5h59m
            alice@dm: !checkin status
            :advance 1m
            :advance 1d59m
            alice@dm: !checkin status
            :advance 1m
            """, config: try peer.writeConfig(), virtualClock: "2026-10-24T12:00:00Z")
        #expect(result.lines == [
            "[dm:alice] Saved: your time zone is Europe/Berlin (it's Sat 24 Oct 14:00 there now).",
            "[dm:alice] Done: I'll check in with you privately every day at 20:00 (Europe/Berlin). The first one: Sat 24 Oct 20:00. !checkin pause 2d or !checkin off stops it any time.",
            "[dm:alice] Your check-ins: every day at 20:00 (Europe/Berlin). Next: Sat 24 Oct 20:00.",
            Self.prompt,  // 2026-10-24T18:00:00Z, 20:00 CEST
            "[dm:alice] Your check-ins: every day at 20:00 (Europe/Berlin). Next: Sun 25 Oct 20:00.",
            Self.prompt,  // 2026-10-25T19:00:00Z, 20:00 CET
        ])
    }

    /// Four runs of `peerbot console` on one database: the schedule survives,
    /// a restart at the instant an occurrence ran does not run it again, one
    /// missed by 30 minutes runs once at start, one missed by 16 hours is skipped.
    @Test func laterProcessesOnTheSameDatabaseKeepTheScheduleAndNeverRepeatAnOccurrence() async throws {
        let peer = PeerBotProcess()
        let config = try peer.writeConfig()
        let first = try await peer.console(
            "alice@dm: !checkin daily 20:00 Europe/Berlin\n:advance 1h\nalice@dm: 4\n", config: config,
            virtualClock: "2026-03-28T18:00:00Z")
        #expect(first.lines == [
            "[dm:alice] Done: I'll check in with you privately every day at 20:00 (Europe/Berlin). The first one: Sat 28 Mar 20:00. !checkin pause 2d or !checkin off stops it any time.",
            Self.prompt,
            "[dm:alice] Thanks for checking in — 4/5. Noted, just for you.",
        ])
        let second = try await peer.console(
            "alice@dm: !checkin status\n:advance 23h\nalice@dm: 3\n", config: config, virtualClock: "2026-03-28T19:00:00Z")
        #expect(second.lines == [
            "[dm:alice] Your check-ins: every day at 20:00 (Europe/Berlin). Next: Sun 29 Mar 20:00.",
            Self.prompt,
            "[dm:alice] Thanks for checking in — 3/5. Noted, just for you.",
        ])
        let third = try await peer.console("alice@dm: !checkin status\n", config: config, virtualClock: "2026-03-30T18:30:00Z")
        #expect(third.lines == [
            Self.prompt,
            "[dm:alice] Your check-ins: every day at 20:00 (Europe/Berlin). Next: Tue 31 Mar 20:00.",
        ])
        let fourth = try await peer.console(
            "alice@dm: !checkin status\n:advance 6h\n", config: config, virtualClock: "2026-04-01T12:00:00Z")
        #expect(fourth.lines == [
            "[dm:alice] Your check-ins: every day at 20:00 (Europe/Berlin). Next: Wed 1 Apr 20:00.",
            Self.prompt,
        ])
        let store = try SQLiteStore(path: peer.databasePath)
        let jobs = try store.rawRows("SELECT key, state FROM job WHERE kind = 'checkin.prompt' ORDER BY due_at")
        #expect(jobs.map { "\($0["key"] ?? "") \($0["state"] ?? "")" } == [
            "checkin:console:alice:2026-03-28T19:00:00Z done",
            "checkin:console:alice:2026-03-29T18:00:00Z done",
            "checkin:console:alice:2026-03-30T18:00:00Z done",
            "checkin:console:alice:2026-03-31T18:00:00Z skipped",
            "checkin:console:alice:2026-04-01T18:00:00Z done",
            "checkin:console:alice:2026-04-02T18:00:00Z pending",
        ])
    }

    /// Two processes at once on one database, both advancing over the same
    /// three occurrences: between them, each occurrence runs once and emits
    /// its prompt once, and each prompt is printed by exactly one of them
    /// (outbox entries are claimed by the delivering process).
    @Test func twoConcurrentProcessesRunEachOccurrenceOnce() async throws {
        let peer = PeerBotProcess()
        let config = try peer.writeConfig()
        _ = try await peer.console("alice@dm: !checkin daily 20:00 UTC\n", config: config, virtualClock: "2026-04-01T12:00:00Z")
        let transcript = String(repeating: ":advance 6h\n", count: 12)
        async let first = try? peer.console(transcript, config: config, virtualClock: "2026-04-01T12:00:00Z")
        async let second = try? peer.console(transcript, config: config, virtualClock: "2026-04-01T12:00:00Z")
        let finished = await [first, second].compactMap { $0 }
        #expect(finished.count == 2)
        #expect(finished.allSatisfy { $0.status == 0 })
        #expect(finished.flatMap(\.lines) == [Self.prompt, Self.prompt, Self.prompt])
        let store = try SQLiteStore(path: peer.databasePath)
        let jobs = try store.rawRows("SELECT key, state FROM job WHERE kind = 'checkin.prompt' ORDER BY due_at")
        #expect(jobs.map { "\($0["key"] ?? "") \($0["state"] ?? "")" } == [
            "checkin:console:alice:2026-04-01T20:00:00Z done",
            "checkin:console:alice:2026-04-02T20:00:00Z done",
            "checkin:console:alice:2026-04-03T20:00:00Z done",
            "checkin:console:alice:2026-04-04T20:00:00Z pending",
        ])
        // One entry for the "Done" reply, then exactly one per occurrence.
        #expect(try store.rawRows("SELECT COUNT(*) AS n FROM outbox").first?["n"] == "4")
    }

    @Test func badInputGetsOneLineEach() async throws {
        let peer = PeerBotProcess()
        var transcript = """
            alice: !checkin 7
            alice: !checkin daily 25:00
            alice: !timezone Mars/Base
            alice: !checkin weekly funday 10:00
            alice: !checkin pause forever
            alice: !quiet 22:00-22:00
            alice: !boundary set \(String(repeating: "x", count: 301))

            """
        transcript += "alice: !boundary set " + String(repeating: "y", count: 10 * 1024) + "\n"
        let result = try await peer.console(transcript, config: try peer.writeConfig(), virtualClock: "2026-04-01T12:00:00Z")
        #expect(result.status == 0)
        #expect(result.lines == [
            "[dm:alice] \"7\" isn't a score I can keep: a check-in is 1 to 5 (1 = very low, 5 = very good), like !checkin 3 or !checkin 2 rough day.",
            "[dm:alice] I couldn't read \"25:00\" as a time. Use the 24-hour clock, HH:MM, like !checkin daily 20:00.",
            "[dm:alice] I don't know the time zone \"Mars/Base\". Use a name from the tz database such as Europe/Berlin, America/New_York or Asia/Tokyo.",
            "[dm:alice] I don't know the day \"funday\". Use a weekday such as monday or mon, like !checkin weekly sunday 18:00.",
            "[dm:alice] I couldn't read \"forever\" as a duration. Use a number and a unit, like 12h, 2d or 1w.",
            "[dm:alice] I couldn't read \"22:00-22:00\" as quiet hours. Write a start and a different end, HH:MM-HH:MM in your time, like !quiet 22:00-07:00.",
            "[dm:alice] A boundary can be up to 300 characters; yours has 301. Please shorten it.",
            "[dm:alice] That command is too long for me to read (over 4,000 characters). Please shorten it.",
        ])
    }
}
