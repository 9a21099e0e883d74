import Foundation

extension EscalationFeature {
    /// What an acknowledgement did.
    enum AcknowledgeOutcome: Equatable {
        case acknowledged(Ticket)
        case alreadyYours
        /// Nothing changed; the text says why.
        case refused(String)
    }

    /// `!ack N`
    func ack(_ invocation: CommandInvocation, _ context: BotContext) throws {
        guard invocation.arguments.count == 1, let number = Self.ticketNumber(invocation.arguments.first) else {
            throw CommandFailure.usage(hint: "the ticket number, e.g. \(context.prefix)ack 1")
        }
        switch try acknowledge(number, by: invocation.author, context: context) {
        case .acknowledged(let ticket):
            if EscalationDestination(parsing: ticket.destination)?.matches(invocation.channel) != true {
                try context.replyPrivately(
                    "Done: ticket #\(ticket.id) is yours. Write to the member with \(context.prefix)reply \(ticket.id) TEXT.",
                    to: invocation, lane: .urgent)
            }
        case .alreadyYours:
            try context.replyPrivately("You already have ticket #\(number).", to: invocation)
        case .refused(let explanation):
            throw CommandFailure.message(explanation)
        }
    }

    /// Acknowledges a ticket for `facilitator`: the ladder stops at once, the
    /// facilitators see who has it, and the member is told a person has seen it.
    func acknowledge(_ number: Int, by facilitator: MemberRef, context: BotContext) throws -> AcknowledgeOutcome {
        guard var ticket = try context.store.ticket(number: number) else {
            return .refused("There is no ticket #\(number). \(context.prefix)tickets lists the open ones.")
        }
        switch ticket.state {
        case .resolved, .cancelled:
            return .refused("Ticket #\(number) is already closed (\(ticket.state == .resolved ? "resolved" : "withdrawn")).")
        case .acknowledged:
            if ticket.assigneeKey == facilitator.key { return .alreadyYours }
            return .refused(
                "Ticket #\(number) is already with \(ticket.assigneeHandle ?? "another facilitator"). To take it over: \(context.prefix)handoff \(number) \(facilitator.handle)")
        case .open:
            break
        }
        try stopLadder(&ticket, context: context)
        ticket.state = .acknowledged
        ticket.acknowledgedAt = context.now
        ticket.assigneeKey = facilitator.key
        ticket.assigneeHandle = facilitator.handle
        try context.store.updateTicket(ticket)
        try context.store.appendAudit(
            AuditEvent(
                ticket: number, at: context.now, kind: .acknowledged, actorKey: facilitator.key,
                actorHandle: facilitator.handle))
        try post(EscalationText.acknowledgedNotice(ticket, by: facilitator, now: context.now), for: ticket, context: context)
        if let member = ticket.member {
            try context.tell(member, EscalationText.acknowledgedToMember(ticket, by: facilitator), lane: .urgent)
        }
        logger.notice("ticket acknowledged", metadata: ["ticket": "\(number)"])
        return .acknowledged(ticket)
    }

    /// `!handoff N NAME`
    func handoff(_ invocation: CommandInvocation, _ context: BotContext) throws {
        guard invocation.arguments.count == 2, let number = Self.ticketNumber(invocation.arguments[0]) else {
            throw CommandFailure.usage(hint: "e.g. \(context.prefix)handoff 1 riley")
        }
        let target = try facilitator(named: invocation.arguments[1], near: invocation.author, context: context)
        guard var ticket = try context.store.ticket(number: number), ticket.state.isActive else {
            throw CommandFailure.message("There is no open ticket #\(number). \(context.prefix)tickets lists the open ones.")
        }
        if ticket.assigneeKey == target.key {
            throw CommandFailure.message("Ticket #\(number) is already with \(target.handle).")
        }
        if ticket.state == .open {
            // Whoever hands it on has seen it: that acknowledges it first.
            guard case .acknowledged(let acknowledged) = try acknowledge(number, by: invocation.author, context: context) else {
                throw CommandFailure.message("Ticket #\(number) could not be handed off. \(context.prefix)tickets shows its state.")
            }
            ticket = acknowledged
        }
        let previous = ticket.assigneeHandle ?? invocation.author.handle
        ticket.assigneeKey = target.key
        ticket.assigneeHandle = target.handle
        try context.store.updateTicket(ticket)
        try context.store.appendAudit(
            AuditEvent(
                ticket: number, at: context.now, kind: .handedOff, actorKey: invocation.author.key,
                actorHandle: invocation.author.handle, targetKey: target.key, targetHandle: target.handle))
        try post(
            "Ticket #\(number) handed from \(previous) to \(target.handle). \(target.handle), it's yours: \(context.prefix)reply \(number) TEXT reaches the member.",
            for: ticket, mentioning: [target], context: context)
        if let member = ticket.member {
            try context.tell(
                member, "Your request #\(number) is now with \(target.handle), another facilitator. Write to me here as before.",
                lane: .urgent)
        }
    }

    /// `!resolve N [NOTE]`
    func resolve(_ invocation: CommandInvocation, _ context: BotContext) throws {
        guard let number = Self.ticketNumber(invocation.arguments.first) else {
            throw CommandFailure.usage(hint: "the ticket number, e.g. \(context.prefix)resolve 1")
        }
        guard var ticket = try context.store.ticket(number: number), ticket.state.isActive else {
            throw CommandFailure.message("There is no open ticket #\(number). \(context.prefix)tickets lists the open ones.")
        }
        let member = ticket.member
        try close(&ticket, as: .resolved, context: context)
        try context.store.appendAudit(
            AuditEvent(
                ticket: number, at: context.now, kind: .resolved, actorKey: invocation.author.key,
                actorHandle: invocation.author.handle))
        let note = invocation.command.argumentText.drop(while: { !$0.isWhitespace }).trimmingCharacters(in: .whitespacesAndNewlines)
        try post(
            "Ticket #\(number) resolved by \(invocation.author.handle)." + (note.isEmpty ? "" : " Note: \(note)"),
            for: ticket, context: context)
        if let member {
            try context.tell(
                member,
                "Your request #\(number) is now closed. Thank you for reaching out — if you'd like someone again, type \(context.prefix)facilitator.")
        }
    }

    /// `!tickets`: open tickets, unanswered first, then waiting, then acknowledged; oldest first within each.
    func tickets(_ invocation: CommandInvocation, _ context: BotContext) throws {
        let active = try context.store.activeTickets()
        guard !active.isEmpty else {
            try context.replyPrivately("No open tickets.", to: invocation)
            return
        }
        func rank(_ ticket: Ticket) -> Int { ticket.state == .acknowledged ? 2 : (ticket.unanswered ? 0 : 1) }
        let ordered = active.sorted { (rank($0), $0.openedAt, $0.id) < (rank($1), $1.openedAt, $1.id) }
        var lines = ["Open tickets (\(ordered.count)), most urgent first:"]
        for ticket in ordered {
            let waited = DurationText.format(context.now.timeIntervalSince(ticket.openedAt))
            let state: String
            switch (ticket.state, ticket.unanswered) {
            case (.acknowledged, _): state = "with \(ticket.assigneeHandle ?? "a facilitator") · opened \(waited) ago"
            case (_, true): state = "NO ANSWER after all \(settings.tiers.count) tiers · waiting \(waited)"
            default: state = "waiting \(waited) · paged tier \(ticket.tier) of \(settings.tiers.count)"
            }
            lines.append("#\(ticket.id) · \(state) · \(EscalationText.summary(ticket))")
        }
        try context.replyPrivately(lines.joined(separator: "\n"), to: invocation)
    }

    /// The facilitator a `!handoff` names: `riley`, `@riley`, or a member key.
    func facilitator(named name: String, near author: MemberRef, context: BotContext) throws -> MemberRef {
        var text = name
        if text.hasPrefix("@") { text.removeFirst() }
        let candidate = text.contains(":") && MemberKeyFormat.isValid(text)
            ? MemberRef(key: text) : MemberRef(platform: author.platform, id: text, handle: text)
        guard let candidate, !text.isEmpty else {
            throw CommandFailure.message("\"\(name.prefix(40))\" is not a name I can hand a ticket to.")
        }
        let known = Set(try allFacilitators(context: context) + settings.backup + roster.settings.shifts.map(\.member))
        guard known.isEmpty || known.contains(candidate.key) else {
            let names = known.compactMap { MemberRef(key: $0) }.filter { $0.platform == author.platform }.map(\.id).sorted()
            throw CommandFailure.message(
                "I don't know \(text.prefix(40)) as a facilitator." + (names.isEmpty ? "" : " Facilitators: \(names.joined(separator: ", ")).")
            )
        }
        let handle = try context.store.rotaStatus(of: candidate.key)?.handle ?? candidate.handle
        return MemberRef(platform: candidate.platform, id: candidate.id, handle: handle)
    }
}
