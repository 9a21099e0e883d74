import Foundation

/// Relays pass through the outbox like every message (so they survive faults),
/// and the outbox drops their text once delivered; the audit keeps only that a
/// relay happened and in which direction.
extension EscalationFeature {
    /// `!reply N TEXT`: a facilitator writes to the member, privately, through the bot.
    func reply(_ invocation: CommandInvocation, _ context: BotContext) throws {
        guard let number = Self.ticketNumber(invocation.arguments.first) else {
            throw CommandFailure.usage(hint: "e.g. \(context.prefix)reply 1 Hi, I'm here")
        }
        let text = invocation.command.argumentText.drop(while: { !$0.isWhitespace })
            .trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else {
            throw CommandFailure.usage(hint: "add the message after the ticket number")
        }
        guard var ticket = try context.store.ticket(number: number), ticket.state.isActive else {
            throw CommandFailure.message("There is no open ticket #\(number), so I can't pass a message on. \(context.prefix)tickets lists the open ones.")
        }
        guard let member = ticket.member else {
            throw CommandFailure.message("I can no longer reach the member of ticket #\(number).")
        }
        if ticket.state == .open {
            // Writing to the member means a person has seen the request.
            guard case .acknowledged(let acknowledged) = try acknowledge(number, by: invocation.author, context: context) else {
                throw CommandFailure.message("Ticket #\(number) could not be acknowledged. \(context.prefix)tickets shows its state.")
            }
            ticket = acknowledged
        }
        try context.tell(member, "\(invocation.author.handle) (facilitator): \(text)", lane: .urgent)
        try context.store.appendAudit(
            AuditEvent(
                ticket: number, at: context.now, kind: .relayed, actorKey: invocation.author.key,
                actorHandle: invocation.author.handle, detail: "to the member"))
        let whom = ticket.anonymous ? "the member of ticket #\(number)" : "\(ticket.memberHandle) (ticket #\(number))"
        try context.replyPrivately("Sent privately to \(whom).", to: invocation, lane: .urgent)
    }

    /// A member's private message while their ticket is active goes to the
    /// ticket's facilitators. Returns false when they have no active ticket.
    func relayFromMember(_ message: InboundMessage, context: BotContext) throws -> Bool {
        guard let ticket = try context.store.activeTicket(ofMember: message.author.key) else { return false }
        // A member writing faster than the rate limit still has every message passed on,
        // in the normal lane, so their flood never delays another member's page.
        let lane: OutboxLane = context.notes.overRateLimit ? .normal : .urgent
        try relay(message.text, from: ticket, lane: lane, context: context)
        if ticket.state == .open {
            try context.tell(
                message.author,
                "Passed on to the facilitators with your request #\(ticket.id). No one has answered yet — I'll tell you when someone does.",
                lane: lane)
        }
        return true
    }

    /// Sends the member's words to where the ticket's pages go, mentioning whoever has it.
    func relay(_ text: String, from ticket: Ticket, lane: OutboxLane = .urgent, context: BotContext) throws {
        let destination = EscalationDestination(parsing: ticket.destination) ?? settings.destination
        let mentions = ticket.assignee.map { [$0] }?.filter { $0.platform == destination.platform } ?? []
        try context.emit(
            .page(
                channel: destination.channel, text: "Ticket #\(ticket.id) · \(ticket.shownMember): \(text)", mentions: mentions,
                ticket: ticket.id),
            lane: lane, tag: "ticket:\(ticket.id):relay")
        try context.store.appendAudit(
            AuditEvent(
                ticket: ticket.id, at: context.now, kind: .relayed, actorKey: ticket.anonymous ? nil : ticket.memberKey,
                actorHandle: ticket.shownMember, detail: "to the facilitators"))
    }
}
