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

    public init(
        command: ParsedCommand, spec: CommandSpec, author: MemberRef, authorRole: Role, channel: ChannelRef,
        origin: MessageOrigin, prefix: String
    ) {
        self.command = command
        self.spec = spec
        self.author = author
        self.authorRole = authorRole
        self.channel = channel
        self.origin = origin
        self.prefix = prefix
    }

    public var arguments: [String] { command.arguments }
}
