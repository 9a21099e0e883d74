import Foundation
import Logging
import PeerBot
import Synchronization

/// The Mastodon adapter: the bot's account on an instance.
///
/// Inbound: mentions of the bot, from the streaming API
/// (`user:notification`) with a REST catch-up after every (re)connect, or by
/// polling; each notification is handed on once (`SeenEventRecords`), and the
/// newest notification id is kept as a cursor in the store. Outbound: direct
/// statuses (`MastodonPostPlan`), split into threads at the instance's length limit.
public final class MastodonAdapter: ChatAdapter {
    public let platform = Platform.mastodon
    public let configuration: MastodonConfiguration
    let store: any Store
    let rest: MastodonREST
    let webSockets: WebSocketClient
    let endpoints: MastodonEndpoints
    let token: String
    let policy: MastodonStreamSession.Policy
    let logger: Logger
    private let stream: AsyncStream<InboundEvent>
    let continuation: AsyncStream<InboundEvent>.Continuation
    let state = Mutex(State())
    /// The stream's (or the polling's) connection, reconnects and rate-limit waits.
    let connection = ConnectionHealth()

    /// What the adapter learned and holds while running.
    struct State {
        /// The start-up handshake (instance, token check), shared by `run` and `perform`.
        var startup: Task<MastodonSessionInfo, any Error>?
        var loop: Task<Void, any Error>?
        var connection: WebSocketConnection?
        /// The bot's account, once known.
        var ownAccount: MastodonAccount?
        /// Accts of accounts looked up by id, for mentions.
        var accts: [String: String] = [:]
        var stopped = false
        /// Set once a fatal error (a rejected token) is known: nothing is tried again.
        var fatal: MastodonAdapterError?
    }

    /// - Parameters:
    ///   - http: the process's HTTP client; `webSockets` its WebSocket client.
    ///   - policy: reconnect and polling timings; the poll interval comes from the configuration.
    public init(
        configuration: MastodonConfiguration, store: any Store, http: HTTPClient, webSockets: WebSocketClient,
        policy: MastodonStreamSession.Policy? = nil, logger: Logger = Logger(label: "peerbot.mastodon")
    ) throws(MastodonAdapterError) {
        guard let instance = configuration.instance, let token = configuration.accessToken else { throw .notConfigured }
        self.configuration = configuration
        self.store = store
        self.webSockets = webSockets
        self.token = token
        self.logger = logger
        self.policy = policy ?? MastodonStreamSession.Policy(pollInterval: configuration.pollInterval)
        endpoints = MastodonEndpoints(instance: instance)
        let connection = self.connection
        rest = MastodonREST(
            http: http, endpoints: endpoints, token: token, logger: logger, onRateLimitWait: { connection.waitedForRateLimit() })
        (stream, continuation) = AsyncStream.makeStream(of: InboundEvent.self, bufferingPolicy: .unbounded)
    }

    public func events() -> AsyncStream<InboundEvent> { stream }

    /// Connected while the stream is open and caught up (or, without streaming,
    /// while polls succeed); reconnecting while the instance cannot be reached;
    /// disconnected when the token is rejected or lacks a scope.
    public var health: AdapterHealth { connection.snapshot }

    /// Connects and runs until `stop()`; throws `MastodonAdapterError` on a
    /// fatal error, after one log line naming the cause and the fix.
    public func run() async throws {
        let loop = Task { try await runLoop() }
        let stopped = state.withLock { state in
            state.loop = loop
            return state.stopped
        }
        if stopped { loop.cancel() }
        do {
            try await loop.value
        } catch let fatal as MastodonAdapterError {
            connection.failed()
            state.withLock { $0.fatal = fatal }
            logger.critical("mastodon adapter stopped: \(fatal.description)")
            continuation.finish()
            throw fatal
        } catch is CancellationError {
            // Stopped by stop().
        } catch {
            connection.failed()
            logger.critical("mastodon adapter stopped", metadata: ["error": "\(error)"])
            continuation.finish()
            throw error
        }
        connection.stopped()
        continuation.finish()
    }

    public func stop() async {
        // First, so the stream this closes is not reported as lost.
        self.connection.stopped()
        let (loop, connection) = state.withLock { state in
            state.stopped = true
            return (state.loop, state.connection)
        }
        loop?.cancel()
        await connection?.close(code: .goingAway)
        continuation.finish()
    }

    /// The start-up handshake, run once and shared: `perform` may be called
    /// before `run` (the runtime delivers what is due at start).
    func sessionInfo() async throws -> MastodonSessionInfo {
        let task = try state.withLock { state in
            if let fatal = state.fatal { throw fatal }
            if let existing = state.startup { return existing }
            let task = Task { try await self.handshake() }
            state.startup = task
            return task
        }
        do {
            return try await task.value
        } catch {
            // A failed handshake is tried again next time, unless it was fatal.
            state.withLock { state in
                if state.startup == task { state.startup = nil }
                if let fatal = error as? MastodonAdapterError { state.fatal = fatal }
            }
            throw error
        }
    }

    /// Reads the instance (streaming URL, length limit) and checks the token.
    private func handshake() async throws -> MastodonSessionInfo {
        guard let v2 = endpoints.instanceV2, let v1 = endpoints.instanceV1 else { throw MastodonAdapterError.notConfigured }
        var fetched = await rest.fetch(v2, as: MastodonInstance.self)
        if case .failure(.notFound) = fetched {
            // Before Mastodon 4.0 only v1 exists.
            fetched = await rest.fetch(v1, as: MastodonInstance.self)
        }
        let instance: MastodonInstance
        switch fetched {
        case .success(let value): instance = value
        case .failure(.unauthorized): throw MastodonAdapterError.tokenRejected
        case .failure(let error): throw error
        }
        var info = MastodonSessionInfo(instance: instance)
        info.streamingURL = configuration.streaming ? endpoints.streaming(base: instance.streamingURL) : nil
        let own = try await ownAccount(info: info)
        logger.notice(
            "mastodon connected",
            metadata: [
                "instance": "\(instance.domain)", "account": "\(own.map { "@" + $0.acct } ?? "unknown yet")",
                "max_characters": "\(instance.maxCharacters)",
                "mode": "\(info.streamingURL == nil ? "polling" : "streaming")",
            ])
        return info
    }

    /// The bot's account from `verify_credentials`, which needs the `profile` (or
    /// `read:accounts`) scope; without it, the one learned earlier, or nil.
    private func ownAccount(info: MastodonSessionInfo) async throws -> MastodonAccount? {
        guard let url = endpoints.verifyCredentials else { return nil }
        switch await rest.fetch(url, as: MastodonAccount.self) {
        case .success(let account):
            remember(account, info: info)
            return account
        case .failure(.unauthorized):
            throw MastodonAdapterError.tokenRejected
        case .failure(.forbidden):
            let saved = (try? store.read { try $0.cursor(info.ownAccountCursor) }).flatMap { $0 }
            let account = saved.flatMap { try? JSONDecoder().decode(MastodonAccount.self, from: Data($0.utf8)) }
            state.withLock { $0.ownAccount = account }
            if account == nil {
                logger.notice("mastodon: the token cannot read the bot's own account (no profile scope); learning it from the first mention")
            }
            return account
        case .failure(let error):
            throw error
        }
    }

    /// Keeps the bot's account (and saves it, for tokens that cannot read it).
    func remember(_ account: MastodonAccount, info: MastodonSessionInfo) {
        state.withLock { $0.ownAccount = account }
        guard let data = try? JSONEncoder().encode(account) else { return }
        do {
            try store.write { try $0.setCursor(info.ownAccountCursor, to: String(decoding: data, as: UTF8.self)) }
        } catch {
            logger.error("cannot save the bot's account", metadata: ["error": "\(error)"])
        }
    }
}
