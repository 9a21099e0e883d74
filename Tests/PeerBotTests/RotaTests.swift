import Foundation
import Testing
@testable import PeerBot

@Suite struct RotaTests {
    /// 2026-03-30 is a Monday.
    static func instant(_ text: String) -> Date {
        let formatter = ISO8601DateFormatter()
        return formatter.date(from: text) ?? Date(timeIntervalSince1970: 0)
    }

    func roster(_ shifts: [RotaShift], zone: String = "UTC") -> OnDutyRoster {
        var settings = RotaSettings()
        settings.timeZone = TimeZone(identifier: zone) ?? settings.timeZone
        settings.shifts = shifts
        return OnDutyRoster(settings: settings)
    }

    @Test func weeklyShiftsInTheirTimeZone() throws {
        // Weekdays 18:00–23:00 in New York (UTC−4 in April).
        let roster = roster([RotaShift(member: "console:sam", weekdays: [2, 3, 4, 5, 6], startMinute: 18 * 60, endMinute: 23 * 60)], zone: "America/New_York")
        let shift = roster.settings.shifts[0]
        #expect(roster.scheduledEnd(of: shift, coveringInstant: Self.instant("2026-04-06T22:30:00Z")) == Self.instant("2026-04-07T03:00:00Z"))
        #expect(roster.scheduledEnd(of: shift, coveringInstant: Self.instant("2026-04-06T21:59:00Z")) == nil)
        #expect(roster.scheduledEnd(of: shift, coveringInstant: Self.instant("2026-04-07T03:00:00Z")) == nil)
        // Saturday evening in New York: not a weekday.
        #expect(roster.scheduledEnd(of: shift, coveringInstant: Self.instant("2026-04-11T23:00:00Z")) == nil)
    }

    @Test func overnightShiftsCoverPastMidnight() throws {
        // Fridays 22:00 → 06:00 UTC.
        let roster = roster([RotaShift(member: "console:riley", weekdays: [6], startMinute: 22 * 60, endMinute: 6 * 60)])
        let shift = roster.settings.shifts[0]
        #expect(roster.scheduledEnd(of: shift, coveringInstant: Self.instant("2026-04-03T23:00:00Z")) == Self.instant("2026-04-04T06:00:00Z"))
        #expect(roster.scheduledEnd(of: shift, coveringInstant: Self.instant("2026-04-04T05:59:00Z")) == Self.instant("2026-04-04T06:00:00Z"))
        #expect(roster.scheduledEnd(of: shift, coveringInstant: Self.instant("2026-04-04T06:00:00Z")) == nil)
        #expect(roster.scheduledEnd(of: shift, coveringInstant: Self.instant("2026-04-02T23:00:00Z")) == nil)
    }

    @Test func oncallOnOffAndTheSchedule() async throws {
        // Monday 2026-03-30 19:00 UTC; sam is scheduled daily 18:00–23:00.
        let harness = try await BotHarness.standard(start: Self.instant("2026-03-30T19:00:00Z")) { configuration in
            configuration.rota.shifts = [RotaShift(member: "console:sam", weekdays: Set(1...7), startMinute: 18 * 60, endMinute: 23 * 60)]
        }
        #expect(await harness.facilitator("riley", "!oncall").first?.text == "On duty now: sam (until 23:00 UTC, scheduled). Tier-1 pages mention them.")
        #expect(await harness.facilitator("riley", "!oncall on 90m").first?.text == "You're on duty until 20:30 UTC. Tier-1 pages will mention you.")
        #expect(await harness.facilitator("riley", "!oncall").first?.text == "On duty now: riley (until 20:30 UTC), sam (until 23:00 UTC, scheduled). Tier-1 pages mention them.")
        #expect(await harness.facilitator("sam", "!oncall off").first?.text == "You're off duty now. Your scheduled shift until 23:00 UTC is skipped.")
        let page = await harness.say("alice", "!facilitator")
        #expect(page.first?.mentionedIDs == ["riley"])
        await harness.advance(2 * 3600)
        #expect(await harness.facilitator("riley", "!oncall").first?.text?.hasPrefix("Nobody is on duty now") == true)
        // The next day sam's schedule applies again.
        await harness.advance(22 * 3600)
        #expect(await harness.facilitator("riley", "!oncall").first?.text?.hasPrefix("On duty now: sam") == true)
    }

    @Test func oncallRejectsBadDurations() async throws {
        let harness = try await BotHarness.standard()
        #expect(await harness.facilitator("sam", "!oncall on forever").first?.text == "\"forever\" is not a duration. Try !oncall on 2h (or 90m, 1h30m).")
        #expect(await harness.facilitator("sam", "!oncall on 3d").first?.text == "The longest I can put you on duty is 1d. Try a shorter time.")
        #expect(await harness.facilitator("sam", "!oncall maybe").first?.text?.hasPrefix("Usage: !oncall [on [DURATION]|off]") == true)
        #expect(await harness.facilitator("sam", "!oncall off").first?.text == "You're off duty now.")
    }
}
