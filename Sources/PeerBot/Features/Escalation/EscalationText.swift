import Foundation

/// What the escalation feature says. Member-facing text is warm, brief and
/// honest: it never says a person has seen a request before one acknowledged it.
enum EscalationText {
    /// `just now`, `5m ago`
    static func age(_ seconds: TimeInterval) -> String {
        seconds < 60 ? "just now" : "\(DurationText.format(seconds)) ago"
    }

    /// `alice · from #general · note: "rough night"`
    static func summary(_ ticket: Ticket) -> String {
        var parts = [ticket.shownMember, "from \(ticket.origin)"]
        if let note = ticket.note { parts.append("note: \"\(note)\"") }
        return parts.joined(separator: " · ")
    }

    static func firstPage(_ ticket: Ticket, tiers: Int, now: Date, prefix: String, reactions: Bool) -> String {
        var detail = ["From \(ticket.origin)", age(now.timeIntervalSince(ticket.openedAt))]
        if let note = ticket.note { detail.append("note: \"\(note)\"") }
        return """
            Ticket #\(ticket.id): \(ticket.anonymous ? "a member (anonymous)" : ticket.memberHandle) asked for a facilitator.
            \(detail.joined(separator: " · "))
            \(takeIt(ticket, prefix: prefix, reactions: reactions)) Tier 1 of \(tiers).
            """
    }

    static func repage(_ ticket: Ticket, tier: Int, tiers: Int, now: Date, prefix: String, reactions: Bool) -> String {
        """
        Ticket #\(ticket.id) still has no answer after \(DurationText.format(now.timeIntervalSince(ticket.openedAt))) — tier \(tier) of \(tiers).
        \(summary(ticket))
        \(takeIt(ticket, prefix: prefix, reactions: reactions))
        """
    }

    /// `Take it with !ack 3 (or react ✅).` — the reaction only where the platform has one.
    static func takeIt(_ ticket: Ticket, prefix: String, reactions: Bool) -> String {
        "Take it with \(prefix)ack \(ticket.id)\(reactions ? " (or react ✅)" : "")."
    }

    static func unansweredNotice(_ ticket: Ticket, tiers: Int, now: Date, prefix: String) -> String {
        let who = ticket.anonymous ? "The member" : ticket.memberHandle
        return """
            Ticket #\(ticket.id) has had no answer after \(DurationText.format(now.timeIntervalSince(ticket.openedAt))) and all \(tiers) tiers. \(who) has been told no one has answered yet.
            It stays at the top of \(prefix)tickets — \(prefix)ack \(ticket.id) to take it.
            """
    }

    static func confirmation(
        _ ticket: Ticket, paged: String, crisisLines: String, prefix: String
    ) -> String {
        var shared: String
        if ticket.anonymous {
            shared = "Shared with them: that someone asked in \(ticket.origin)"
            shared += ticket.note.map { " and your note (\"\($0)\"). Not your name." } ?? ". Not your name."
        } else {
            shared = "Shared with them: your name (\(ticket.memberHandle))"
            shared += ticket.note.map { ", that you asked in \(ticket.origin), and your note (\"\($0)\")." }
                ?? " and that you asked in \(ticket.origin)."
        }
        return """
            I've paged \(paged) (request #\(ticket.id)). No one has seen it yet — I'll tell you when someone does.
            \(shared)
            If you need someone sooner:
            \(crisisLines)
            Anything you send me privately now goes to them. To withdraw the request: \(prefix)cancel
            """
    }

    static func acknowledgedToMember(_ ticket: Ticket, by facilitator: MemberRef) -> String {
        "\(facilitator.handle), a facilitator, has seen your request #\(ticket.id) and picked it up. Write to me here and I'll pass it on; their replies will come here too."
    }

    static func acknowledgedNotice(_ ticket: Ticket, by facilitator: MemberRef, now: Date) -> String {
        "Ticket #\(ticket.id): \(facilitator.handle) has it (acknowledged after \(DurationText.format(now.timeIntervalSince(ticket.openedAt)))). Paging stopped."
    }

    static func unansweredToMember(_ ticket: Ticket, crisisLines: String) -> String {
        """
        I'm sorry — no facilitator has answered your request #\(ticket.id) yet. I'm keeping it open and will tell you as soon as someone does.
        Please don't wait for us if you need someone now:
        \(crisisLines)
        """
    }

    static func stillOpen(_ ticket: Ticket, timeout: TimeInterval, prefix: String) -> String {
        if ticket.state == .acknowledged, let assignee = ticket.assigneeHandle {
            return "Your request #\(ticket.id) is with \(assignee). Write to me privately and I'll pass it on."
        }
        let paging = ticket.unanswered
            ? "No one has answered yet; it stays at the top of the facilitators' list."
            : "No one has answered yet, and I page again every \(DurationText.format(timeout))."
        return "Your request #\(ticket.id) is still open. \(paging) Anything you send me privately goes to the facilitators. To withdraw it: \(prefix)cancel"
    }
}
