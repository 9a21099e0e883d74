/// A command read from a member's message.
public struct ParsedCommand: Sendable, Equatable {
    /// The command name as typed, lowercased (`checkin`), before alias resolution.
    public var name: String
    /// Arguments, split on whitespace; double-quoted text stays one argument.
    public var arguments: [String]
    /// Everything after the name, trimmed, with quotes kept (for free-text notes).
    public var argumentText: String

    public init(name: String, arguments: [String], argumentText: String) {
        self.name = name
        self.arguments = arguments
        self.argumentText = argumentText
    }
}
