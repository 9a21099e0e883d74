/// A guild member (guild.mdx "Guild Member Object"), partial as in
/// MESSAGE_CREATE (no `user`) or whole as in INTERACTION_CREATE and GUILD_MEMBER_ADD.
public struct DiscordGuildMember: Decodable, Sendable, Equatable {
    public var user: DiscordUser?
    public var nick: String?
    /// Role ids.
    public var roles: [String]
    /// Present in GUILD_MEMBER_ADD.
    public var guildID: String?

    enum CodingKeys: String, CodingKey {
        case user, nick, roles
        case guildID = "guild_id"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        user = try container.decodeIfPresent(DiscordUser.self, forKey: .user)
        nick = try container.decodeIfPresent(String.self, forKey: .nick)
        roles = try container.decodeIfPresent([String].self, forKey: .roles) ?? []
        guildID = try container.decodeIfPresent(String.self, forKey: .guildID)
    }
}
