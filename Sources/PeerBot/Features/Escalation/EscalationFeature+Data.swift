import Foundation

extension EscalationFeature: RetentionPurging {
    public func describeData(of member: MemberRef, context: BotContext) throws -> [String] {
        var lines: [String] = []
        for ticket in try context.store.tickets(ofMember: member.key) {
            var line = "Request for a facilitator #\(ticket.id)\(ticket.anonymous ? " (anonymous)" : ""): opened \(TimestampText.minute(ticket.openedAt))"
            if let assignee = ticket.assigneeHandle { line += ", picked up by \(assignee)" }
            switch ticket.state {
            case .open: line += ", open"
            case .acknowledged: line += ", open"
            case .resolved: line += ", resolved"
            case .cancelled: line += ", withdrawn"
            }
            if let note = ticket.note { line += "; your note: \"\(note)\"" }
            lines.append(line + ".")
        }
        for ticket in try context.store.tickets(assignedTo: member.key) {
            lines.append("As facilitator: ticket #\(ticket.id) (\(ticket.state.isActive ? "open" : ticket.state.rawValue)).")
        }
        let events = try context.store.auditEventCount(involving: member.key)
        if events > 0 {
            lines.append("The ticket audit log names you in \(events) event\(events == 1 ? "" : "s") (what happened and when, never message text).")
        }
        return lines
    }

    /// Withdraws the member's active request and replaces their identity in
    /// every ticket and audit event with one random pseudonym, so the trail
    /// keeps what happened without saying who.
    public func forget(_ member: MemberRef, context: BotContext) throws {
        if var ticket = try context.store.activeTicket(ofMember: member.key) {
            try close(&ticket, as: .cancelled, context: context)
            try context.store.appendAudit(
                AuditEvent(ticket: ticket.id, at: context.now, kind: .cancelled, detail: "the member asked to be forgotten"))
            try post(
                "Ticket #\(ticket.id) was withdrawn: the member asked me to delete their data. Paging stopped.", for: ticket,
                context: context)
        }
        for ticket in try context.store.tickets(assignedTo: member.key) where ticket.state.isActive {
            try post(
                "Ticket #\(ticket.id)'s facilitator asked me to delete their data. Someone please take it over: \(context.prefix)handoff \(ticket.id) NAME",
                for: ticket, context: context)
        }
        let pseudonym = Pseudonym.make()
        try context.store.pseudonymiseTickets(memberKey: member.key, as: pseudonym)
        try context.store.pseudonymiseAudit(memberKey: member.key, as: pseudonym)
    }

    /// Deletes resolved and withdrawn tickets older than `retention.tickets_days`, with their audit events.
    public func purgeExpired(retention: RetentionSettings, context: BotContext) throws -> Int {
        let cutoff = context.now.addingTimeInterval(-Double(retention.ticketsDays) * 86_400)
        return try context.store.deleteClosedTickets(before: cutoff)
    }
}
