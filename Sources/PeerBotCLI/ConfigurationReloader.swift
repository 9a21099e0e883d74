import Adapters
import Foundation
import Logging
import PeerBot

/// Re-reads the configuration file on SIGHUP and swaps the bot's
/// configuration and features (with the help-line directory and crisis
/// phrase lists read anew) in one step. A file that does not load leaves
/// the running configuration untouched. Logs which keys changed, never their values.
actor ConfigurationReloader {
    private let path: String
    private let bot: Bot
    private var current: ConfigDocument
    private let logger: Logger

    /// Sections read only at start: a change is reported, and waits for a restart.
    static let restartOnlyPrefixes = ["storage.", "logging.", "console."]

    init(path: String, document: ConfigDocument, bot: Bot, logger: Logger) {
        self.path = path
        self.current = document
        self.bot = bot
        self.logger = logger
    }

    /// Loads the file again and applies it; returns the keys that changed (nil when it failed).
    @discardableResult
    func reload() async -> [String]? {
        do {
            let document = try ConfigDocument.load(path: path)
            let app = try AppConfiguration(document: document)
            for warning in app.warnings { logger.warning("\(warning)") }
            let directory = try ResourceDirectory.load(path: app.core.resources.directory)
            let matcher = try BotAssembly.loadCrisisMatcher(app.core.crisis)
            let features = StandardFeatures.make(configuration: app.core, directory: directory, crisisMatcher: matcher)
            try await bot.reload(configuration: app.core, features: features)
            let changed = document.changedKeys(since: current)
            current = document
            logger.notice(
                "configuration reloaded",
                metadata: ["changed": "\(changed.isEmpty ? "nothing" : changed.joined(separator: ","))"])
            let waiting = changed.filter { key in Self.restartOnlyPrefixes.contains { key.hasPrefix($0) } }
            if !waiting.isEmpty {
                logger.warning(
                    "these settings take effect after a restart", metadata: ["keys": "\(waiting.joined(separator: ","))"])
            }
            return changed
        } catch {
            logger.error(
                "configuration reload failed; the running configuration stays", metadata: ["error": "\(error)"])
            return nil
        }
    }

    /// Reloads on every SIGHUP. The returned source must be kept alive.
    nonisolated func installHangupHandler() -> any DispatchSourceSignal {
        // Ignore the default action (terminate) first; the dispatch source still sees the signal.
        signal(SIGHUP, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: SIGHUP, queue: .global())
        source.setEventHandler { [self] in
            Task { await self.reload() }
        }
        source.resume()
        return source
    }
}
