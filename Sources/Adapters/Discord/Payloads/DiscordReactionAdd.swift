/// MESSAGE_REACTION_ADD data (gateway-events.mdx "Message Reaction Add").
public struct DiscordReactionAdd: Decodable, Sendable, Equatable {
    /// A partial emoji: `name` is the Unicode emoji, or the custom emoji's name with an `id`.
    public struct Emoji: Decodable, Sendable, Equatable {
        public var id: String?
        public var name: String?
    }

    public var userID: String
    public var channelID: String
    public var messageID: String
    public var guildID: String?
    public var member: DiscordGuildMember?
    public var emoji: Emoji

    enum CodingKeys: String, CodingKey {
        case member, emoji
        case userID = "user_id"
        case channelID = "channel_id"
        case messageID = "message_id"
        case guildID = "guild_id"
    }
}
