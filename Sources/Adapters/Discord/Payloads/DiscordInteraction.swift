/// INTERACTION_CREATE data (receiving-and-responding.mdx "Interaction Object").
public struct DiscordInteraction: Decodable, Sendable, Equatable {
    /// receiving-and-responding.mdx "Interaction Type".
    public enum Kind: Int, Sendable {
        case ping = 1
        case applicationCommand = 2
        case messageComponent = 3
        case autocomplete = 4
        case modalSubmit = 5
    }

    /// "Application Command Data Structure" and "Message Component Data Structure", merged.
    public struct InteractionData: Decodable, Sendable, Equatable {
        /// The command name (application commands).
        public var name: String?
        public var options: [DiscordCommandOption]?
        /// The button's developer-defined id (components).
        public var customID: String?
        public var componentType: Int?

        enum CodingKeys: String, CodingKey {
            case name, options
            case customID = "custom_id"
            case componentType = "component_type"
        }
    }

    /// The message a component was attached to; only its id is read.
    public struct AttachedMessage: Decodable, Sendable, Equatable {
        public var id: String
    }

    public var id: String
    public var applicationID: String
    public var type: Int
    public var data: InteractionData?
    public var guildID: String?
    public var channelID: String?
    /// The invoking member, in guilds.
    public var member: DiscordGuildMember?
    /// The invoking user, in direct messages.
    public var user: DiscordUser?
    /// The continuation token for the callback and follow-ups. A secret: never logged.
    public var token: String
    public var message: AttachedMessage?

    enum CodingKeys: String, CodingKey {
        case id, type, data, member, user, token, message, channel
        case applicationID = "application_id"
        case guildID = "guild_id"
        case channelID = "channel_id"
    }

    private struct PartialChannel: Decodable {
        var id: String
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        applicationID = try container.decode(String.self, forKey: .applicationID)
        type = try container.decode(Int.self, forKey: .type)
        data = try container.decodeIfPresent(InteractionData.self, forKey: .data)
        guildID = try container.decodeIfPresent(String.self, forKey: .guildID)
        let channel = try container.decodeIfPresent(PartialChannel.self, forKey: .channel)
        channelID = try container.decodeIfPresent(String.self, forKey: .channelID) ?? channel?.id
        member = try container.decodeIfPresent(DiscordGuildMember.self, forKey: .member)
        user = try container.decodeIfPresent(DiscordUser.self, forKey: .user)
        token = try container.decode(String.self, forKey: .token)
        message = try container.decodeIfPresent(AttachedMessage.self, forKey: .message)
    }

    /// The invoking user: `member.user` in guilds, `user` in direct messages.
    public var invoker: DiscordUser? { member?.user ?? user }

    public var kind: Kind? { Kind(rawValue: type) }
}
