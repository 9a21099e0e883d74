import Foundation

extension CheckinsFeature {
    /// What a prompt job carries: the occurrence it stands for (its due time
    /// may be later, when quiet hours deferred it).
    struct PromptPayload: Codable {
        var occurrence: Double
    }

    /// Cancels the member's pending prompt and schedules the next occurrence
    /// after `instant` (and not before a pause ends). Returns when it is due.
    @discardableResult
    func reschedule(_ memberKey: String, after instant: Date, context: BotContext) throws -> Date? {
        try context.store.cancelJobs(memberKey: memberKey, kind: Self.promptKind)
        guard let schedule = try context.store.checkinSchedule(of: memberKey) else { return nil }
        let zone = try timeZone(of: memberKey, context: context)
        let quiet = try quietHours(of: memberKey, context: context)
        var cursor = instant
        if let paused = schedule.pausedUntil, paused > instant {
            cursor = paused.addingTimeInterval(-1)  // an occurrence exactly at the pause's end still counts
        }
        // An occurrence that already ran (another process, an earlier run) is
        // never stored again; move on to the one after it.
        for _ in 0..<16 {
            guard let occurrence = schedule.nextOccurrence(after: cursor, in: zone) else { return nil }
            let due = quiet?.deferring(occurrence, in: zone) ?? occurrence
            let payload = String(decoding: try JSONEncoder().encode(PromptPayload(occurrence: occurrence.timeIntervalSince1970)), as: UTF8.self)
            let job = Job(
                kind: Self.promptKind, key: "checkin:\(memberKey):\(LocalTime.iso(occurrence))", memberKey: memberKey,
                dueAt: due, payload: payload, missedPolicy: .withinGrace)
            if try context.store.scheduleOccurrence(job) { return due }
            cursor = occurrence
        }
        return nil
    }

    /// A scheduled prompt: ask privately (unless paused), then schedule the next one.
    public func run(_ job: Job, context: BotContext) throws {
        guard let memberKey = job.memberKey, let member = Self.member(fromKey: memberKey),
            let schedule = try context.store.checkinSchedule(of: memberKey)
        else { return }
        let occurrence = Self.occurrence(of: job)
        if let paused = schedule.pausedUntil, paused > context.now {
            try reschedule(memberKey, after: context.now, context: context)
            return
        }
        try ask(member, context: context, origin: nil, scheduled: true)
        try reschedule(memberKey, after: max(occurrence, context.now), context: context)
    }

    /// A prompt missed while the bot was down is not sent late; the next one is scheduled.
    public func missed(_ job: Job, context: BotContext) throws {
        guard let memberKey = job.memberKey else { return }
        try reschedule(memberKey, after: max(Self.occurrence(of: job), context.now), context: context)
    }

    static func occurrence(of job: Job) -> Date {
        let payload = try? JSONDecoder().decode(PromptPayload.self, from: Data(job.payload.utf8))
        return payload.map { Date(timeIntervalSince1970: $0.occurrence) } ?? job.dueAt
    }
}
