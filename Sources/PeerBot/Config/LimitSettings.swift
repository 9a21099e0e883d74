import Foundation

/// `[limits]`: bounds on how much one message or one member can make the bot do.
///
/// Limits answer in one line and never crash or hang. The rate limit keeps its
/// state in memory only (a restart forgets it, and two processes on one
/// database each count on their own); it exists to keep a flood from one
/// member cheap, not to police anyone.
public struct LimitSettings: Sendable {
    /// Messages are processed up to this many characters. A longer command is
    /// refused with a one-line answer (except `!facilitator`, which is carried
    /// out with its note shortened); a longer plain message is read as its
    /// first ¾ and last ¼ of this length, so the crisis scan still sees where a
    /// long message starts and how it ends. Also over the limit: more than
    /// `maxBytesPerCharacter` (16) UTF-8 bytes per allowed character (stacked
    /// combining marks). Default 4,000 (Discord allows 2,000, Mastodon 500 by
    /// default; Matrix events are at most 64 KiB).
    public var maxMessageLength = 4000
    /// A command with more arguments (words after its name) than this is
    /// refused, unless it takes free text (its usage line names `TEXT` or `NOTE`). Default 32.
    public var maxArguments = 32
    /// A command with an argument longer than this (characters) is refused,
    /// unless it takes free text. Default 256 (a Matrix user id may be 255 bytes).
    public var maxArgumentLength = 256
    /// Each member may send this many commands in a burst… Default 10.
    public var commandBurst = 10
    /// …and gets one more every this many seconds. Default 2 s (30 a minute).
    /// Over the limit a member is told once per `commandBurst × commandRefill`
    /// to slow down; further commands are dropped without a reply. Never
    /// limited: `!facilitator` (and its aliases), plain messages (so the crisis
    /// scan reads every one), and facilitators and admins.
    public var commandRefill: TimeInterval = 2

    /// UTF-8 bytes per character above which a message counts as over the length limit.
    public static let maxBytesPerCharacter = 16

    public init() {}

    public init(reader: ConfigReader) throws(ConfigError) {
        self.init()
        // Before [limits] existed these two lived in [bot]; the old place is still read.
        let length = try reader.int("bot.max_message_length", default: maxMessageLength, range: 100...100_000)
        maxMessageLength = try reader.int("limits.max_message_length", default: length, range: 100...100_000)
        let arguments = try reader.int("bot.max_arguments", default: maxArguments, range: 4...256)
        maxArguments = try reader.int("limits.max_arguments", default: arguments, range: 4...256)
        maxArgumentLength = try reader.int("limits.max_argument_length", default: maxArgumentLength, range: 32...100_000)
        commandBurst = try reader.int("limits.command_burst", default: commandBurst, range: 1...10_000)
        commandRefill = try reader.duration("limits.command_refill", default: commandRefill)
        guard commandRefill > 0, commandRefill <= 3600 else {
            throw .invalidValue(
                path: reader.path, key: "limits.command_refill",
                message: "expected a duration from \"1s\" to \"1h\", found \(Int(commandRefill)) seconds")
        }
    }
}
