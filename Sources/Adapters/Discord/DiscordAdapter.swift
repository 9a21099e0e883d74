import Foundation
import Logging
import PeerBot
import Synchronization

/// PeerBot on Discord: the gateway (v10, JSON, one `GatewayShard` per shard
/// this process runs) for events, REST for everything PeerBot says, slash
/// commands registered at the first READY, and interactions answered inside
/// Discord's 3 seconds.
public final class DiscordAdapter: ChatAdapter {
    public let platform = Platform.discord
    public let configuration: DiscordConfiguration
    let rest: DiscordREST
    let webSocketClient: WebSocketClient
    let store: any Store
    let clock: any TransportClock
    let slashCommands: SlashCommands
    let responder: InteractionResponder
    let dmChannels: DMChannelCache
    let inbound: DiscordInbound
    let sessionSettings: GatewaySessionSettings
    let logger: Logger
    private let stream: AsyncStream<InboundEvent>
    let continuation: AsyncStream<InboundEvent>.Continuation
    let state = Mutex(RunState())
    /// Every shard's session (READY/RESUMED or not), reconnects and rate-limit waits.
    let connection = ConnectionHealth()

    struct RunState {
        var stopped = false
        var shards: [GatewayShard] = []
        var startup: Task<Void, any Error>?
        var commandsRegistered = false
    }

    /// - Parameters:
    ///   - commands: the text commands the slash commands mirror.
    ///   - http: the process's HTTP client; `webSocketClient`: its WebSocket client.
    public init(
        configuration: DiscordConfiguration, store: any Store, commands: [SlashCommandSource], http: HTTPClient,
        webSocketClient: WebSocketClient, clock: any TransportClock = SystemTransportClock(),
        sessionSettings: GatewaySessionSettings = GatewaySessionSettings(), logger: Logger = Logger(label: "peerbot.discord")
    ) {
        self.configuration = configuration
        self.store = store
        self.webSocketClient = webSocketClient
        self.clock = clock
        self.sessionSettings = sessionSettings
        self.logger = logger
        let global: Bool
        if case .guilds = configuration.slashCommands { global = false } else { global = true }
        slashCommands = SlashCommands(sources: commands, global: global)
        // Rate_Limits.md: 50 requests per second in all; 5 of them are kept for pages and acknowledgements.
        let limiter = BucketRateLimiter(globalLimit: 50, globalWindow: .seconds(1), urgentReserve: 5, clock: clock)
        let connection = self.connection
        rest = DiscordREST(
            baseURL: configuration.apiBaseURL, token: configuration.token, http: http, limiter: limiter, logger: logger,
            onRateLimitWait: { connection.waitedForRateLimit() })
        responder = InteractionResponder(deferAfter: configuration.interactionDeferAfter, rest: rest, clock: clock, logger: logger)
        dmChannels = DMChannelCache(rest: rest)
        inbound = DiscordInbound(
            translator: DiscordEventTranslator(configuration: configuration, slashCommands: slashCommands), store: store, logger: logger)
        (stream, continuation) = AsyncStream.makeStream(of: InboundEvent.self, bufferingPolicy: .unbounded)
    }

    public func events() -> AsyncStream<InboundEvent> { stream }

    /// Connected while every shard's session is ready; reconnecting while one
    /// resumes or identifies again; disconnected after a fatal close code or a rejected token.
    public var health: AdapterHealth { connection.snapshot }

    /// Connects every shard of this process and runs until `stop()`; throws
    /// `DiscordAdapterError` for a problem only the admin can fix, after one
    /// log line naming the cause and the fix.
    public func run() async throws {
        let startup = Task { try await self.runShards() }
        let alreadyStopped = state.withLock { state in
            state.startup = startup
            return state.stopped
        }
        if alreadyStopped { startup.cancel() }
        do {
            try await withTaskCancellationHandler {
                try await startup.value
            } onCancel: {
                startup.cancel()
            }
            connection.stopped()
            continuation.finish()
        } catch let error as DiscordAdapterError {
            connection.failed()
            logger.critical("Discord adapter stopped: \(error)")
            continuation.finish()
            throw error
        } catch {
            continuation.finish()
            if state.withLock({ $0.stopped }) || error is CancellationError {
                connection.stopped()
                return
            }
            connection.failed()
            throw error
        }
    }

    public func stop() async {
        // First, so the shards' closing connections are not reported as lost.
        connection.stopped()
        let (shards, startup) = state.withLock { state -> ([GatewayShard], Task<Void, any Error>?) in
            state.stopped = true
            return (state.shards, state.startup)
        }
        if shards.isEmpty { startup?.cancel() }
        for shard in shards { shard.stop() }
    }
}
