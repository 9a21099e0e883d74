import Foundation

/// The space's agreements: `!norms` shows them; they greet new members, come
/// back in busy channels now and then, and a member who posts about a listed
/// topic without a content warning is reminded privately of that agreement.
/// Nobody is called out in public.
public struct AgreementsFeature: Feature {
    /// The job kind that looks at one channel for a periodic reminder.
    public static let periodicKind = "agreements.periodic"

    public let settings: AgreementSettings
    /// Built once from the topic lists, so each message is scanned in one pass.
    let matcher: KeywordMatcher
    /// Channel messages counted between flushes; see `ChannelMessageCounts`.
    let counts = ChannelMessageCounts()

    public init(settings: AgreementSettings) {
        self.settings = settings
        matcher = KeywordMatcher(topics: settings.contentWarnings.topics)
    }

    public var commands: [CommandSpec] {
        [
            CommandSpec(name: "norms", aliases: ["agreements"], summary: "this space's agreements") { invocation, context in
                guard invocation.arguments.isEmpty else { throw CommandFailure.usage(hint: "no arguments needed") }
                try context.reply(Self.text(of: settings), to: invocation)
            }
        ]
    }

    public var jobKinds: [String] { [Self.periodicKind] }

    /// The agreements as one message, numbered.
    public static func text(of settings: AgreementSettings, heading: String = "This space's agreements:") -> String {
        guard !settings.lines.isEmpty else { return "This space hasn't written down its agreements yet." }
        return ([heading] + settings.lines.enumerated().map { "\($0.offset + 1). \($0.element)" }).joined(separator: "\n")
    }

    public func observe(_ message: InboundMessage, command: ParsedCommand?, context: BotContext) throws -> MessageDisposition {
        guard command == nil, !message.channel.isDirect else { return .pass }
        if settings.reminders.covers(message.channel) {
            try countActivity(in: message.channel, context: context)
        }
        // After a crisis-language match the member gets an offer of support, not a nudge.
        if !matcher.isEmpty, !context.notes.crisisLanguage {
            try remindOfContentWarning(message, context: context)
        }
        return .pass
    }

    /// A new member sees the agreements, privately or in the welcome channel.
    public func memberJoined(_ join: MemberJoin, context: BotContext) throws {
        guard !settings.lines.isEmpty else { return }
        let botName = context.configuration.bot.name
        var channel = join.channel
        if !settings.welcomeChannel.isEmpty {
            channel = ChannelRef(
                platform: join.member.platform, space: join.channel?.space, id: settings.welcomeChannel,
                name: settings.welcomeChannel)
        }
        guard settings.welcome != .off else { return }
        if settings.welcome == .channel, let channel {
            let heading = "Welcome, @\(join.member.handle)! I'm \(botName), a bot. This space's agreements:"
            try context.emit(.send(channel: channel, text: Self.text(of: settings, heading: heading)))
            return
        }
        let heading = "Welcome, \(join.member.handle)! I'm \(botName), a bot here. This space's agreements:"
        try context.tell(join.member, Self.text(of: settings, heading: heading) + "\n\(context.prefix)help shows what I can do.")
    }
}
