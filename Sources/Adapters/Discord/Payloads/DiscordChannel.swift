/// A channel (channel.mdx "Channel Object"), the fields PeerBot reads.
public struct DiscordChannel: Decodable, Sendable, Equatable {
    public var id: String
    /// Channel type (channel.mdx "Channel Types"): 0 text, 1 DM, …
    public var type: Int
    public var name: String?
    public var guildID: String?

    enum CodingKeys: String, CodingKey {
        case id, type, name
        case guildID = "guild_id"
    }
}
