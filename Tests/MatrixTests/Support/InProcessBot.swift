import Foundation
import Logging
import PeerBot
@testable import Adapters

/// PeerBot in the test process: the real core, SQLite on disk and the real
/// Matrix adapter, for tests that need to look inside (deliveries, logs).
final class InProcessBot: Sendable {
    let adapter: MatrixAdapter
    let store: SQLiteStore
    let runtime: BotRuntime
    let bot: Bot
    let log = CapturedLog()
    private let task = Locked<Task<Void, Never>?>(nil)

    static let repositoryRoot = SynapseHomeserver.repositoryRoot

    /// `configureCore` adjusts the core configuration (an escalation destination, …).
    init(
        matrix: MatrixConfiguration, http: any MatrixHTTP, databasePath: String? = nil,
        configureCore: (inout BotConfiguration) -> Void = { _ in }
    ) throws {
        let path = databasePath
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("peerbot-matrix-\(UUID().uuidString).sqlite").path
        store = try SQLiteStore(path: path)
        var core = BotConfiguration()
        core.resources.directory = Self.repositoryRoot.appendingPathComponent("config/resources.toml").path
        configureCore(&core)
        let directory = try ResourceDirectory.load(path: core.resources.directory)
        let clock = SystemWallClock()
        bot = try Bot(
            configuration: core, store: store, clock: clock, features: StandardFeatures.make(configuration: core, directory: directory, crisisMatcher: CrisisMatcher(phrases: [])),
            logger: log.logger("peerbot.core"))
        adapter = MatrixAdapter(configuration: matrix, store: store, http: http, logger: log.logger("peerbot.matrix"))
        runtime = BotRuntime(
            bot: bot, dispatcher: OutboxDispatcher(store: store, clock: clock, logger: log.logger("peerbot.outbox")), clock: clock,
            adapters: [adapter], tick: .milliseconds(200), logger: log.logger("peerbot.runtime"))
    }

    /// Starts the runtime in the background.
    func start() {
        let runtime = runtime
        task.update { $0 = Task { await runtime.run() } }
    }

    /// Waits until the adapter has signed in (deliveries before that are refused as transient).
    func waitUntilSignedIn(seconds: Double = 60) async throws {
        let deadline = Date().addingTimeInterval(seconds)
        while !log.all.contains(where: { $0.contains("signed in") }) {
            guard Date() < deadline else { throw NotSignedIn(seconds: seconds) }
            try await Task.sleep(for: .milliseconds(20))
        }
    }

    /// Stops the adapter and waits for the runtime to finish.
    func stop() async {
        await runtime.stop()
        await task.value?.value
    }

    struct NotSignedIn: Error, CustomStringConvertible {
        var seconds: Double
        var description: String { "the Matrix adapter did not sign in within \(Int(seconds)) s" }
    }
}
