/// A place messages are posted: a channel or room, or a private conversation with the bot.
public struct ChannelRef: Hashable, Codable, Sendable {
    /// The platform the channel is on.
    public var platform: Platform
    /// The space (Discord guild, Matrix server/space, Mastodon instance) or nil.
    public var space: String?
    /// The platform's opaque channel or room id.
    public var id: String
    /// A human-readable name, when the platform has one (`general`).
    public var name: String?
    /// True for a direct conversation between one member and the bot.
    public var isDirect: Bool

    public init(platform: Platform, space: String? = nil, id: String, name: String? = nil, isDirect: Bool = false) {
        self.platform = platform
        self.space = space
        self.id = id
        self.name = name
        self.isDirect = isDirect
    }

    /// How the channel is named in messages to people (`#general`, `a direct message`).
    public var displayName: String {
        if isDirect { return "a direct message" }
        return "#\(name ?? id)"
    }
}
