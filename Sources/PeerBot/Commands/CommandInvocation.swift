/// One run of a command: who, where, what was typed.
public struct CommandInvocation: Sendable {
    public var command: ParsedCommand
    public var spec: CommandSpec
    public var author: MemberRef
    public var authorRole: Role
    public var channel: ChannelRef
    /// What a reply answers (the message or interaction).
    public var origin: MessageOrigin
    /// The configured prefix, for usage lines in answers.
    public var prefix: String
    /// The author was over the command rate limit and the command ran anyway
    /// (it escalates): repeats should not crowd the urgent lane.
    public var overRateLimit: Bool

    public init(
        command: ParsedCommand, spec: CommandSpec, author: MemberRef, authorRole: Role, channel: ChannelRef,
        origin: MessageOrigin, prefix: String, overRateLimit: Bool = false
    ) {
        self.command = command
        self.spec = spec
        self.author = author
        self.authorRole = authorRole
        self.channel = channel
        self.origin = origin
        self.prefix = prefix
        self.overRateLimit = overRateLimit
    }

    public var arguments: [String] { command.arguments }
}
