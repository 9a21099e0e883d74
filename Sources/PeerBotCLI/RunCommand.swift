import ArgumentParser
import Adapters
import PeerBot

/// `peerbot run`: starts every adapter the configuration enables, until the
/// input ends or SIGTERM/SIGINT stops it (exit 0). Exits 1 when an adapter
/// stopped on an error retrying cannot fix.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run", abstract: "Run PeerBot with the adapters the configuration enables.")

    @OptionGroup var options: ConfigOption

    func run() async throws {
        let (app, document) = try BotAssembly.loadConfigurationDocument(path: options.config)
        guard !app.enabledAdapters.isEmpty else {
            BotAssembly.fail("\(app.path): no adapter is enabled (set console.enabled = true, or configure a platform)")
        }
        let assembly = try BotAssembly(app: app, document: document, virtualStart: nil, consoleOnly: false)
        let outcome = await assembly.run()
        // A stop asked for by a signal exits 0; an adapter that gave up on its own
        // (a rejected token) exits 1, so the service manager sees the failure. It has
        // logged why (and how to fix it).
        if !outcome.stopRequested && !outcome.failedAdapters.isEmpty { throw ExitCode(1) }
    }
}
