/// A command a feature answers.
public struct CommandSpec: Sendable {
    /// The canonical name, lowercase, without prefix (`resources`).
    public var name: String
    /// Other names that run the same command (`helplines`).
    public var aliases: [String]
    /// Arguments, as shown in usage lines (`[TOPIC] [REGION]`).
    public var arguments: String
    /// One line saying what it does, for `!help`.
    public var summary: String
    /// Who may run it; anyone below gets a polite refusal.
    public var minimumRole: Role
    /// A request for a person (`!facilitator`): never dropped by the command
    /// rate limit and never refused for its length — a member flooding the bot
    /// may be the one in crisis.
    public var escalates: Bool
    /// Runs the command. Throw `CommandFailure` for a one-line answer to bad input.
    public var run: @Sendable (CommandInvocation, BotContext) throws -> Void

    public init(
        name: String, aliases: [String] = [], arguments: String = "", summary: String, minimumRole: Role = .member,
        escalates: Bool = false, run: @escaping @Sendable (CommandInvocation, BotContext) throws -> Void
    ) {
        self.name = name
        self.aliases = aliases
        self.arguments = arguments
        self.summary = summary
        self.minimumRole = minimumRole
        self.escalates = escalates
        self.run = run
    }

    /// True when the command reads free text (its usage line names `TEXT` or
    /// `NOTE`): the limits on the number and length of arguments do not apply,
    /// the message length limit and the feature's own limit do.
    public var takesFreeText: Bool {
        arguments.split(whereSeparator: { !$0.isLetter }).contains { $0 == "TEXT" || $0 == "NOTE" }
    }

    /// `!name ARGS`, with the configured prefix.
    public func usage(prefix: String) -> String {
        arguments.isEmpty ? "\(prefix)\(name)" : "\(prefix)\(name) \(arguments)"
    }
}

/// A one-line answer to a command that cannot be carried out as typed.
public enum CommandFailure: Error, Sendable, Equatable {
    /// The arguments do not fit; the bot answers with the usage line and the hint.
    case usage(hint: String?)
    /// Anything else worth telling the member, in one line.
    case message(String)
}
