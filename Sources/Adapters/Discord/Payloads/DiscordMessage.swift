/// A message as MESSAGE_CREATE sends it (message.mdx "Message Object",
/// gateway-events.mdx "Message Create Extra Fields"), and as REST returns one.
public struct DiscordMessage: Decodable, Sendable, Equatable {
    public var id: String
    public var channelID: String
    public var guildID: String?
    public var author: DiscordUser?
    /// The author's member object in guilds (roles, nick).
    public var member: DiscordGuildMember?
    /// Empty without the Message Content intent, except for messages that mention the bot and DMs.
    public var content: String
    public var mentions: [DiscordUser]
    /// The message type (message.mdx "Message Types"): 0 default, 19 reply; others are system messages.
    public var type: Int
    /// Set for messages sent by a webhook.
    public var webhookID: String?

    enum CodingKeys: String, CodingKey {
        case id, author, member, content, mentions, type
        case channelID = "channel_id"
        case guildID = "guild_id"
        case webhookID = "webhook_id"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        channelID = try container.decode(String.self, forKey: .channelID)
        guildID = try container.decodeIfPresent(String.self, forKey: .guildID)
        author = try container.decodeIfPresent(DiscordUser.self, forKey: .author)
        member = try container.decodeIfPresent(DiscordGuildMember.self, forKey: .member)
        content = try container.decodeIfPresent(String.self, forKey: .content) ?? ""
        mentions = try container.decodeIfPresent([DiscordUser].self, forKey: .mentions) ?? []
        type = try container.decodeIfPresent(Int.self, forKey: .type) ?? 0
        webhookID = try container.decodeIfPresent(String.self, forKey: .webhookID)
    }
}
