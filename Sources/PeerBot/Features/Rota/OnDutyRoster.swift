import Foundation

/// Who is on duty at an instant: the weekly schedule from `[rota]`, changed by
/// facilitators' own `!oncall on` and `!oncall off`.
public struct OnDutyRoster: Sendable {
    /// One facilitator on duty.
    public struct Entry: Sendable, Equatable {
        public var member: MemberRef
        /// When their duty ends.
        public var until: Date
        /// True when the weekly schedule put them on duty (rather than `!oncall on`).
        public var scheduled: Bool
    }

    public let settings: RotaSettings

    public init(settings: RotaSettings) {
        self.settings = settings
    }

    /// The schedule's calendar, built when a question needs it: a `Calendar` starts in the
    /// process's time zone, which would open ICU's zone data at start (README "Performance").
    private var calendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = settings.timeZone
        return calendar
    }

    /// Everyone on duty at `now`, by member key.
    public func onDuty(at now: Date, store: any RotaRecords) throws -> [Entry] {
        var entries: [String: Entry] = [:]
        let statuses = Dictionary(try store.rotaStatuses().map { ($0.memberKey, $0) }, uniquingKeysWith: { first, _ in first })
        for shift in settings.shifts {
            guard let end = scheduledEnd(of: shift, coveringInstant: now) else { continue }
            if let offUntil = statuses[shift.member]?.offUntil, offUntil > now { continue }
            guard let member = MemberRef(key: shift.member, handle: statuses[shift.member]?.handle) else { continue }
            let later = max(end, entries[shift.member]?.until ?? end)
            entries[shift.member] = Entry(member: member, until: later, scheduled: true)
        }
        for status in statuses.values {
            guard let onUntil = status.onUntil, onUntil > now,
                let member = MemberRef(key: status.memberKey, handle: status.handle)
            else { continue }
            if let existing = entries[status.memberKey], existing.until >= onUntil { continue }
            entries[status.memberKey] = Entry(member: member, until: onUntil, scheduled: false)
        }
        return entries.values.sorted { $0.member.key < $1.member.key }
    }

    /// When the member's scheduled shift covering `now` ends, or nil when none does.
    public func scheduledEnd(of memberKey: String, at now: Date) -> Date? {
        settings.shifts.filter { $0.member == memberKey }.compactMap { scheduledEnd(of: $0, coveringInstant: now) }.max()
    }

    /// The end of this shift's occurrence that covers `now`, if one does.
    func scheduledEnd(of shift: RotaShift, coveringInstant now: Date) -> Date? {
        let parts = calendar.dateComponents([.weekday, .hour, .minute], from: now)
        guard let weekday = parts.weekday, let hour = parts.hour, let minuteOfHour = parts.minute else { return nil }
        let minute = hour * 60 + minuteOfHour
        let yesterday = weekday == 1 ? 7 : weekday - 1
        if shift.startMinute < shift.endMinute {
            guard shift.weekdays.contains(weekday), (shift.startMinute..<shift.endMinute).contains(minute) else { return nil }
            return instant(dayOffset: 0, minute: shift.endMinute, from: now)
        }
        // The shift runs past midnight: it covers late on its own days and early on the following ones.
        if shift.weekdays.contains(weekday), minute >= shift.startMinute {
            return instant(dayOffset: 1, minute: shift.endMinute, from: now)
        }
        if shift.weekdays.contains(yesterday), minute < shift.endMinute {
            return instant(dayOffset: 0, minute: shift.endMinute, from: now)
        }
        return nil
    }

    /// `minute` minutes after the start of the day `dayOffset` days after `now`'s, in the rota's zone.
    private func instant(dayOffset: Int, minute: Int, from now: Date) -> Date? {
        let calendar = self.calendar
        let today = calendar.startOfDay(for: now)
        guard let day = calendar.date(byAdding: .day, value: dayOffset + minute / 1440, to: today) else { return nil }
        let rest = minute % 1440
        return calendar.date(bySettingHour: rest / 60, minute: rest % 60, second: 0, of: day)
    }

    /// A time as facilitators read it: `21:00 UTC`, or `Tue 09:00 UTC` when not within the next day.
    public func describe(_ date: Date, relativeTo now: Date) -> String {
        let time = CivilTime(date, in: settings.timeZone)
        let shown = date.timeIntervalSince(now) < 20 * 3600 ? time.hourMinute : "\(time.weekdayName) \(time.hourMinute)"
        let zone = settings.timeZone.identifier == "UTC" || settings.timeZone.identifier == "GMT"
            ? "UTC" : settings.timeZone.identifier
        return "\(shown) \(zone)"
    }
}
