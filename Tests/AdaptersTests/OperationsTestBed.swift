import Foundation
import PeerBot
@testable import Adapters

/// A bot with the standard features on a temporary SQLite file, a virtual
/// clock, one in-memory adapter per platform, a runtime, Prometheus metrics
/// and the health endpoint on a free loopback port.
final class OperationsTestBed {
    let directory: URL
    let store: SQLiteStore
    let clock = VirtualWallClock(start: Date(timeIntervalSince1970: 1_790_000_000))
    let exposition = PrometheusExposition()
    let bot: Bot
    let dispatcher: OutboxDispatcher
    let adapters: [InMemoryAdapter]
    let runtime: BotRuntime
    let server: HealthServer

    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    init(platforms: [Platform] = [.console, .discord]) async throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("peerbot-ops-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        store = try SQLiteStore(path: directory.appendingPathComponent("bot.sqlite").path)
        var configuration = BotConfiguration()
        configuration.escalation.facilitators = ["console:sam"]
        let resources = try ResourceDirectory.load(path: Self.repositoryRoot.appendingPathComponent("config/resources.toml").path)
        let features = StandardFeatures.make(
            configuration: configuration, directory: resources, crisisMatcher: CrisisMatcher(phrases: ["want to die"]))
        let metrics = BotMetrics(factory: exposition.factory)
        bot = try Bot(configuration: configuration, store: store, clock: clock, features: features, metrics: metrics)
        dispatcher = OutboxDispatcher(store: store, clock: clock, metrics: metrics)
        adapters = platforms.map { InMemoryAdapter(platform: $0) }
        runtime = BotRuntime(
            bot: bot, dispatcher: dispatcher, clock: clock, adapters: adapters, outboxStuckAfter: 600)
        let endpoint = OperationsEndpoint(runtime: runtime, exposition: exposition, memoryMetrics: metrics)
        server = try HealthServer(address: ListenAddress(host: "127.0.0.1", port: 0)) { request in
            endpoint.respond(to: request)
        }
        for adapter in adapters { await dispatcher.register(adapter) }
        metrics.registerFamilies(platforms: platforms)
    }

    var port: UInt16 { server.address.port }

    func get(_ path: String) async throws -> HTTPTestClient.Response {
        try await HTTPTestClient.get(path, port: port)
    }

    /// Scrapes `/metrics` and parses it strictly.
    func scrape() async throws -> PrometheusTextParser {
        let response = try await get("/metrics")
        return try PrometheusTextParser(response.body)
    }

    /// A console member's message, handled and delivered.
    func say(_ name: String, _ text: String, role: Role = .member, channel: String = "general") async {
        await bot.handle(
            .message(
                InboundMessage(
                    id: UUID().uuidString, author: MemberRef(platform: .console, id: name, handle: name), authorRole: role,
                    channel: ChannelRef(platform: .console, space: "console", id: channel, name: channel), text: text)))
        await dispatcher.drain()
    }

    deinit {
        server.stop()
        try? FileManager.default.removeItem(at: directory)
    }
}
