import Foundation
import Logging
import PeerBot

/// One gateway connection at a time for one shard: drives `GatewaySession`
/// over the transport's `WebSocketClient`.
///
/// A single loop owns the session. Everything that happens — a connection
/// opening, a payload, a connection ending, the session's timer, a stop
/// request — arrives as a `ShardEvent` in its mailbox, is fed to the
/// session, and the session's commands are carried out. Sends go through a
/// sliding-window limiter: at most 120 per 60 s per connection (gateway.mdx
/// "Rate Limiting"), heartbeats, Identify and Resume in its urgent lane.
public actor GatewayShard {
    /// What the shard reports to its owner.
    public struct Hooks: Sendable {
        /// A dispatch arrived (after the session has seen it).
        public var dispatch: @Sendable (GatewayFrame) async -> Void
        /// The session changed in a way worth saving (READY, RESUMED, periodically, on disconnect).
        public var persist: @Sendable (GatewaySessionSnapshot?) async -> Void
        /// The session became ready (true: READY or RESUMED) or stopped being ready (false:
        /// the connection dropped, or is being replaced). Not called when the shard stops.
        public var readiness: @Sendable (Bool) -> Void
        /// A send waited for the gateway's rate limit or an Identify for its slot.
        public var rateLimitWait: @Sendable () -> Void

        public init(
            dispatch: @escaping @Sendable (GatewayFrame) async -> Void, persist: @escaping @Sendable (GatewaySessionSnapshot?) async -> Void,
            readiness: @escaping @Sendable (Bool) -> Void = { _ in }, rateLimitWait: @escaping @Sendable () -> Void = {}
        ) {
            self.dispatch = dispatch
            self.persist = persist
            self.readiness = readiness
            self.rateLimitWait = rateLimitWait
        }
    }

    enum ShardEvent: Sendable {
        case opened(generation: Int, connection: WebSocketConnection)
        case openFailed(generation: Int, reason: String)
        case message(generation: Int, text: String)
        case ended(generation: Int, code: UInt16?)
        case timer(generation: Int)
        case stop
    }

    public let shard: ShardID
    let token: String
    let intents: DiscordIntents
    let client: WebSocketClient
    let identifyGate: IdentifyGate
    let clock: any TransportClock
    let hooks: Hooks
    let logger: Logger
    let sendLimiter: SlidingWindowLimiter
    var session: GatewaySession
    let mailbox: AsyncStream<ShardEvent>
    let post: AsyncStream<ShardEvent>.Continuation
    /// Incremented for every connection attempt: events of older connections are ignored.
    var generation = 0
    var connection: WebSocketConnection?
    var timerGeneration = 0
    var timerDeadline: Duration?
    var connectTask: Task<Void, Never>?
    var readerTask: Task<Void, Never>?
    var timerTask: Task<Void, Never>?
    /// Sends in flight (an Identify may wait for its slot), cancelled on shutdown.
    var sendTasks: [Int: Task<Void, Never>] = [:]
    var nextSendID = 0
    var dispatchesSincePersist = 0
    /// What `hooks.readiness` was last told.
    var reportedReady: Bool?

    /// Gateway sends allowed per window (gateway.mdx "Rate Limiting").
    public static let sendLimit = 120
    public static let sendWindow: Duration = .seconds(60)

    public init(
        shard: ShardID, gatewayURL: URL, token: String, intents: DiscordIntents, client: WebSocketClient,
        identifyGate: IdentifyGate, restoring snapshot: GatewaySessionSnapshot?, settings: GatewaySessionSettings = GatewaySessionSettings(),
        jitter: JitterSource = .system(), clock: any TransportClock, hooks: Hooks,
        logger: Logger = Logger(label: "peerbot.discord.gateway")
    ) {
        self.shard = shard
        self.token = token
        self.intents = intents
        self.client = client
        self.identifyGate = identifyGate
        self.clock = clock
        self.hooks = hooks
        var logger = logger
        logger[metadataKey: "shard"] = "\(shard)"
        self.logger = logger
        sendLimiter = SlidingWindowLimiter(limit: Self.sendLimit, window: Self.sendWindow, urgentReserve: 10, clock: clock)
        session = GatewaySession(gatewayURL: gatewayURL, restoring: snapshot, settings: settings, jitter: jitter)
        (mailbox, post) = AsyncStream.makeStream(of: ShardEvent.self, bufferingPolicy: .unbounded)
    }

    /// Runs until `stop()` (returns) or a fatal close code (throws `DiscordAdapterError.fatalClose`).
    public func run() async throws {
        defer { shutDownTasks() }
        var stopReason: GatewayStop?
        stopReason = execute(session.start())
        reportReadiness()
        if stopReason == nil {
            for await event in mailbox {
                if let reason = await handle(event) {
                    stopReason = reason
                    break
                }
                reportReadiness()
            }
        }
        await hooks.persist(session.snapshot)
        if case .fatal(let code) = stopReason { throw DiscordAdapterError.fatalClose(code) }
    }

    /// Asks the shard to close its connection (keeping the session resumable) and return from `run()`.
    public nonisolated func stop() {
        post.yield(.stop)
    }

    /// The session's phase, for tests and status.
    public var phase: GatewaySession.Phase { session.phase }

    /// Tells the owner when the session became ready or stopped being ready;
    /// a stopped session is the owner's to report (a requested stop, a fatal close).
    private func reportReadiness() {
        guard session.phase != .stopped else { return }
        let ready = session.phase == .ready
        guard ready != reportedReady else { return }
        reportedReady = ready
        hooks.readiness(ready)
    }

    // MARK: - Events

    private func handle(_ event: ShardEvent) async -> GatewayStop? {
        switch event {
        case .opened(let generation, let connection):
            guard generation == self.generation else {
                // A connection nobody waits for any more; not 1000/1001, which would end a session.
                let code = WebSocketCloseCode(session.settings.resumableCloseCode)
                Task { await connection.close(code: code) }
                return nil
            }
            self.connection = connection
            startReading(connection, generation: generation)
            logger.info("gateway connected")
            return feed(.connected)
        case .openFailed(let generation, let reason):
            guard generation == self.generation else { return nil }
            logger.warning("gateway connection failed", metadata: ["reason": "\(reason)"])
            return feed(.connectFailed)
        case .message(let generation, let text):
            guard generation == self.generation else { return nil }
            return await received(text)
        case .ended(let generation, let code):
            guard generation == self.generation else { return nil }
            connection = nil
            logger.notice("gateway connection closed by Discord", metadata: ["code": "\(GatewayCloseCode(code))"])
            // 4008 "Rate limited": sent too fast (opcodes-and-status-codes.mdx); the reconnect is a wait too.
            if code == 4008 { hooks.rateLimitWait() }
            await hooks.persist(session.snapshot)
            return feed(.closed(code: code))
        case .timer(let generation):
            guard generation == timerGeneration else { return nil }
            timerDeadline = nil
            return feed(.timerFired)
        case .stop:
            return feed(.stopRequested)
        }
    }

    private func received(_ text: String) async -> GatewayStop? {
        let frame: GatewayFrame
        let input: GatewayInput?
        do {
            frame = try GatewayFrame(text: text)
            input = try frame.sessionInput()
        } catch {
            logger.debug("unreadable gateway payload ignored", metadata: ["bytes": "\(text.utf8.count)"])
            return nil
        }
        guard let input else {
            logger.debug("unexpected gateway opcode ignored", metadata: ["op": "\(frame.opcode)"])
            return nil
        }
        let stop = feed(input)
        if case .dispatch(_, let name, _) = input {
            dispatchesSincePersist += 1
            if name == "READY" || name == "RESUMED" || dispatchesSincePersist >= 25 {
                dispatchesSincePersist = 0
                if name == "READY" { logger.notice("gateway session ready") }
                if name == "RESUMED" { logger.notice("gateway session resumed") }
                await hooks.persist(session.snapshot)
            }
            // Handed over before the next payload is read, so events keep their order.
            await hooks.dispatch(frame)
        }
        return stop
    }

    /// Feeds the session and carries out its commands.
    private func feed(_ input: GatewayInput) -> GatewayStop? {
        let stop = execute(session.handle(input, now: clock.now))
        armTimer()
        return stop
    }
}
