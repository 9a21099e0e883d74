/// What a gateway close code means for the session
/// (opcodes-and-status-codes.mdx "Gateway Close Event Codes"; gateway.mdx
/// "Handling a Disconnect", "Resuming").
public struct GatewayCloseCode: Sendable, Equatable, CustomStringConvertible {
    /// What to do after a close.
    public enum Disposition: Sendable, Equatable {
        /// Reconnect to `resume_gateway_url` and Resume the session.
        case resume
        /// Reconnect to the gateway URL and Identify anew: the session is gone.
        case identify
        /// Stop: reconnecting cannot help until the admin fixes something.
        case fatal
    }

    /// The code, or nil when the connection ended without a close frame.
    public let code: UInt16?

    public init(_ code: UInt16?) {
        self.code = code
    }

    /// Discord's name for the code.
    public var name: String {
        switch code {
        case nil: "no close frame"
        case 1000: "normal closure"
        case 1001: "going away"
        case 4000: "unknown error"
        case 4001: "unknown opcode"
        case 4002: "decode error"
        case 4003: "not authenticated"
        case 4004: "authentication failed"
        case 4005: "already authenticated"
        case 4007: "invalid seq"
        case 4008: "rate limited"
        case 4009: "session timed out"
        case 4010: "invalid shard"
        case 4011: "sharding required"
        case 4012: "invalid API version"
        case 4013: "invalid intents"
        case 4014: "disallowed intents"
        case let other?: "code \(other)"
        }
    }

    /// Resume, identify anew, or stop.
    ///
    /// - 4004 and 4010–4014 are marked "Reconnect: false": fatal.
    /// - 4007 (invalid seq) and 4009 (session timed out) say "start a new session".
    /// - 4003 means the session was invalidated, and a server-sent 1000/1001
    ///   ends the session (gateway.mdx "Initiating a Disconnect"): identify.
    /// - Everything else, and no close frame at all, may resume (gateway.mdx "Resuming", 2 and 3).
    public var disposition: Disposition {
        switch code {
        case 4004, 4010, 4011, 4012, 4013, 4014: .fatal
        case 4003, 4007, 4009, 1000, 1001: .identify
        default: .resume
        }
    }

    /// For a fatal code: what went wrong and how the admin fixes it, in one line.
    public var explanation: String? {
        switch code {
        case 4004:
            "authentication failed: Discord rejected the bot token — check discord.token (Developer Portal → your app → Bot → Reset Token) and that it is the bot token, not the client secret"
        case 4010:
            "invalid shard: the shard id or count sent is not valid — check discord.shards and discord.shard_ids (ids run from 0 to shards − 1)"
        case 4011:
            "sharding required: the bot is in too many servers for one connection — set discord.shards = \"auto\" or a larger number"
        case 4012:
            "invalid API version: the gateway URL asks for an unsupported version — remove discord.gateway_url or use ?v=10&encoding=json"
        case 4013:
            "invalid intents: the intents value is not valid — check the names in discord.intents"
        case 4014:
            "disallowed intents: the bot asked for a privileged intent it may not use — enable the Message Content intent in the Developer Portal (your app → Bot → Privileged Gateway Intents), and Server Members too if discord.intents lists GUILD_MEMBERS"
        default:
            nil
        }
    }

    public var description: String {
        code.map { "\($0) (\(name))" } ?? name
    }
}
