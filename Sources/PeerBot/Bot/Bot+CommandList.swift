extension Bot {
    /// Every command this bot answers — the features' and `!help` — in `!help`
    /// order, as routed now (after a reload, the new set). For tests and tools
    /// that must cover every command, such as the permission checks.
    public var commandSpecs: [CommandSpec] { commandTable.specs }
}
