import Foundation

extension CheckinsFeature {
    /// `!checkin daily HH:MM [TZ]`, `!checkin weekly DAY HH:MM [TZ]`.
    func setSchedule(_ invocation: CommandInvocation, _ context: BotContext) throws {
        let prefix = context.prefix
        var arguments = invocation.arguments
        let weekly = arguments.removeFirst().lowercased() == "weekly"
        var weekday: Weekday? = nil
        if weekly {
            guard let day = arguments.first else {
                throw CommandFailure.message("Which day and time? For example \(prefix)checkin weekly sunday 18:00.")
            }
            guard let parsed = Weekday(parsing: day) else {
                throw CommandFailure.message(
                    "I don't know the day \"\(day.prefix(20))\". Use a weekday such as monday or mon, like \(prefix)checkin weekly sunday 18:00.")
            }
            weekday = parsed
            arguments.removeFirst()
        }
        let example = weekly ? "\(prefix)checkin weekly sunday 18:00" : "\(prefix)checkin daily 20:00"
        guard (1...2).contains(arguments.count) else {
            throw CommandFailure.message("Please give a time (and, if you like, a time zone), like \(example) Europe/Berlin.")
        }
        guard let time = TimeOfDay(parsing: arguments[0]) else {
            throw CommandFailure.message(
                "I couldn't read \"\(arguments[0].prefix(20))\" as a time. Use the 24-hour clock, HH:MM, like \(example).")
        }
        let key = invocation.author.key
        var zoneNote = ""
        if arguments.count == 2 {
            try context.store.setSetting(.timeZone, of: key, to: try Self.resolveZone(arguments[1], prefix: prefix))
        } else if try context.store.setting(.timeZone, of: key) == nil {
            zoneNote = " I'm using \(settings.defaultTimeZone); set yours with \(prefix)timezone, e.g. \(prefix)timezone Europe/Berlin."
        }
        let schedule = CheckinSchedule(memberKey: key, weekday: weekday, time: time)
        try context.store.saveCheckinSchedule(schedule, at: context.now)
        let zone = try timeZone(of: key, context: context)
        let next = try reschedule(key, after: context.now, context: context)
        let first = next.map { " The first one: \(LocalTime.format($0, in: zone))." } ?? ""
        try context.replyPrivately(
            "Done: I'll check in with you privately \(schedule.rhythm) (\(try zoneName(of: key, context: context))).\(first) \(prefix)checkin pause 2d or \(prefix)checkin off stops it any time.\(zoneNote)",
            to: invocation)
    }

    /// `!checkin off`
    func turnOff(_ invocation: CommandInvocation, _ context: BotContext) throws {
        let key = invocation.author.key
        guard try context.store.checkinSchedule(of: key) != nil else {
            throw CommandFailure.message("You have no check-in schedule, so there is nothing to stop.")
        }
        try context.store.deleteCheckinSchedule(of: key)
        try context.store.cancelJobs(memberKey: key, kind: Self.promptKind)
        try context.replyPrivately(
            "Done: no more scheduled check-ins. You can still check in any time with \(context.prefix)checkin.", to: invocation)
    }

    /// `!checkin pause 2d`
    func pause(_ invocation: CommandInvocation, _ context: BotContext) throws {
        let prefix = context.prefix
        let key = invocation.author.key
        guard invocation.arguments.count == 2 else {
            throw CommandFailure.message("For how long? For example \(prefix)checkin pause 2d (or 12h, 1w).")
        }
        guard let duration = DurationText.parse(invocation.arguments[1]) else {
            throw CommandFailure.message(
                "I couldn't read \"\(invocation.arguments[1].prefix(20))\" as a duration. Use a number and a unit, like 12h, 2d or 1w.")
        }
        guard duration <= settings.maxPause else {
            throw CommandFailure.message(
                "That's longer than I can pause (\(LocalTime.spoken(settings.maxPause))). \(prefix)checkin off stops the questions instead.")
        }
        guard var schedule = try context.store.checkinSchedule(of: key) else {
            throw CommandFailure.message("You have no check-in schedule to pause. (Set one with \(prefix)checkin daily 20:00.)")
        }
        let until = context.now.addingTimeInterval(duration)
        schedule.pausedUntil = until
        try context.store.saveCheckinSchedule(schedule, at: context.now)
        let zone = try timeZone(of: key, context: context)
        let next = try reschedule(key, after: context.now, context: context)
        let after = next.map { " The next one after that: \(LocalTime.format($0, in: zone))." } ?? ""
        try context.replyPrivately(
            "Paused: no check-in questions until \(LocalTime.format(until, in: zone)).\(after) \(prefix)checkin resume brings them back sooner.",
            to: invocation)
    }

    /// `!checkin resume`
    func resume(_ invocation: CommandInvocation, _ context: BotContext) throws {
        let key = invocation.author.key
        guard var schedule = try context.store.checkinSchedule(of: key) else {
            throw CommandFailure.message("You have no check-in schedule. (Set one with \(context.prefix)checkin daily 20:00.)")
        }
        schedule.pausedUntil = nil
        try context.store.saveCheckinSchedule(schedule, at: context.now)
        let zone = try timeZone(of: key, context: context)
        let next = try reschedule(key, after: context.now, context: context)
        try context.replyPrivately(
            "Resumed\(next.map { ": the next check-in is \(LocalTime.format($0, in: zone))." } ?? ".")", to: invocation)
    }

    /// `!checkin status`
    func status(_ invocation: CommandInvocation, _ context: BotContext) throws {
        let key = invocation.author.key
        guard let schedule = try context.store.checkinSchedule(of: key) else {
            try context.replyPrivately(
                "You have no check-in schedule. \(context.prefix)checkin daily 20:00 sets one; \(context.prefix)checkin checks in now.",
                to: invocation)
            return
        }
        let zone = try timeZone(of: key, context: context)
        var text = "Your check-ins: \(schedule.rhythm) (\(try zoneName(of: key, context: context)))."
        if let paused = schedule.pausedUntil, paused > context.now {
            text += " Paused until \(LocalTime.format(paused, in: zone))."
        }
        if let next = try context.store.pendingJobs(memberKey: key).first(where: { $0.kind == Self.promptKind }) {
            text += " Next: \(LocalTime.format(next.dueAt, in: zone))."
        }
        if let quiet = try quietHours(of: key, context: context) {
            text += " Quiet hours: \(quiet)."
        }
        try context.replyPrivately(text, to: invocation)
    }

    /// The member's zone, else the space's default.
    func timeZone(of memberKey: String, context: BotContext) throws -> TimeZone {
        if let name = try context.store.setting(.timeZone, of: memberKey), let zone = TimeZoneName.resolve(name) {
            return zone
        }
        return TimeZoneName.resolve(settings.defaultTimeZone) ?? .gmt
    }

    /// The name of the member's zone as they (or the configuration) wrote it.
    func zoneName(of memberKey: String, context: BotContext) throws -> String {
        if let name = try context.store.setting(.timeZone, of: memberKey), TimeZoneName.resolve(name) != nil { return name }
        return settings.defaultTimeZone
    }

    func quietHours(of memberKey: String, context: BotContext) throws -> QuietHours? {
        try context.store.setting(.quietHours, of: memberKey).flatMap(QuietHours.init(parsing:))
    }

    /// The canonical name of a zone a member typed, or a one-line refusal.
    static func resolveZone(_ text: String, prefix: String) throws -> String {
        guard let name = TimeZoneName.canonical(text), TimeZoneName.resolve(name) != nil else {
            throw CommandFailure.message(
                "I don't know the time zone \"\(text.prefix(40))\". Use a name from the tz database such as Europe/Berlin, America/New_York or Asia/Tokyo.")
        }
        return name
    }
}
