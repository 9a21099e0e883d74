/// Gateway intents: the event groups a session subscribes to
/// (gateway.mdx "Gateway Intents", "List of Intents"). Privileged intents
/// (GUILD_MEMBERS, GUILD_PRESENCES, MESSAGE_CONTENT) must also be enabled in
/// the Developer Portal, or the gateway closes with 4014.
public struct DiscordIntents: OptionSet, Sendable, Hashable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }

    public static let guilds = DiscordIntents(rawValue: 1 << 0)
    public static let guildMembers = DiscordIntents(rawValue: 1 << 1)
    public static let guildModeration = DiscordIntents(rawValue: 1 << 2)
    public static let guildExpressions = DiscordIntents(rawValue: 1 << 3)
    public static let guildIntegrations = DiscordIntents(rawValue: 1 << 4)
    public static let guildWebhooks = DiscordIntents(rawValue: 1 << 5)
    public static let guildInvites = DiscordIntents(rawValue: 1 << 6)
    public static let guildVoiceStates = DiscordIntents(rawValue: 1 << 7)
    public static let guildPresences = DiscordIntents(rawValue: 1 << 8)
    public static let guildMessages = DiscordIntents(rawValue: 1 << 9)
    public static let guildMessageReactions = DiscordIntents(rawValue: 1 << 10)
    public static let guildMessageTyping = DiscordIntents(rawValue: 1 << 11)
    public static let directMessages = DiscordIntents(rawValue: 1 << 12)
    public static let directMessageReactions = DiscordIntents(rawValue: 1 << 13)
    public static let directMessageTyping = DiscordIntents(rawValue: 1 << 14)
    public static let messageContent = DiscordIntents(rawValue: 1 << 15)
    public static let guildScheduledEvents = DiscordIntents(rawValue: 1 << 16)
    public static let autoModerationConfiguration = DiscordIntents(rawValue: 1 << 20)
    public static let autoModerationExecution = DiscordIntents(rawValue: 1 << 21)
    public static let guildMessagePolls = DiscordIntents(rawValue: 1 << 24)
    public static let directMessagePolls = DiscordIntents(rawValue: 1 << 25)

    /// What PeerBot needs by default: guild and direct messages with their
    /// content, and reactions (a ✅ on a page acknowledges it).
    public static let defaults: DiscordIntents = [
        .guilds, .guildMessages, .directMessages, .messageContent, .guildMessageReactions,
    ]

    /// Intents that need a switch in the Developer Portal (gateway.mdx "Privileged Intents").
    public static let privileged: DiscordIntents = [.guildMembers, .guildPresences, .messageContent]

    /// The names used in the configuration file, as the documentation spells them.
    public static let names: [(String, DiscordIntents)] = [
        ("GUILDS", .guilds), ("GUILD_MEMBERS", .guildMembers), ("GUILD_MODERATION", .guildModeration),
        ("GUILD_EXPRESSIONS", .guildExpressions), ("GUILD_INTEGRATIONS", .guildIntegrations),
        ("GUILD_WEBHOOKS", .guildWebhooks), ("GUILD_INVITES", .guildInvites),
        ("GUILD_VOICE_STATES", .guildVoiceStates), ("GUILD_PRESENCES", .guildPresences),
        ("GUILD_MESSAGES", .guildMessages), ("GUILD_MESSAGE_REACTIONS", .guildMessageReactions),
        ("GUILD_MESSAGE_TYPING", .guildMessageTyping), ("DIRECT_MESSAGES", .directMessages),
        ("DIRECT_MESSAGE_REACTIONS", .directMessageReactions), ("DIRECT_MESSAGE_TYPING", .directMessageTyping),
        ("MESSAGE_CONTENT", .messageContent), ("GUILD_SCHEDULED_EVENTS", .guildScheduledEvents),
        ("AUTO_MODERATION_CONFIGURATION", .autoModerationConfiguration),
        ("AUTO_MODERATION_EXECUTION", .autoModerationExecution), ("GUILD_MESSAGE_POLLS", .guildMessagePolls),
        ("DIRECT_MESSAGE_POLLS", .directMessagePolls),
    ]

    /// The intent called `name` (case-insensitive), or nil.
    public static func named(_ name: String) -> DiscordIntents? {
        let upper = name.uppercased()
        return names.first { $0.0 == upper }?.1
    }

    /// The names of the intents in this set, in documentation order.
    public var names: [String] {
        Self.names.filter { contains($0.1) }.map(\.0)
    }
}
