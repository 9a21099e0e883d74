import Foundation

extension CheckinsFeature {
    /// Asks privately and listens for the member's next private message.
    func ask(_ member: MemberRef, context: BotContext, origin: MessageOrigin?, scheduled: Bool = false) throws {
        let until = context.now.addingTimeInterval(settings.answerWindow)
        try context.store.setSetting(.checkinAwaitingUntil, of: member.key, to: String(until.timeIntervalSince1970))
        let question = "How are you doing, 1–5 or a few words?"
        let text =
            scheduled
            ? "Hi, it's your check-in time. \(question) Just reply here; only you see it. (\(context.prefix)checkin pause 2d or \(context.prefix)checkin off whenever you like.)"
            : "\(question) Reply to me privately within \(LocalTime.spoken(settings.answerWindow)); only you see it."
        try context.emit(.replyPrivately(member: member, text: text, origin: origin))
    }

    /// `!checkin 3 tired but ok`, `!checkin rough day`.
    func record(_ invocation: CommandInvocation, _ context: BotContext) throws {
        let text = invocation.command.argumentText
        switch CheckinAnswer.parse(text, maxNoteLength: settings.maxNoteLength) {
        case .scoreOutOfRange(let typed):
            throw CommandFailure.message(
                "\"\(typed.prefix(12))\" isn't a score I can keep: a check-in is 1 to 5 (1 = very low, 5 = very good), like \(context.prefix)checkin 3 or \(context.prefix)checkin 2 rough day.")
        case .noteTooLong(let length):
            throw CommandFailure.message(
                "A check-in note can be up to \(settings.maxNoteLength) characters; yours has \(length). Please shorten it.")
        case .empty:
            try ask(invocation.author, context: context, origin: invocation.origin)
        case .entry(let score, let note):
            if score == nil, let suggestion = Self.subcommandSuggestion(for: invocation.arguments) {
                throw CommandFailure.message(
                    "Did you mean \(context.prefix)checkin \(suggestion)? (If that was a note, start it with a score, like \(context.prefix)checkin 3 …)")
            }
            try save(score: score, note: note, for: invocation.author, context: context, origin: invocation.origin)
        }
    }

    /// A typo of a subcommand (`!checkin dayly 20:00`) would otherwise be kept as a note.
    static func subcommandSuggestion(for arguments: [String]) -> String? {
        guard let first = arguments.first?.lowercased(), first.count >= 4 else { return nil }
        return subcommands.first { EditDistance.between(first, $0, limit: 1) <= 1 }
    }

    /// Stores a check-in, stops listening for an answer, and thanks the member.
    func save(score: Int?, note: String?, for member: MemberRef, context: BotContext, origin: MessageOrigin?) throws {
        try context.store.addCheckin(CheckinEntry(memberKey: member.key, score: score, note: note, createdAt: context.now))
        try context.store.setSetting(.checkinAwaitingUntil, of: member.key, to: nil)
        try context.emit(
            .replyPrivately(member: member, text: Self.acknowledgement(score: score, prefix: context.prefix), origin: origin))
    }

    /// Kind, brief, never clinical. A 1 offers help lines and a person, and does nothing more on its own.
    static func acknowledgement(score: Int?, prefix: String) -> String {
        switch score {
        case 1:
            "Thank you for telling me — 1/5. I'm sorry things are this hard right now. If it would help, \(prefix)resources lists help lines, and \(prefix)facilitator asks a person from this space to reach out to you. Only if and when you want."
        case 2:
            "Thanks for checking in — 2/5. That sounds like a hard day; go gently with yourself."
        case 5:
            "Thanks for checking in — 5/5. I'm glad today feels good."
        case let value?:
            "Thanks for checking in — \(value)/5. Noted, just for you."
        case nil:
            "Thanks for checking in. Noted, just for you."
        }
    }

    /// A private message while a question is open is the answer.
    public func observe(_ message: InboundMessage, command: ParsedCommand?, context: BotContext) throws -> MessageDisposition {
        guard command == nil, message.channel.isDirect else { return .pass }
        let key = message.author.key
        guard let value = try context.store.setting(.checkinAwaitingUntil, of: key) else { return .pass }
        guard let until = Double(value), context.now.timeIntervalSince1970 <= until else {
            try context.store.setSetting(.checkinAwaitingUntil, of: key, to: nil)
            return .pass
        }
        switch CheckinAnswer.parse(message.text, maxNoteLength: settings.maxNoteLength) {
        case .entry(let score, let note):
            try save(score: score, note: note, for: message.author, context: context, origin: message.origin)
        case .scoreOutOfRange:
            try context.tell(message.author, "A score is 1 to 5 — or just a few words. I'm still listening.")
        case .noteTooLong(let length):
            try context.tell(
                message.author,
                "That's \(length) characters; a check-in note can be up to \(settings.maxNoteLength). Could you say it shorter?")
        case .empty:
            return .pass
        }
        return .handled
    }

    /// `!checkin history`: the last entries, oldest first, with a small trend.
    func history(_ invocation: CommandInvocation, _ context: BotContext) throws {
        guard invocation.arguments.count == 1 else { throw CommandFailure.usage(hint: "\(context.prefix)checkin history") }
        let entries = try context.store.checkins(of: invocation.author.key, limit: Self.historyLength).reversed()
        guard !entries.isEmpty else {
            try context.replyPrivately(
                "You have no check-ins yet. Try \(context.prefix)checkin 3, or \(context.prefix)checkin daily 20:00 for a gentle daily question.",
                to: invocation)
            return
        }
        let zone = try timeZone(of: invocation.author.key, context: context)
        let count = entries.count
        var lines = ["Your last \(count == 1 ? "check-in" : "\(count) check-ins"), only for you: \(entries.map(\.trendSymbol).joined())"]
        for entry in entries {
            var parts = [LocalTime.format(entry.createdAt, in: zone)]
            if let score = entry.score { parts.append("\(score)/5") }
            if let note = entry.note { parts.append(note) }
            lines.append(parts.joined(separator: " — "))
        }
        try context.replyPrivately(lines.joined(separator: "\n"), to: invocation)
    }
}
