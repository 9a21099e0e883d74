import ArgumentParser

/// `peerbot`: the command-line entry point.
@main
struct PeerBotCommand: AsyncParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "peerbot",
        abstract: "A self-hosted bot for peer-support spaces: check-ins, agreements, help lines, facilitator pages.",
        version: "peerbot \(version)",
        subcommands: [RunCommand.self, ConsoleCommand.self, CheckConfigCommand.self, ResourcesCommand.self, AuditCommand.self],
        defaultSubcommand: nil
    )
}
