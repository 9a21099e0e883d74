import Foundation
import Logging

/// Crisis-language offers: when a message uses a phrase from the crisis lists,
/// its author alone gets a short, warm private message with crisis lines and
/// the `!facilitator` offer. Never a public reply; the text is never logged or
/// stored (it reaches facilitators only where the space set `share_text`).
public struct CrisisFeature: Feature {
    let matcher: CrisisMatcher
    let settings: CrisisSettings
    let notifyDestination: EscalationDestination
    /// The facilitators' own channels: talk about a member there is not scanned.
    let staffChannels: [EscalationDestination]
    let directory: ResourceDirectory
    let logger: Logger

    public init(
        configuration: BotConfiguration, directory: ResourceDirectory, matcher: CrisisMatcher,
        logger: Logger = Logger(label: "peerbot.crisis")
    ) {
        self.matcher = matcher
        settings = configuration.crisis
        notifyDestination = configuration.crisis.notifyDestination ?? configuration.escalation.destination
        staffChannels = [notifyDestination, configuration.escalation.destination]
            + configuration.escalation.tiers.compactMap(\.destination)
        self.directory = directory
        self.logger = logger
    }

    public var commands: [CommandSpec] {
        [
            CommandSpec(
                name: "crisisscan", arguments: "[off|on]",
                summary: "turn off (or back on) my private check when your words sound like a crisis"
            ) { invocation, context in
                try crisisScan(invocation, context)
            }
        ]
    }

    public func observe(_ message: InboundMessage, command: ParsedCommand?, context: BotContext) throws -> MessageDisposition {
        guard command == nil, !staffChannels.contains(where: { $0.matches(message.channel) }) else { return .pass }
        let policy = settings.policy(for: message.channel)
        guard policy.mode != .off, matcher.matches(message.text) else { return .pass }
        context.notes.crisisLanguage = true
        let author = message.author
        let platform = "\(message.channel.platform)"
        if policy.allowOptOut, try context.store.setting(.crisisScan, of: author.key) == "off" {
            logger.info("crisis language matched; the member opted out of offers", metadata: ["platform": "\(platform)"])
            return .pass
        }
        if let last = try context.store.setting(.crisisOfferAt, of: author.key).flatMap(Double.init),
            context.now.timeIntervalSince1970 - last < settings.cooldown
        {
            logger.info("crisis language matched; offer skipped in cooldown", metadata: ["platform": "\(platform)"])
            return .pass
        }
        let region = try ResourceDirectory.region(of: author, context: context)
        let ticket = try context.store.activeTicket(ofMember: author.key)
        try context.emit(
            .replyPrivately(
                member: author, text: offer(policy: policy, ticket: ticket, region: region, prefix: context.prefix),
                origin: message.origin),
            lane: .urgent)
        try context.store.setSetting(.crisisOfferAt, of: author.key, to: String(Int(context.now.timeIntervalSince1970)))
        if policy.mode == .offerAndNotify {
            try context.emit(.send(channel: notifyDestination.channel, text: notice(message, policy: policy, at: context.now)), lane: .urgent)
        }
        logger.notice("crisis-language offer sent", metadata: ["platform": "\(platform)", "mode": "\(policy.mode.rawValue)"])
        return .pass
    }

    func offer(policy: CrisisSpacePolicy, ticket: Ticket?, region: RegionCode?, prefix: String) -> String {
        var lines = [
            "Something in your message made me want to check in. If things feel really hard right now, you don't have to go through it alone — you can reach people now:",
            directory.crisisLines(region: region),
        ]
        if let ticket {
            lines.append("Your request #\(ticket.id) is open: anything you send me privately goes to the facilitators.")
        } else {
            lines.append("If you'd like a person from the facilitator team to reach out, type \(prefix)facilitator (add anon to leave your name out).")
        }
        var closing = "I'm a bot and only you can see this."
        if policy.allowOptOut { closing += " If I got it wrong, sorry — \(prefix)crisisscan off stops these." }
        lines.append(closing)
        return lines.joined(separator: "\n")
    }

    func notice(_ message: InboundMessage, policy: CrisisSpacePolicy, at now: Date) -> String {
        var text = "Heads-up: I sent \(message.author.handle) a private message with crisis lines after something they wrote in \(message.channel.displayName) at \(TimestampText.minute(now))."
        if policy.shareText {
            text += "\nTheir message: \"\(message.text)\""
        } else {
            text += " Their message is not shared here."
        }
        return text
    }

    func crisisScan(_ invocation: CommandInvocation, _ context: BotContext) throws {
        let policy = settings.policy(for: invocation.channel)
        let key = invocation.author.key
        switch invocation.arguments.map({ $0.lowercased() }) {
        case []:
            let off = try context.store.setting(.crisisScan, of: key) == "off"
            let state: String
            if policy.mode == .off {
                state = "This space doesn't use crisis-language offers."
            } else if off && policy.allowOptOut {
                state = "Crisis-language offers are off for you. \(context.prefix)crisisscan on turns them back on."
            } else {
                state = "Crisis-language offers are on for you: if your words sound like a crisis, I send you (only you) crisis lines."
                    + (policy.allowOptOut ? " \(context.prefix)crisisscan off stops them." : "")
            }
            try context.replyPrivately(state, to: invocation)
        case ["off"]:
            guard policy.allowOptOut else {
                throw CommandFailure.message(
                    "This space has asked me to keep these offers on for everyone, so I can't turn them off for you. They only ever go to you, privately.")
            }
            try context.store.setSetting(.crisisScan, of: key, to: "off")
            try context.replyPrivately(
                "Done: I won't check your messages for crisis language any more. \(context.prefix)crisisscan on turns it back on.",
                to: invocation)
        case ["on"]:
            try context.store.setSetting(.crisisScan, of: key, to: nil)
            try context.replyPrivately("Done: crisis-language offers are on for you again.", to: invocation)
        default:
            throw CommandFailure.usage(hint: "\(context.prefix)crisisscan off or \(context.prefix)crisisscan on")
        }
    }
}
