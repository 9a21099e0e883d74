import Adapters
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

    /// `peerbot --version` also names the C libraries (an admin reporting a
    /// problem pastes this). Asking libcurl and libwebsockets for their
    /// versions loads them (CTransportLoader), so that happens here, only when
    /// the version is asked for, not while `configuration` is built for every run.
    static func main() async {
        if Array(CommandLine.arguments.dropFirst()) == ["--version"] {
            print("peerbot \(version)\nlibcurl: \(LibraryVersions.curl)\nlibwebsockets: \(LibraryVersions.websockets)")
            return
        }
        await main(nil)
    }
}
