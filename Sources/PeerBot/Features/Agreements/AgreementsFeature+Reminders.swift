import Foundation

extension AgreementsFeature {
    /// Counts a message towards the channel's next reminder, and makes sure the channel will be looked at.
    func countActivity(in channel: ChannelRef, context: BotContext) throws {
        let key = ChannelActivity.key(of: channel)
        // A look scheduled long ago that never happened (a lost job) is replaced.
        let stale = context.now.addingTimeInterval(-(context.configuration.scheduler.missedJobGrace + settings.reminders.every))
        // While a look is scheduled, the count waits in memory for the next flush.
        if counts.countIfLookScheduled(key, staleBefore: stale) { return }
        var activity = try context.store.countChannelMessages(key, count: 1 + counts.takeUnsaved(key))
        guard activity.nextCheckAt.map({ $0 < stale }) ?? true else {
            counts.noteNextLook(key, at: activity.nextCheckAt)
            return
        }
        activity.nextCheckAt = try scheduleCheck(
            of: channel, at: context.now.addingTimeInterval(settings.reminders.every), context: context)
        try context.store.saveChannelActivity(activity)
        counts.noteNextLook(key, at: activity.nextCheckAt)
    }

    /// Saves the messages counted in memory since the last flush.
    public func flush(context: BotContext) throws {
        for (key, count) in counts.takeUnsaved() {
            _ = try context.store.countChannelMessages(key, count: count)
        }
    }

    /// Schedules a look at a channel; nil when that occurrence already exists.
    func scheduleCheck(of channel: ChannelRef, at due: Date, context: BotContext) throws -> Date? {
        let payload = String(decoding: try JSONEncoder().encode(channel), as: UTF8.self)
        let job = Job(
            kind: Self.periodicKind, key: "\(Self.periodicKind):\(ChannelActivity.key(of: channel)):\(LocalTime.iso(due))",
            dueAt: due, payload: payload, missedPolicy: .withinGrace)
        return try context.store.schedule(job) ? due : nil
    }

    /// Looks at a channel: reminds when enough was said since the last
    /// reminder, keeps looking while anything was said, stops when it is quiet.
    public func run(_ job: Job, context: BotContext) throws {
        try look(at: job, context: context, mayPost: true)
    }

    /// A look missed while the bot was down posts nothing late, but keeps looking.
    public func missed(_ job: Job, context: BotContext) throws {
        try look(at: job, context: context, mayPost: false)
    }

    private func look(at job: Job, context: BotContext, mayPost: Bool) throws {
        guard let channel = try? JSONDecoder().decode(ChannelRef.self, from: Data(job.payload.utf8)) else { return }
        let key = ChannelActivity.key(of: channel)
        guard var activity = try context.store.channelActivity(key) else { return }
        activity.nextCheckAt = nil
        if settings.reminders.covers(channel), !settings.lines.isEmpty {
            var posted = false
            if mayPost, activity.messagesSinceReminder >= settings.reminders.minMessages {
                try context.emit(
                    .send(channel: channel, text: Self.text(of: settings, heading: "A friendly reminder of our agreements:")))
                activity.messagesSinceReminder = 0
                activity.lastReminderAt = context.now
                posted = true
            }
            // Keep the rhythm while the channel is talking; a quiet channel is left alone.
            if posted || activity.messagesSinceReminder > 0 {
                activity.nextCheckAt = try scheduleCheck(
                    of: channel, at: context.now.addingTimeInterval(settings.reminders.every), context: context)
            }
        }
        try context.store.saveChannelActivity(activity)
        counts.noteNextLook(key, at: activity.nextCheckAt)
    }

    /// Reminds the author alone of the content-warning agreement, at most once per topic per cooldown.
    func remindOfContentWarning(_ message: InboundMessage, context: BotContext) throws {
        let warnings = settings.contentWarnings
        // Topics first: most messages touch none, and then the marker need not be read.
        let topics = matcher.topics(in: Self.withoutSpoilers(message.text))
        guard !topics.isEmpty, !warnings.hasMarker(message.text) else { return }
        let key = message.author.key
        for topic in topics {
            if let last = try context.store.lastTopicReminder(memberKey: key, topic: topic),
                context.now.timeIntervalSince(last) < warnings.cooldown
            {
                continue
            }
            let text = warnings.reminder.replacingOccurrences(of: "{topic}", with: topic)
                .replacingOccurrences(of: "{prefix}", with: context.prefix)
            try context.tell(message.author, text)
            try context.store.recordTopicReminder(memberKey: key, topic: topic, at: context.now)
            return  // one reminder per message is plenty
        }
    }

    /// The text outside spoiler markup (`||hidden||`): words a reader must
    /// click to see already carry their own warning.
    static func withoutSpoilers(_ text: String) -> String {
        guard Self.containsDoubleBar(text) else { return text }
        let parts = text.components(separatedBy: "||")
        var visible: [String] = []
        for (index, part) in parts.enumerated() where index % 2 == 0 || index == parts.count - 1 && parts.count % 2 == 0 {
            visible.append(part)
        }
        return visible.joined(separator: " ")
    }

    /// True when `||` occurs (a byte scan: `||` is ASCII, so it cannot be part of another character).
    static func containsDoubleBar(_ text: String) -> Bool {
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if byte == UInt8(ascii: "|"), previous == byte { return true }
            previous = byte
        }
        return false
    }

    public func describeData(of member: MemberRef, context: BotContext) throws -> [String] {
        try context.store.topicReminders(of: member.key).map {
            "Content-warning reminder about \($0.topic): last sent \(LocalTime.iso($0.sentAt))"
        }
    }

    public func forget(_ member: MemberRef, context: BotContext) throws {
        try context.store.deleteTopicReminders(of: member.key)
    }
}
