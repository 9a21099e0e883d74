/// One line of console input, as the grammar reads it.
public enum ConsoleLine: Sendable, Equatable {
    /// `NAME: TEXT`, `NAME@CHANNEL: TEXT`, `NAME@dm: TEXT`.
    case message(name: String, channel: ConsoleChannel, text: String)
    /// `:join NAME`
    case join(name: String)
    /// `:advance DURATION`
    case advance(seconds: Int)
    /// Blank lines and `# comments`.
    case ignored
    /// Anything else, with the reason in one line.
    case invalid(String)
}

/// Where a console message is posted.
public enum ConsoleChannel: Sendable, Equatable {
    case channel(String)
    case direct
}
