import ArgumentParser
import Adapters
import PeerBot

/// `peerbot run`: starts every adapter the configuration enables.
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
        await assembly.run()
    }
}
