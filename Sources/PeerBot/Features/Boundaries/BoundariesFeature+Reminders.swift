import Foundation

extension BoundariesFeature {
    /// Whoever mentions or replies to a member with reminders on gets that
    /// member's boundary privately, at most once per pair per cooldown.
    public func observe(_ message: InboundMessage, command: ParsedCommand?, context: BotContext) throws -> MessageDisposition {
        guard command == nil, !message.channel.isDirect, !message.mentions.isEmpty else { return .pass }
        let reader = message.author.key
        var keys: [String] = []
        for mention in message.mentions where mention.key != reader && !keys.contains(mention.key) {
            keys.append(mention.key)
            if keys.count == 20 { break }  // a mass mention is not a conversation with each person
        }
        for boundary in try context.store.remindingBoundaries(of: keys) {
            if let last = try context.store.lastBoundaryReminder(ownerKey: boundary.memberKey, readerKey: reader),
                context.now.timeIntervalSince(last) < settings.reminderCooldown
            {
                continue
            }
            try context.tell(
                message.author,
                "\(boundary.handle) has shared a personal boundary: “\(boundary.text)”. (I mention it at most \(cooldownText).)")
            try context.store.recordBoundaryReminder(ownerKey: boundary.memberKey, readerKey: reader, at: context.now)
        }
        return .pass
    }

    public func describeData(of member: MemberRef, context: BotContext) throws -> [String] {
        var lines: [String] = []
        if let boundary = try context.store.boundary(of: member.key) {
            lines.append("Boundary: “\(boundary.text)” (reminders \(boundary.remind ? "on" : "off"), shown as \(boundary.handle))")
        }
        for reminder in try context.store.boundaryReminders(involving: member.key) {
            lines.append(
                reminder.ownerKey == member.key
                    ? "Your boundary was shown to \(reminder.readerKey) on \(LocalTime.iso(reminder.sentAt))"
                    : "You were shown \(reminder.ownerKey)'s boundary on \(LocalTime.iso(reminder.sentAt))")
        }
        return lines
    }

    public func forget(_ member: MemberRef, context: BotContext) throws {
        try context.store.deleteBoundary(of: member.key)
        try context.store.deleteBoundaryReminders(involving: member.key)
    }
}
