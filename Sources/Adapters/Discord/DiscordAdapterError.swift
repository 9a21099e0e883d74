/// Why the Discord adapter stopped for good. Each message names the cause and the fix.
public enum DiscordAdapterError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The gateway closed with a code reconnecting cannot fix (4004, 4010–4014).
    case fatalClose(GatewayCloseCode)
    /// The REST API rejected the token at start.
    case unauthorized
    /// The shard configuration cannot work.
    case invalidShards(String)

    public var description: String {
        switch self {
        case .fatalClose(let code):
            "Discord closed the gateway with \(code): \(code.explanation ?? "not recoverable")"
        case .unauthorized:
            "Discord rejected the bot token (401 Unauthorized) — check discord.token (Developer Portal → your app → Bot → Reset Token)"
        case .invalidShards(let message):
            message
        }
    }
}
