import Adapters
import ArgumentParser
import CoreMetrics
import Foundation
import Logging
import PeerBot

/// Builds a running bot from a configuration: logging, store, help-line
/// directory, features, adapters, runtime.
struct BotAssembly {
    /// sysexits' EX_CONFIG: the configuration is wrong.
    static let configErrorExitCode: Int32 = 78
    /// sysexits' EX_UNAVAILABLE: something the configuration names is not available (the health port is taken).
    static let unavailableExitCode: Int32 = 69

    let runtime: BotRuntime
    /// The HTTP and WebSocket clients platform adapters share, shut down after the runtime.
    private let transport: (http: HTTPClient, webSockets: WebSocketClient)?
    /// Reloads agreements, keyword lists and other live settings on SIGHUP.
    let reloader: ConfigurationReloader
    private let hangup: any DispatchSourceSignal
    /// SIGTERM and SIGINT: a graceful stop.
    private let shutdown: ShutdownSignals
    /// `/healthz` and `/metrics`, when `[health] listen` is set.
    private let healthServer: HealthServer?

    init(app: AppConfiguration, document: ConfigDocument, virtualStart: Date?, consoleOnly: Bool) throws {
        Self.bootstrapLogging(level: app.core.logging.level)
        signal(SIGPIPE, SIG_IGN)
        let logger = Logger(label: "peerbot")

        let directory: ResourceDirectory
        do {
            directory = try ResourceDirectory.load(path: app.core.resources.directory)
        } catch {
            Self.fail("\(app.path): resources.directory: \(error)")
        }
        let store: SQLiteStore
        do {
            store = try SQLiteStore(path: app.core.storage.path)
        } catch {
            Self.fail("\(app.path): storage.path: \(error)")
        }
        let clock: any WallClock = virtualStart.map { VirtualWallClock(start: $0) } ?? SystemWallClock()
        let crisisMatcher: CrisisMatcher
        do {
            crisisMatcher = try Self.loadCrisisMatcher(app.core.crisis)
        } catch {
            Self.fail("\(app.path): crisis.phrases_directory: \(error)")
        }
        let features = StandardFeatures.make(configuration: app.core, directory: directory, crisisMatcher: crisisMatcher)
        // One Prometheus registry per process; swift-metrics is bootstrapped with it too, so
        // anything counting through the global API (a library, an adapter) lands there as well.
        let exposition = PrometheusExposition()
        MetricsSystem.bootstrap(exposition.factory)
        let metrics = BotMetrics(factory: exposition.factory)
        let bot = try Bot(configuration: app.core, store: store, clock: clock, features: features, metrics: metrics)

        var adapters: [any ChatAdapter] = []
        if app.console.enabled || consoleOnly {
            adapters.append(
                ConsoleAdapter(
                    configuration: app.console, input: .fileDescriptor(STDIN_FILENO), output: .standardOutput(),
                    allowsClockAdvance: clock.isVirtual))
            if isatty(STDIN_FILENO) != 0 {
                print("PeerBot console. Type lines like \"alice: \(app.core.bot.commandPrefix)help\"; Ctrl-D to quit.")
            }
        }
        // One HTTP client and one WebSocket client (one libwebsockets context) for
        // every platform adapter: the transport's rule, see the README's Transport section.
        let transport =
            !consoleOnly && (app.mastodon.enabled || app.discord.enabled || app.matrix.enabled) ? Self.transportClients(app: app) : nil
        self.transport = transport
        if let transport, app.mastodon.enabled {
            adapters.append(Self.mastodonAdapter(app: app, store: store, transport: transport))
        }
        if let transport, app.discord.enabled {
            adapters.append(
                DiscordAdapter(
                    configuration: app.discord, store: store, commands: SlashCommandSource.sources(for: features),
                    http: transport.http, webSocketClient: transport.webSockets))
        }
        if let transport, app.matrix.enabled {
            adapters.append(MatrixAdapter(configuration: app.matrix, store: store, http: transport.http))
        }
        let dispatcher = OutboxDispatcher(store: store, clock: clock, metrics: metrics)
        let runtime = BotRuntime(
            bot: bot, dispatcher: dispatcher, clock: clock, adapters: adapters,
            flushDeadline: .milliseconds(Int64(app.operations.flushDeadline * 1000)),
            outboxStuckAfter: app.operations.outboxStuckAfter)
        self.runtime = runtime
        reloader = ConfigurationReloader(path: app.path, document: document, app: app, bot: bot, logger: logger)
        hangup = reloader.installHangupHandler()
        shutdown = ShutdownSignals(runtime: runtime, logger: logger)
        if let address = app.operations.healthListen {
            let endpoint = OperationsEndpoint(runtime: runtime, exposition: exposition, memoryMetrics: metrics)
            do {
                let server = try HealthServer(address: address) { request in endpoint.respond(to: request) }
                logger.notice("health endpoint listening", metadata: ["address": "\(server.address)"])
                healthServer = server
            } catch {
                Self.printError("\(app.path): health.listen: cannot listen on \(address): \(error)")
                exit(Self.unavailableExitCode)
            }
        } else {
            healthServer = nil
        }
        logger.info(
            "ready",
            metadata: [
                "adapters": "\(adapters.map(\.platform.rawValue).joined(separator: ","))",
                "database": "\(store.path)", "services": "\(directory.entries.count)",
            ])
    }

    /// Builds the crisis-phrase automaton once, at start; no phrases are needed when every space has offers off.
    static func loadCrisisMatcher(_ settings: CrisisSettings) throws -> CrisisMatcher {
        guard settings.isEnabledSomewhere else { return CrisisMatcher(phrases: []) }
        return CrisisMatcher(phrases: try CrisisPhraseList.load(files: settings.phraseFiles).phrases)
    }

    /// The process's HTTP and WebSocket clients, shared by the platform adapters.
    private static func transportClients(app: AppConfiguration) -> (http: HTTPClient, webSockets: WebSocketClient) {
        do {
            return (try HTTPClient(), try WebSocketClient())
        } catch {
            fail("\(app.path): cannot start the network clients: \(error)")
        }
    }

    /// The Mastodon adapter over the shared clients.
    private static func mastodonAdapter(
        app: AppConfiguration, store: SQLiteStore, transport: (http: HTTPClient, webSockets: WebSocketClient)
    ) -> MastodonAdapter {
        do {
            return try MastodonAdapter(
                configuration: app.mastodon, store: store, http: transport.http, webSockets: transport.webSockets)
        } catch {
            fail("\(app.path): mastodon: \(error)")
        }
    }

    /// Runs until the input ends or a signal stops the bot (the outbox
    /// delivered, the adapters closed), then closes the health endpoint and
    /// the shared network clients.
    @discardableResult
    func run() async -> RunOutcome {
        let outcome = await runtime.run()
        healthServer?.stop()
        if let transport {
            await transport.webSockets.shutdown()
            await transport.http.shutdown()
        }
        return outcome
    }

    /// Loads the configuration, printing warnings; exits with a one-line error when it is invalid.
    static func loadConfiguration(path: String) throws -> AppConfiguration {
        try loadConfigurationDocument(path: path).app
    }

    /// Like `loadConfiguration`, also returning the parsed file (to compare with on reload).
    static func loadConfigurationDocument(path: String) throws -> (app: AppConfiguration, document: ConfigDocument) {
        do {
            let document = try ConfigDocument.load(path: path)
            let app = try AppConfiguration(document: document)
            for warning in app.warnings { printError(warning, kind: "warning") }
            for finding in ConfigFileAudit(document: document).inlineSecretWarnings() {
                printError(finding, kind: "warning")
            }
            return (app, document)
        } catch {
            fail(error.description)
        }
    }

    static func printError(_ message: String, kind: String = "error") {
        FileHandle.standardError.write(Data("peerbot: \(kind): \(message)\n".utf8))
    }

    static func fail(_ message: String) -> Never {
        printError(message)
        exit(configErrorExitCode)
    }

    private static func bootstrapLogging(level: String) {
        let logLevel = Logger.Level(rawValue: level) ?? .info
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = logLevel
            return handler
        }
    }
}
