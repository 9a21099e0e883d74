import Foundation
import PeerBot

/// `[discord]`: the Discord adapter (gateway v10 and REST).
public struct DiscordConfiguration: Sendable {
    /// Run the Discord adapter under `peerbot run`. Default false.
    public var enabled = false
    /// The bot token (`token = "${DISCORD_TOKEN}"` or `token_file`). Required when enabled.
    public var token: String = ""
    /// The application id; learned from READY when empty.
    public var applicationID: String?
    /// The REST base URL, with the API version. Default `https://discord.com/api/v10`.
    public var apiBaseURL = DiscordConfiguration.discordAPI
    /// A gateway URL to use instead of the one `GET /gateway/bot` returns (tests, proxies).
    public var gatewayURL: URL?
    /// Gateway intents. Default GUILDS, GUILD_MESSAGES, DIRECT_MESSAGES,
    /// MESSAGE_CONTENT and GUILD_MESSAGE_REACTIONS; add GUILD_MEMBERS to welcome new members.
    public var intents: DiscordIntents = .defaults
    /// Total shards: `"auto"` (Discord's recommendation) or a number.
    public var shards: ShardCountSetting = .auto
    /// The shards this process runs; empty runs them all.
    public var shardIDs: [Int] = []
    /// Members with any of these role ids are facilitators.
    public var facilitatorRoleIDs: Set<String> = []
    /// Members with any of these role ids are admins.
    public var adminRoleIDs: Set<String> = []
    /// User ids that are facilitators anywhere, also in direct messages where no roles are sent.
    public var facilitatorUserIDs: Set<String> = []
    /// User ids that are admins anywhere.
    public var adminUserIDs: Set<String> = []
    /// Roles a page pings when it names no one in particular. Default: the facilitator roles.
    public var pageRoleIDs: [String] = []
    /// The channel welcomes go to; empty: the core decides (usually a direct message).
    public var welcomeChannelID: String?
    /// Where slash commands are registered. Default global.
    public var slashCommands: SlashCommandScope = .global
    /// An interaction still unanswered this long after it arrived is deferred
    /// (Discord allows 3 s for the first response). Milliseconds; default 1500.
    public var interactionDeferAfter: Duration = .milliseconds(1500)

    public init() {}

    /// Discord's REST base URL, API v10 (reference.mdx "API Versioning").
    static let discordAPI = URL(string: "https://discord.com/api/v10") ?? URL(fileURLWithPath: "/")

    /// The key the token is read from.
    static let tokenKey = "discord.token"

    public init(reader: ConfigReader) throws(ConfigError) {
        enabled = try reader.bool("discord.enabled", default: false)
        if enabled {
            token = try reader.requiredSecret(Self.tokenKey, hint: "the bot token from the Developer Portal, Bot page")
        } else {
            // Read (and so mark known) without requiring it while the adapter is off.
            token = (try? reader.secret(Self.tokenKey)) ?? ""
            reader.markKnown(Self.tokenKey)
            reader.markKnown(Self.tokenKey + "_file")
        }
        applicationID = try Self.snowflake(reader, "discord.application_id")
        apiBaseURL = try Self.url(reader, "discord.api_base_url", schemes: ["https", "http"]) ?? apiBaseURL
        gatewayURL = try Self.url(reader, "discord.gateway_url", schemes: ["wss", "ws"])
        intents = try Self.intents(reader)
        shards = try Self.shardCount(reader)
        shardIDs = try Self.shardIDs(reader, total: shards)
        facilitatorRoleIDs = Set(try Self.snowflakes(reader, "discord.facilitator_role_ids"))
        adminRoleIDs = Set(try Self.snowflakes(reader, "discord.admin_role_ids"))
        facilitatorUserIDs = Set(try Self.snowflakes(reader, "discord.facilitator_user_ids"))
        adminUserIDs = Set(try Self.snowflakes(reader, "discord.admin_user_ids"))
        pageRoleIDs = reader.has("discord.page_role_ids")
            ? try Self.snowflakes(reader, "discord.page_role_ids") : facilitatorRoleIDs.sorted()
        welcomeChannelID = try Self.snowflake(reader, "discord.welcome_channel_id")
        slashCommands = try Self.slashCommandScope(reader)
        interactionDeferAfter = .milliseconds(
            try reader.int("discord.interaction_defer_ms", default: 1500, range: 0...2500))
    }

    /// The role a member has, from their guild role ids (when the event carries them) and the user lists.
    public func role(userID: String, memberRoleIDs: [String]?) -> Role {
        let roles = Set(memberRoleIDs ?? [])
        if adminUserIDs.contains(userID) || !roles.isDisjoint(with: adminRoleIDs) { return .admin }
        if facilitatorUserIDs.contains(userID) || !roles.isDisjoint(with: facilitatorRoleIDs) { return .facilitator }
        return .member
    }
}
