/// GUILD_CREATE data, the part PeerBot keeps: channel names, so a ticket can
/// say "from #general" rather than a number (gateway-events.mdx "Guild Create").
public struct DiscordGuildCreate: Decodable, Sendable, Equatable {
    public var id: String
    public var channels: [DiscordChannel]
    public var threads: [DiscordChannel]

    enum CodingKeys: String, CodingKey {
        case id, channels, threads
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        channels = try container.decodeIfPresent([DiscordChannel].self, forKey: .channels) ?? []
        threads = try container.decodeIfPresent([DiscordChannel].self, forKey: .threads) ?? []
    }
}
