/// Where slash commands are registered (application-commands.mdx
/// "Registering a Command"): globally, in listed guilds (changes show at
/// once, good for testing), or not at all.
public enum SlashCommandScope: Sendable, Equatable {
    case global
    case guilds([String])
    case off
}
