import ArgumentParser
import Adapters
import Foundation
import PeerBot

/// `peerbot console`: the console adapter alone, interactive or piped.
struct ConsoleCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "console",
        abstract: "Talk to PeerBot on stdin/stdout (one event per line; see the README for the grammar).")

    @OptionGroup var options: ConfigOption

    @Option(
        name: .customLong("virtual-clock"),
        help: "Start a virtual clock at this ISO 8601 instant (2026-03-28T19:00:00Z); time then moves only with :advance.")
    var virtualClock: String?

    func run() async throws {
        var start: Date? = nil
        if let virtualClock {
            guard let instant = ISO8601Parsing.date(virtualClock) else {
                throw ValidationError("--virtual-clock: expected an ISO 8601 instant such as 2026-03-28T19:00:00Z, found \"\(virtualClock)\"")
            }
            start = instant
        }
        var (app, document) = try BotAssembly.loadConfigurationDocument(path: options.config)
        app.console.enabled = true
        let assembly = try BotAssembly(app: app, document: document, virtualStart: start, consoleOnly: true)
        await assembly.run()
    }
}
