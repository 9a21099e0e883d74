import Foundation
import Logging

/// Gets a human facilitator to a member who asks for one, and never lets the
/// request go unanswered silently.
///
/// `!facilitator` writes the ticket, its audit event, the first page and the
/// first re-page job in the command's one transaction, and only then queues
/// the member's confirmation, so the member is never told "paged" about a page
/// that was not stored. Re-page jobs have a unique key per tier and run at
/// most once (the scheduler marks them done in the transaction that queues the
/// page), and a page is never queued twice for the same tier tag.
public struct EscalationFeature: Feature {
    /// The job kind of re-pages (and of the final "no one answered" step).
    public static let repageJobKind = "escalation.repage"

    let settings: EscalationSettings
    let roster: OnDutyRoster
    let directory: ResourceDirectory
    let logger: Logger

    public init(
        configuration: BotConfiguration, directory: ResourceDirectory,
        logger: Logger = Logger(label: "peerbot.escalation")
    ) {
        settings = configuration.escalation
        roster = OnDutyRoster(settings: configuration.rota)
        self.directory = directory
        self.logger = logger
    }

    public var commands: [CommandSpec] {
        [
            CommandSpec(
                name: "facilitator", aliases: ["escalate", "human"], arguments: "[anon] [NOTE]",
                summary: "ask for a human facilitator to reach out to you privately (anon leaves your name out)",
                escalates: true
            ) { invocation, context in try request(invocation, context) },
            CommandSpec(
                name: "cancel", aliases: ["withdraw"], arguments: "[N]",
                summary: "withdraw your request for a facilitator"
            ) { invocation, context in try cancel(invocation, context) },
            CommandSpec(
                name: "ack", aliases: ["claim"], arguments: "N",
                summary: "take ticket N: the ladder stops and the member is told someone has it", minimumRole: .facilitator
            ) { invocation, context in try ack(invocation, context) },
            CommandSpec(
                name: "reply", arguments: "N TEXT",
                summary: "send the member of ticket N a private message through me", minimumRole: .facilitator
            ) { invocation, context in try reply(invocation, context) },
            CommandSpec(
                name: "handoff", arguments: "N NAME",
                summary: "pass ticket N to another facilitator", minimumRole: .facilitator
            ) { invocation, context in try handoff(invocation, context) },
            CommandSpec(
                name: "resolve", arguments: "N [NOTE]",
                summary: "close ticket N (the note goes to the facilitators, not stored)", minimumRole: .facilitator
            ) { invocation, context in try resolve(invocation, context) },
            CommandSpec(
                name: "tickets", summary: "open tickets, unanswered first, with age and state", minimumRole: .facilitator
            ) { invocation, context in try tickets(invocation, context) },
        ]
    }

    public var jobKinds: [String] { [Self.repageJobKind] }

    public func run(_ job: Job, context: BotContext) throws {
        guard let payload = RepagePayload(json: job.payload) else {
            logger.error("unreadable re-page job", metadata: ["job": "\(job.key)"])
            return
        }
        try advanceLadder(ticket: payload.ticket, tier: payload.tier, context: context)
    }

    public func observe(_ message: InboundMessage, command: ParsedCommand?, context: BotContext) throws -> MessageDisposition {
        guard command == nil, message.channel.isDirect else { return .pass }
        return try relayFromMember(message, context: context) ? .handled : .pass
    }

    public func reacted(_ reaction: InboundReaction, context: BotContext) throws {
        guard Self.acknowledgementEmoji.contains(reaction.emoji),
            let tag = try context.store.outboxTag(forDeliveredMessage: reaction.messageID, on: reaction.channel.platform),
            let number = Self.ticketNumber(fromTag: tag)
        else { return }
        guard reaction.memberRole >= .facilitator else {
            logger.notice("acknowledgement reaction from a non-facilitator ignored", metadata: ["ticket": "\(number)"])
            return
        }
        switch try acknowledge(number, by: reaction.member, context: context) {
        case .acknowledged, .alreadyYours:
            break
        case .refused(let explanation):
            try context.tell(reaction.member, explanation)
        }
    }

    /// Reactions that acknowledge a page (✅ and the names platforms give it).
    static let acknowledgementEmoji: Set<String> = ["✅", "✔️", "✔", "☑️", "white_check_mark", ":white_check_mark:"]

    /// The ticket number in an outbox tag (`ticket:3:tier:2` → 3).
    static func ticketNumber(fromTag tag: String) -> Int? {
        let parts = tag.split(separator: ":")
        guard parts.count >= 2, parts[0] == "ticket" else { return nil }
        return Int(parts[1])
    }

    /// A ticket number as typed: `3` or `#3`.
    static func ticketNumber(_ text: String?) -> Int? {
        guard var text else { return nil }
        if text.hasPrefix("#") { text.removeFirst() }
        guard let number = Int(text), number > 0 else { return nil }
        return number
    }
}
