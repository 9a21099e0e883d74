import Foundation
import Testing
@testable import PeerBot

/// Timestamps are formatted by arithmetic (`CivilTime`); they must read
/// exactly as the Foundation formatters they replace wrote them — in every
/// zone, and around every daylight-saving change.
@Suite struct CivilTimeTests {
    static func formatter(_ format: String, zone: TimeZone) -> DateFormatter {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = zone
        formatter.dateFormat = format
        return formatter
    }

    /// Zones with daylight saving on either hemisphere, a 30-minute change
    /// (Lord Howe), half- and quarter-hour offsets, a zone that skipped a day
    /// (Kiritimati, 1994-12-31) and ones without daylight saving.
    static let zoneNames = [
        "UTC", "Europe/London", "Europe/Berlin", "America/New_York", "America/Sao_Paulo", "America/St_Johns",
        "Australia/Lord_Howe", "Australia/Sydney", "Asia/Kolkata", "Asia/Kathmandu", "Pacific/Kiritimati",
        "Pacific/Chatham",
    ]


    /// Every daylight-saving change of `zone` from 1970 to 2040, with the
    /// instants around it: a second, a minute, half an hour and an hour either side.
    static func transitions(of zone: TimeZone) -> [Date] {
        var instants: [Date] = []
        var after = Date(timeIntervalSince1970: 0)
        let end = Date(timeIntervalSince1970: 2_208_988_800)  // 2040-01-01
        while let change = zone.nextDaylightSavingTimeTransition(after: after), change < end {
            for offset in [-3600.0, -1800, -60, -1, -0.25, 0, 0.5, 1, 60, 1800, 3600] {
                instants.append(change.addingTimeInterval(offset))
            }
            after = change
        }
        return instants
    }

    @Test func utcTimestampsReadAsFoundationFormattersWrite() throws {
        let utc = try #require(TimeZone(identifier: "UTC"))
        let minute = Self.formatter("yyyy-MM-dd HH:mm", zone: utc)
        let iso = ISO8601DateFormatter()
        iso.timeZone = utc
        var random = SeededRandom(seed: 17)
        // Random instants from 1600 to 2400 (with a fraction of a second), plus
        // the edges of days, leap days (2000-02-29, 2024-02-29) and centuries.
        var instants = (0..<3000).map { _ in Date(timeIntervalSince1970: Double(random.next(-11_676_096_000...13_569_465_600)) + 0.75) }
        instants += [0, -1, -0.5, 86_399, 86_400, 951_782_400, 951_868_799, 1_709_164_800, 1_711_846_799, 1_711_846_800, 4_107_542_400]
            .map { Date(timeIntervalSince1970: $0) }
        for instant in instants {
            #expect(TimestampText.minute(instant) == minute.string(from: instant) + " UTC")
            #expect(TimestampText.iso8601(instant) == iso.string(from: instant))
            #expect(LocalTime.iso(instant) == instant.formatted(.iso8601))
        }
    }

    @Test func localTimesReadAsFoundationFormattersWriteAroundEveryDaylightSavingChange() throws {
        var random = SeededRandom(seed: 23)
        let random1600to2400 = (0..<400).map { _ in Date(timeIntervalSince1970: Double(random.next(-11_676_096_000...13_569_465_600)) + 0.75) }
        var checked = 0
        for name in Self.zoneNames {
            let zone = try #require(TimeZone(identifier: name))
            let local = Self.formatter("EEE d MMM HH:mm", zone: zone)
            let weekdayTime = Self.formatter("EEE HH:mm", zone: zone)
            let transitions = Self.transitions(of: zone)
            if !["UTC", "Asia/Kolkata", "Asia/Kathmandu", "Pacific/Kiritimati"].contains(name) {
                #expect(transitions.count > 100, "\(name) changed its clocks for years")
            }
            for instant in transitions + random1600to2400 {
                #expect(LocalTime.format(instant, in: zone) == local.string(from: instant), "\(name) at \(instant.timeIntervalSince1970)")
                let time = CivilTime(instant, in: zone)
                #expect("\(time.weekdayName) \(time.hourMinute)" == weekdayTime.string(from: instant))
                checked += 1
            }
        }
        #expect(checked > 5_000)
    }

    @Test func rotaTimesReadAsTheFormatterWroteThem() throws {
        var settings = RotaSettings()
        settings.timeZone = try #require(TimeZone(identifier: "America/New_York"))
        let roster = OnDutyRoster(settings: settings)
        // 2026-03-06 12:00 UTC; New York's clocks go forward on 2026-03-08.
        let now = Date(timeIntervalSince1970: 1_772_798_400)
        for hours in [1.0, 19.5, 25, 30, 50, 62, 100] {
            let date = now.addingTimeInterval(hours * 3600)
            let format = hours < 20 ? "HH:mm" : "EEE HH:mm"
            #expect(roster.describe(date, relativeTo: now) == Self.formatter(format, zone: settings.timeZone).string(from: date) + " America/New_York")
        }
        let utc = OnDutyRoster(settings: RotaSettings())
        #expect(utc.describe(now.addingTimeInterval(3600), relativeTo: now) == "13:00 UTC")
    }
}
