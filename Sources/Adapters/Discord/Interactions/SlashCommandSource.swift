import PeerBot

/// A text command as the slash command set mirrors it: name, usage and summary.
public struct SlashCommandSource: Sendable, Equatable {
    public var name: String
    /// The usage string, e.g. `[TOPIC] [REGION]`.
    public var arguments: String
    public var summary: String

    public init(name: String, arguments: String, summary: String) {
        self.name = name
        self.arguments = arguments
        self.summary = summary
    }

    public init(_ spec: CommandSpec) {
        self.init(name: spec.name, arguments: spec.arguments, summary: spec.summary)
    }

    /// The commands of `features`, then `help` (which the core adds itself).
    public static func sources(for features: [any Feature]) -> [SlashCommandSource] {
        features.flatMap { $0.commands }.map { SlashCommandSource($0) }
            + [SlashCommandSource(name: "help", arguments: "", summary: "list the commands you can use")]
    }
}
