/// A user (user.mdx "User Object"), the fields PeerBot reads.
public struct DiscordUser: Decodable, Sendable, Equatable {
    public var id: String
    public var username: String
    public var globalName: String?
    public var bot: Bool?

    public init(id: String, username: String, globalName: String? = nil, bot: Bool? = nil) {
        self.id = id
        self.username = username
        self.globalName = globalName
        self.bot = bot
    }

    enum CodingKeys: String, CodingKey {
        case id, username, bot
        case globalName = "global_name"
    }
}
