import Foundation
import Testing
@testable import PeerBot

@Suite struct CheckinTimeTests {
    @Test func timesOfDay() {
        #expect(TimeOfDay(parsing: "20:00")?.minuteOfDay == 1200)
        #expect(TimeOfDay(parsing: "8:05")?.description == "08:05")
        #expect(TimeOfDay(parsing: "00:00")?.minuteOfDay == 0)
        for bad in ["25:00", "24:00", "12:60", "8", "8pm", "20:0", "20:000", "-1:00", "２０:００", "", ":", "20:00:00"] {
            #expect(TimeOfDay(parsing: bad) == nil, "\(bad)")
        }
    }

    @Test func quietWindowsWrapMidnight() throws {
        let night = try #require(QuietHours(parsing: "22:00-07:00"))
        #expect(night.contains(try #require(TimeOfDay(parsing: "23:30"))))
        #expect(night.contains(try #require(TimeOfDay(parsing: "06:59"))))
        #expect(!night.contains(try #require(TimeOfDay(parsing: "07:00"))))
        #expect(!night.contains(try #require(TimeOfDay(parsing: "12:00"))))
        let afternoon = try #require(QuietHours(parsing: "13:00 – 15:00"))
        #expect(afternoon.contains(try #require(TimeOfDay(parsing: "13:00"))))
        #expect(!afternoon.contains(try #require(TimeOfDay(parsing: "15:00"))))
        #expect(QuietHours(parsing: "10:00-10:00") == nil)
        #expect(QuietHours(parsing: "10:00") == nil)
        #expect(QuietHours(parsing: "10:00-11:00-12:00") == nil)
    }

    @Test func deferringLandsOnTheWindowsEndInLocalTime() throws {
        let zone = try #require(TimeZoneName.resolve("Europe/Berlin"))
        let night = try #require(QuietHours(parsing: "22:00-07:00"))
        // 23:15 CET on 28 March; the window ends at 07:00 CEST on the 29th (after the change).
        let late = try BotHarness.instant("2026-03-28T22:15:00Z")
        #expect(night.deferring(late, in: zone).formatted(.iso8601) == "2026-03-29T05:00:00Z")
        let outside = try BotHarness.instant("2026-03-28T12:00:00Z")
        #expect(night.deferring(outside, in: zone) == outside)
    }

    @Test func weekdays() {
        #expect(Weekday(parsing: "monday")?.calendarValue == 2)
        #expect(Weekday(parsing: "Sun")?.calendarValue == 1)
        #expect(Weekday(parsing: "tues")?.description == "Tuesday")
        #expect(Weekday(parsing: "THURS")?.calendarValue == 5)
        #expect(Weekday(parsing: "funday") == nil)
        #expect(Weekday(parsing: "m") == nil)
    }

    @Test func timeZoneNamesAreIANANames() {
        #expect(TimeZoneName.canonical("europe/berlin") == "Europe/Berlin")
        #expect(TimeZoneName.canonical("UTC") == "UTC")
        #expect(TimeZoneName.resolve("America/New_York") != nil)
        for bad in ["Mars/Base", "CET+1", "GMT+2", "", "Europe/", String(repeating: "a", count: 200)] {
            #expect(TimeZoneName.resolve(bad) == nil, "\(bad)")
        }
    }

    @Test func answersAreReadAsScoresOrWords() {
        #expect(CheckinAnswer.parse("3", maxNoteLength: 10) == .entry(score: 3, note: nil))
        #expect(CheckinAnswer.parse(" 2/5  rough\nday ", maxNoteLength: 50) == .entry(score: 2, note: "rough day"))
        #expect(CheckinAnswer.parse("tired", maxNoteLength: 50) == .entry(score: nil, note: "tired"))
        #expect(CheckinAnswer.parse("7", maxNoteLength: 50) == .scoreOutOfRange("7"))
        #expect(CheckinAnswer.parse("-1", maxNoteLength: 50) == .scoreOutOfRange("-1"))
        #expect(CheckinAnswer.parse("99999999999999999999", maxNoteLength: 50) == .scoreOutOfRange("99999999999999999999"))
        #expect(CheckinAnswer.parse("4 " + String(repeating: "x", count: 11), maxNoteLength: 10) == .noteTooLong(11))
        #expect(CheckinAnswer.parse("   ", maxNoteLength: 10) == .empty)
    }

    @Test func nextOccurrenceFollowsTheWallClock() throws {
        let zone = try #require(TimeZoneName.resolve("Europe/Berlin"))
        let schedule = CheckinSchedule(memberKey: "k", weekday: nil, time: try #require(TimeOfDay(parsing: "20:00")))
        var instant = try BotHarness.instant("2026-10-23T12:00:00Z")
        var seen: [String] = []
        for _ in 0..<4 {
            instant = try #require(schedule.nextOccurrence(after: instant, in: zone))
            seen.append(instant.formatted(.iso8601))
        }
        #expect(seen == ["2026-10-23T18:00:00Z", "2026-10-24T18:00:00Z", "2026-10-25T19:00:00Z", "2026-10-26T19:00:00Z"])
    }
}
