/// A capability of the bot: the commands it answers, the messages it watches,
/// the jobs it runs. Features are values built from configuration; their state
/// lives in the store.
public protocol Feature: Sendable {
    /// Commands this feature answers.
    var commands: [CommandSpec] { get }
    /// Job kinds (`Job.kind`) this feature runs.
    var jobKinds: [String] { get }
    /// Sees every message from a member, after command routing (`command` is set
    /// when the message was a command). Return `.handled` to stop later features
    /// from seeing a non-command message (for example an answer to a prompt).
    func observe(_ message: InboundMessage, command: ParsedCommand?, context: BotContext) throws -> MessageDisposition
    /// Runs one due job of a kind listed in `jobKinds`.
    func run(_ job: Job, context: BotContext) throws
    /// A job of a kind listed in `jobKinds` fell due while the bot was down and
    /// was skipped (older than the grace period). A recurring feature schedules
    /// its next occurrence here so the chain goes on.
    func missed(_ job: Job, context: BotContext) throws
    /// A member joined the space.
    func memberJoined(_ join: MemberJoin, context: BotContext) throws
    /// A member reacted to a message.
    func reacted(_ reaction: InboundReaction, context: BotContext) throws
    /// Everything this feature stores about a member, as readable lines for `!mydata`.
    func describeData(of member: MemberRef, context: BotContext) throws -> [String]
    /// Deletes everything this feature stores about a member (`!forgetme`).
    func forget(_ member: MemberRef, context: BotContext) throws
    /// Runs once when the bot starts, before due jobs run (to schedule recurring jobs).
    func prepare(context: BotContext) throws
    /// Writes what the feature keeps in memory between messages (counts it
    /// would otherwise write for every message) to the store. The bot calls it
    /// before due jobs run (every second with a real clock), before a reload
    /// and when it stops; a crash loses at most what came since.
    func flush(context: BotContext) throws
}

/// Whether later features should still see a message.
public enum MessageDisposition: Sendable {
    case pass
    case handled
}

extension Feature {
    public var commands: [CommandSpec] { [] }
    public var jobKinds: [String] { [] }
    public func observe(_ message: InboundMessage, command: ParsedCommand?, context: BotContext) throws -> MessageDisposition {
        .pass
    }
    public func run(_ job: Job, context: BotContext) throws {}
    public func missed(_ job: Job, context: BotContext) throws {}
    public func memberJoined(_ join: MemberJoin, context: BotContext) throws {}
    public func reacted(_ reaction: InboundReaction, context: BotContext) throws {}
    public func describeData(of member: MemberRef, context: BotContext) throws -> [String] { [] }
    public func forget(_ member: MemberRef, context: BotContext) throws {}
    public func prepare(context: BotContext) throws {}
    public func flush(context: BotContext) throws {}
}
