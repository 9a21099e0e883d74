import Adapters
import Foundation
import PeerBot
import Testing

/// The real Discord adapter, the real core (features, SQLite on disk, outbox)
/// and the fake Discord, wired as `peerbot run` wires them.
final class DiscordRig: Sendable {
    let fake: FakeDiscord
    let adapter: DiscordAdapter
    let store: SQLiteStore
    let runtime: BotRuntime
    let bot: Bot
    let logs: LogRecorder
    let directory: URL
    private let webSocketClient: WebSocketClient
    private let http: HTTPClient

    /// The repository root, for the shipped help-line directory.
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// - Parameter discordTOML: extra keys for `[discord]`.
    /// - Parameter directory: where the database lives; a second rig on the same directory is a restart.
    init(
        fake: FakeDiscord, discordTOML: String = "", sessionSettings: GatewaySessionSettings = GatewaySessionSettings(),
        directory existing: URL? = nil
    ) throws {
        self.fake = fake
        directory = existing ?? FileManager.default.temporaryDirectory.appendingPathComponent("peerbot-discord-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let toml = """
            [storage]
            path = "\(directory.appendingPathComponent("peerbot.sqlite").path)"
            [resources]
            directory = "\(Self.repositoryRoot.appendingPathComponent("config/resources.toml").path)"
            [console]
            enabled = false
            [discord]
            enabled = true
            token = "${DISCORD_TOKEN}"
            api_base_url = "\(fake.apiBaseURL.absoluteString)"
            facilitator_role_ids = ["\(Payloads.facilitatorRole)"]
            \(discordTOML)
            [escalation]
            destination = "discord:\(Payloads.facilitatorChannel)"
            facilitators = ["discord:\(Payloads.sam)"]
            backup = []
            """
        let app = try AppConfiguration(
            document: try ConfigDocument.parse(toml, path: "rig.toml"), environment: ["DISCORD_TOKEN": FakeDiscord.token])
        #expect(app.warnings == [])
        store = try SQLiteStore(path: app.core.storage.path)
        let resources = try ResourceDirectory.load(path: app.core.resources.directory)
        let features = StandardFeatures.make(configuration: app.core, directory: resources, crisisMatcher: CrisisMatcher(phrases: []))
        let clock = SystemWallClock()
        bot = try Bot(configuration: app.core, store: store, clock: clock, features: features)
        logs = LogRecorder()
        http = try HTTPClient()
        webSocketClient = try WebSocketClient()
        let commands = SlashCommandSource.sources(for: features)
        adapter = DiscordAdapter(
            configuration: app.discord, store: store, commands: commands, http: http, webSocketClient: webSocketClient,
            sessionSettings: sessionSettings, logger: logs.logger())
        runtime = BotRuntime(bot: bot, dispatcher: OutboxDispatcher(store: store, clock: clock), clock: clock, adapters: [adapter])
    }

    /// Runs the bot until `body` returns, then stops it and checks every REST request against the OpenAPI spec.
    func run(_ body: () async throws -> Void) async throws {
        let running = Task { _ = await runtime.run() }
        do {
            try await body()
        } catch {
            await runtime.stop()
            await running.value
            throw error
        }
        await runtime.stop()
        await running.value
        try await checkEveryRequestAgainstTheSpec()
    }

    /// Every REST request the adapter made conforms to Discord's OpenAPI description, and carried the token.
    func checkEveryRequestAgainstTheSpec() async throws {
        let checker = try #require(SpecCheck.checker)
        let requests = try await fake.records().rest()
        #expect(!requests.isEmpty)
        for request in requests {
            let method = request["method"]?.string ?? "", path = request["path"]?.string ?? ""
            #expect(path.hasPrefix("/api/v10/"))
            let problems = checker.problems(
                method: method, path: String(path.dropFirst("/api/v10".count)),
                query: request["query"]?.array?.compactMap(\.string) ?? [], body: request["body"]?.string.map { Data($0.utf8) })
            #expect(problems == [], "\(method) \(path)")
            #expect(request["authorized"] == .bool(true))
            #expect(request["user_agent"]?.string?.hasPrefix("DiscordBot (") == true)
        }
        for line in logs.all {
            #expect(!line.text.contains(FakeDiscord.token), "a log line shows the token")
            #expect(!line.text.contains("interaction-token"), "a log line shows an interaction token")
        }
    }

    deinit {
        try? FileManager.default.removeItem(at: directory)
    }

    func shutdown() async {
        await webSocketClient.shutdown()
        await http.shutdown()
    }
}
