import Adapters
import Foundation
import PeerBot
import Testing

/// The bot on a real SQLite file, with the real Mastodon adapter over the real
/// transport (libcurl, libwebsockets), against a fake Mastodon on loopback.
/// Real clock: the adapter talks to a real server.
final class MastodonBotHarness {
    let fake: FakeMastodon
    let store: SQLiteStore
    let adapter: MastodonAdapter
    let runtime: BotRuntime
    let bot: Bot
    let logs = CapturedLogs()
    let directory: URL
    private let http: HTTPClient
    private var running: Task<Void, Never>?

    /// One WebSocket client (one libwebsockets context) for every Mastodon test, as
    /// in production: creating contexts while other tests run `wss://` handshakes
    /// is what the transport warns against (README, Transport).
    static let sharedWebSockets = Result { try WebSocketClient() }

    /// Fast reconnects for tests; the production timings are tested on the state machine.
    static let testPolicy = MastodonStreamSession.Policy(
        backoff: ExponentialBackoff(base: 0.2, cap: 1, floor: 0.05), pollInterval: 1, failuresBeforePolling: 5,
        streamRetryInterval: 3, stableAfter: 60)

    init(
        fakeArguments: [String] = [], token: String = FakeMastodon.token, policy: MastodonStreamSession.Policy = testPolicy,
        configure: (inout MastodonConfiguration) -> Void = { _ in },
        configureCore: (inout BotConfiguration) -> Void = { _ in }
    ) async throws {
        fake = try await FakeMastodon.start(arguments: fakeArguments)
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("peerbot-mastodon-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        store = try SQLiteStore(path: directory.appendingPathComponent("bot.sqlite").path)
        var configuration = MastodonConfiguration()
        configuration.enabled = true
        configuration.instance = fake.instanceURL
        configuration.accessToken = token
        configure(&configuration)
        http = try HTTPClient()
        adapter = try MastodonAdapter(
            configuration: configuration, store: store, http: http, webSockets: try Self.sharedWebSockets.get(),
            policy: policy,
            logger: logs.logger())
        var core = BotConfiguration()
        core.escalation.destination = EscalationDestination(platform: .mastodon, channelID: "direct")
        configureCore(&core)
        let resources = try ResourceDirectory.load(path: Self.repositoryRoot.appendingPathComponent("config/resources.toml").path)
        let clock = SystemWallClock()
        bot = try Bot(
            configuration: core, store: store, clock: clock,
            features: StandardFeatures.make(configuration: core, directory: resources, crisisMatcher: CrisisMatcher(phrases: [])))
        runtime = BotRuntime(
            bot: bot, dispatcher: OutboxDispatcher(store: store, clock: clock, logger: logs.logger("peerbot.outbox")),
            clock: clock, adapters: [adapter], tick: .milliseconds(200), logger: logs.logger("peerbot.runtime"))
    }

    static let repositoryRoot = Cassettes.fixtures.deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Starts the runtime (and so the adapter) in the background.
    func start() {
        let runtime = self.runtime
        running = Task { await runtime.run() }
    }

    /// Starts, and waits until the stream is open.
    func startStreaming() async throws {
        start()
        try await waitUntil("the stream is open") { try await self.fake.streams().open == 1 }
    }

    /// Waits until the runtime has returned (every adapter stopped).
    func waitForRuntimeToEnd() async {
        await running?.value
    }

    /// The stored catch-up cursor (the newest notification id handled).
    func notificationCursor() throws -> String? {
        try store.read { try $0.cursor("mastodon:localhost:3000:last_notification") }
    }

    func stop() async {
        await runtime.stop()
        await running?.value
        await http.shutdown()
        await fake.stop()
        try? FileManager.default.removeItem(at: directory)
    }

    /// Waits for `condition` with a generous deadline (a guard against hangs, not
    /// a timing assertion); fails the test naming `what` if it never holds.
    func waitUntil(_ what: String, seconds: Double = 30, _ condition: () async throws -> Bool) async throws {
        let deadline = ContinuousClock.now + .seconds(seconds)
        while ContinuousClock.now < deadline {
            if try await condition() { return }
            try await Task.sleep(for: .milliseconds(50))
        }
        Issue.record("timed out waiting until \(what)")
        throw HarnessError(description: "timed out waiting until \(what)")
    }

    /// The statuses that answer (in thread) the mention `notification`.
    func thread(answering notification: MastodonNotification) async throws -> [PostedStatus] {
        guard let root = notification.status?.id else { return [] }
        var chain: [PostedStatus] = []
        let all = try await fake.statuses()
        var parent = root
        while let next = all.first(where: { $0.status.inReplyToID == parent }) {
            chain.append(next)
            parent = next.status.id
        }
        return chain
    }

    /// Waits until the whole reply thread to `notification` is posted: one status,
    /// or n statuses whose last ends with `(n/n)`.
    @discardableResult
    func waitForThread(answering notification: MastodonNotification) async throws -> [PostedStatus] {
        var thread: [PostedStatus] = []
        try await waitUntil("the reply to the mention is posted") {
            thread = try await self.thread(answering: notification)
            guard let last = thread.last else { return false }
            let counter = "(\(thread.count)/\(thread.count))"
            return last.text.hasSuffix(counter) || (thread.count == 1 && !last.text.hasSuffix(")"))
        }
        return thread
    }

    /// Every log line must be free of the token.
    func expectTokenNeverLogged(_ token: String = FakeMastodon.token) {
        let leaking = logs.all.filter { $0.line.contains(token) }
        #expect(leaking.isEmpty, "the token appeared in \(leaking.count) log lines")
    }
}

struct HarnessError: Error, CustomStringConvertible {
    var description: String
}
