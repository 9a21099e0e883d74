import Foundation

extension EscalationFeature {
    /// `!facilitator [anon] [NOTE]`: opens a ticket and pages tier 1.
    func request(_ invocation: CommandInvocation, _ context: BotContext) throws {
        var text = Substring(invocation.command.argumentText)
        var anonymous = false
        if let first = invocation.arguments.first, ["anon", "anonymous"].contains(first.lowercased()) {
            anonymous = true
            text = text.drop(while: { !$0.isWhitespace }).drop(while: \.isWhitespace)
        }
        let note = shortened(String(text))
        let author = invocation.author

        if let existing = try context.store.activeTicket(ofMember: author.key) {
            // One active request per member: repeat its state, and pass any new note on as a message.
            // Repeats from a member over the rate limit go in the normal lane: delivered all
            // the same, but never ahead of another member's page.
            let lane: OutboxLane = invocation.overRateLimit ? .normal : .urgent
            if let note {
                try relay(note, from: existing, lane: lane, context: context)
            }
            try context.replyPrivately(
                EscalationText.stillOpen(existing, timeout: settings.ackTimeout, prefix: context.prefix), to: invocation,
                lane: lane)
            return
        }

        var ticket = Ticket(
            memberKey: author.key, memberHandle: author.handle, anonymous: anonymous,
            origin: invocation.channel.displayName, note: note,
            destination: settings.destination(ofTier: 1).description, openedAt: context.now)
        ticket.id = try context.store.insertTicket(ticket)
        try context.store.appendAudit(
            AuditEvent(
                ticket: ticket.id, at: context.now, kind: .opened, actorKey: anonymous ? nil : author.key,
                actorHandle: ticket.shownMember, detail: anonymous ? "anonymous" : nil))
        let paged = try page(&ticket, tier: 1, context: context)
        try context.store.updateTicket(ticket)
        logger.notice("ticket opened", metadata: ["ticket": "\(ticket.id)", "platform": "\(author.platform)"])

        // Only now, after the ticket, its page and its re-page job are written, is the member told.
        let region = try ResourceDirectory.region(of: author, context: context)
        try context.replyPrivately(
            EscalationText.confirmation(
                ticket, paged: pagedDescription(paged), crisisLines: directory.crisisLines(region: region),
                prefix: context.prefix),
            to: invocation, lane: .urgent)
    }

    /// `!cancel [N]`: the member withdraws their request.
    func cancel(_ invocation: CommandInvocation, _ context: BotContext) throws {
        guard invocation.arguments.count <= 1 else { throw CommandFailure.usage(hint: "the request number is optional") }
        guard var ticket = try context.store.activeTicket(ofMember: invocation.author.key) else {
            throw CommandFailure.message("You have no open request for a facilitator. If you'd like one, type \(context.prefix)facilitator.")
        }
        if let typed = invocation.arguments.first {
            guard let number = Self.ticketNumber(typed), number == ticket.id else {
                throw CommandFailure.message("Your open request is #\(ticket.id). To withdraw it: \(context.prefix)cancel")
            }
        }
        try close(&ticket, as: .cancelled, context: context)
        try context.store.appendAudit(
            AuditEvent(
                ticket: ticket.id, at: context.now, kind: .cancelled, actorKey: ticket.anonymous ? nil : invocation.author.key,
                actorHandle: ticket.anonymous ? "anonymous" : invocation.author.handle, detail: "withdrawn by the member"))
        try post("Ticket #\(ticket.id) was withdrawn by the member. Paging stopped.", for: ticket, context: context)
        try context.replyPrivately(
            "Withdrawn: request #\(ticket.id) is closed and I've let the facilitators know. If you'd like someone later, type \(context.prefix)facilitator.",
            to: invocation, lane: .urgent)
    }

    /// Closes a ticket: stops the ladder, drops the note, and for an anonymous
    /// ticket drops the member's identity (nothing more is relayed).
    func close(_ ticket: inout Ticket, as state: TicketState, context: BotContext) throws {
        try stopLadder(&ticket, context: context)
        ticket.state = state
        ticket.closedAt = context.now
        ticket.note = nil
        if ticket.anonymous {
            ticket.memberKey = "anonymous"
            ticket.memberHandle = "anonymous"
        }
        try context.store.updateTicket(ticket)
    }

    /// The note as pages carry it: trimmed, nil when empty, shortened when long.
    func shortened(_ text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines).replacingOccurrences(of: "\n", with: " ")
        guard !trimmed.isEmpty else { return nil }
        guard trimmed.count > settings.maxNoteLength else { return trimmed }
        return String(trimmed.prefix(settings.maxNoteLength)) + "…"
    }

    /// Who was paged, as the member is told: roles unless names are configured.
    func pagedDescription(_ paged: PagedAudience) -> String {
        if settings.showPagedNames, !paged.members.isEmpty {
            let names = paged.members.map(\.handle)
            return names.count == 1 ? names[0] : names.dropLast().joined(separator: ", ") + " and " + names[names.count - 1]
        }
        return paged.onDuty ? "the facilitators on duty" : "the facilitators"
    }
}
