import Foundation

extension EscalationFeature {
    /// Whom a page mentioned, and whether they were the on-duty facilitators.
    struct PagedAudience {
        var members: [MemberRef]
        var onDuty: Bool
    }

    /// Queues the page of `tier` (urgent lane, tag `ticket:N:tier:K`), records it,
    /// and schedules the next step of the ladder. A tier whose page is already in
    /// the outbox is never paged again.
    @discardableResult
    func page(_ ticket: inout Ticket, tier: Int, context: BotContext) throws -> PagedAudience {
        let tag = "ticket:\(ticket.id):tier:\(tier)"
        let destination = settings.destination(ofTier: tier)
        let audience = try mentions(forTier: tier, platform: destination.platform, context: context)
        guard try context.store.outboxEntryCount(tag: tag) == 0 else {
            logger.warning("page already queued for this tier; not paging twice", metadata: ["ticket": "\(ticket.id)", "tier": "\(tier)"])
            return audience
        }
        let reactions = destination.platform.acknowledgesByReaction
        let text = tier == 1
            ? EscalationText.firstPage(
                ticket, tiers: settings.tiers.count, now: context.now, prefix: context.prefix, reactions: reactions)
            : EscalationText.repage(
                ticket, tier: tier, tiers: settings.tiers.count, now: context.now, prefix: context.prefix, reactions: reactions)
        try context.emit(
            .page(channel: destination.channel, text: text, mentions: audience.members, ticket: ticket.id), lane: .urgent,
            tag: tag)
        context.count(tier == 1 ? .page : .repage)
        try context.store.appendAudit(
            AuditEvent(ticket: ticket.id, at: context.now, kind: .paged, detail: "tier \(tier) → \(destination)"))
        ticket.tier = tier
        ticket.destination = destination.description
        try scheduleNextStep(&ticket, after: tier, context: context)
        logger.notice("paged", metadata: ["ticket": "\(ticket.id)", "tier": "\(tier)", "destination": "\(destination)"])
        return audience
    }

    /// Schedules the next tier's page, or after the last tier the "no one answered" step.
    func scheduleNextStep(_ ticket: inout Ticket, after tier: Int, context: BotContext) throws {
        let next = tier + 1
        let key = next <= settings.tiers.count ? "ticket:\(ticket.id):tier:\(next)" : "ticket:\(ticket.id):unanswered"
        try context.store.schedule(
            Job(
                kind: Self.repageJobKind, key: key, dueAt: context.now.addingTimeInterval(settings.ackTimeout),
                payload: RepagePayload(ticket: ticket.id, tier: next).json, missedPolicy: .always))
        ticket.pendingJobKey = key
    }

    /// Runs a re-page job: pages the next tier, or tells the member no one has
    /// answered. Does nothing once the ticket is acknowledged or closed.
    func advanceLadder(ticket number: Int, tier: Int, context: BotContext) throws {
        guard var ticket = try context.store.ticket(number: number), ticket.state == .open else { return }
        ticket.pendingJobKey = nil
        if tier <= settings.tiers.count {
            guard tier > ticket.tier else { return }
            try page(&ticket, tier: tier, context: context)
        } else if !ticket.unanswered {
            try reportUnanswered(&ticket, context: context)
        }
        try context.store.updateTicket(ticket)
    }

    /// The last tier timed out: the member is told plainly, with crisis lines,
    /// and the facilitators get a last notice. The ticket stays open.
    func reportUnanswered(_ ticket: inout Ticket, context: BotContext) throws {
        ticket.unanswered = true
        context.count(.unanswered)
        try context.store.appendAudit(
            AuditEvent(ticket: ticket.id, at: context.now, kind: .unanswered, detail: "after \(settings.tiers.count) tiers"))
        let tag = "ticket:\(ticket.id):unanswered"
        let destination = EscalationDestination(parsing: ticket.destination) ?? settings.destination
        if try context.store.outboxEntryCount(tag: tag) == 0 {
            let everyone = try allFacilitators(context: context) + settings.backup
            try context.emit(
                .page(
                    channel: destination.channel,
                    text: EscalationText.unansweredNotice(ticket, tiers: settings.tiers.count, now: context.now, prefix: context.prefix),
                    mentions: members(everyone, on: destination.platform, context: context), ticket: ticket.id),
                lane: .urgent, tag: tag)
        }
        if let member = ticket.member {
            let region = try ResourceDirectory.region(of: member, context: context)
            try context.tell(
                member, EscalationText.unansweredToMember(ticket, crisisLines: directory.crisisLines(region: region)),
                lane: .urgent, tag: "ticket:\(ticket.id):member-unanswered")
        }
        logger.warning("ticket unanswered after the last tier", metadata: ["ticket": "\(ticket.id)"])
    }

    /// Cancels whatever step of the ladder is pending.
    func stopLadder(_ ticket: inout Ticket, context: BotContext) throws {
        if let key = ticket.pendingJobKey { try context.store.cancelJob(key: key) }
        // Belt and braces: every key the ladder could still use.
        for tier in (ticket.tier + 1)...max(ticket.tier + 1, settings.tiers.count) {
            try context.store.cancelJob(key: "ticket:\(ticket.id):tier:\(tier)")
        }
        try context.store.cancelJob(key: "ticket:\(ticket.id):unanswered")
        ticket.pendingJobKey = nil
    }

    /// Whom tier `tier` mentions on `platform`.
    func mentions(forTier tier: Int, platform: Platform, context: BotContext) throws -> PagedAudience {
        guard settings.tiers.indices.contains(tier - 1) else { return PagedAudience(members: [], onDuty: false) }
        let rung = settings.tiers[tier - 1]
        var keys: [String]
        var onDuty = false
        switch rung.mention {
        case .onDuty:
            let entries = try roster.onDuty(at: context.now, store: context.store)
            onDuty = !entries.isEmpty
            keys = onDuty ? entries.map(\.member.key) : try allFacilitators(context: context)
        case .all:
            keys = try allFacilitators(context: context)
        case .backup:
            keys = settings.backup.isEmpty ? try allFacilitators(context: context) : settings.backup
        case .none:
            keys = []
        }
        return PagedAudience(members: try members(keys + rung.members, on: platform, context: context), onDuty: onDuty)
    }

    /// Every facilitator: the configured list and anyone on duty now.
    func allFacilitators(context: BotContext) throws -> [String] {
        settings.facilitators + (try roster.onDuty(at: context.now, store: context.store).map(\.member.key))
    }

    /// Member keys as mentions on one platform, without repeats, with the handles the rota knows.
    func members(_ keys: [String], on platform: Platform, context: BotContext) throws -> [MemberRef] {
        var seen: Set<String> = []
        var result: [MemberRef] = []
        for key in keys where seen.insert(key).inserted {
            let handle = try context.store.rotaStatus(of: key)?.handle
            guard let member = MemberRef(key: key, handle: handle), member.platform == platform else { continue }
            result.append(member)
        }
        return result
    }

    /// Posts a notice where the ticket's pages went (urgent: facilitators act on it).
    func post(_ text: String, for ticket: Ticket, mentioning: [MemberRef] = [], context: BotContext) throws {
        let destination = EscalationDestination(parsing: ticket.destination) ?? settings.destination
        let mentions = mentioning.filter { $0.platform == destination.platform }
        if mentions.isEmpty {
            try context.emit(.send(channel: destination.channel, text: text), lane: .urgent)
        } else {
            try context.emit(
                .page(channel: destination.channel, text: text, mentions: mentions, ticket: ticket.id), lane: .urgent,
                tag: "ticket:\(ticket.id):notice")
        }
    }
}
