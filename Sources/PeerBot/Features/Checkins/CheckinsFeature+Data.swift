import Foundation

extension CheckinsFeature {
    /// Check-ins, schedule, pause, time zone, quiet hours, an open question, pending prompts.
    public func describeData(of member: MemberRef, context: BotContext) throws -> [String] {
        let key = member.key
        let store = context.store
        var lines: [String] = []
        let entries = try store.checkins(of: key, limit: nil)
        if !entries.isEmpty {
            lines.append("Check-ins (\(entries.count)), oldest first:")
            for entry in entries.reversed() {
                var parts = [LocalTime.iso(entry.createdAt)]
                if let score = entry.score { parts.append("\(score)/5") }
                if let note = entry.note { parts.append(note) }
                lines.append("  " + parts.joined(separator: " — "))
            }
        }
        if let schedule = try store.checkinSchedule(of: key) {
            var line = "Check-in schedule: \(schedule.rhythm)"
            if let paused = schedule.pausedUntil { line += ", paused until \(LocalTime.iso(paused))" }
            lines.append(line)
        }
        for job in try store.pendingJobs(memberKey: key) where job.kind == Self.promptKind {
            lines.append("Next check-in question: \(LocalTime.iso(job.dueAt))")
        }
        if let zone = try store.setting(.timeZone, of: key) { lines.append("Time zone: \(zone)") }
        if let quiet = try store.setting(.quietHours, of: key) { lines.append("Quiet hours: \(quiet)") }
        if let until = try store.setting(.checkinAwaitingUntil, of: key).flatMap(Double.init) {
            lines.append("Waiting for your answer to a check-in question until \(LocalTime.iso(Date(timeIntervalSince1970: until)))")
        }
        return lines
    }

    /// Deletes all of it and cancels pending prompts.
    public func forget(_ member: MemberRef, context: BotContext) throws {
        let key = member.key
        try context.store.deleteCheckins(of: key)
        try context.store.deleteCheckinSchedule(of: key)
        try context.store.cancelJobs(memberKey: key, kind: Self.promptKind)
        for setting in [MemberSetting.timeZone, .quietHours, .checkinAwaitingUntil] {
            try context.store.setSetting(setting, of: key, to: nil)
        }
    }
}
