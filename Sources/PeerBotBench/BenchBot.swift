import Adapters
import Foundation
import PeerBot

/// The bot as `peerbot` assembles it (`BotAssembly`) — the shipped
/// configuration, every standard feature, the shipped crisis phrases and
/// metrics counted into a Prometheus registry — on a real SQLite file (WAL)
/// in a temporary folder, with a benchmark's adapter in place of the console.
final class BenchBot {
    let directory: URL
    let configuration: AppConfiguration
    let store: SQLiteStore
    let bot: Bot
    let dispatcher: OutboxDispatcher

    /// - Parameter adapter: performs what the bot sends; its platform should be `.console`, which the shipped configuration addresses.
    init(adapter: any ChatAdapter, clock: any WallClock = SystemWallClock(), label: String) async throws {
        directory = try BenchEnvironment.temporaryDirectory(label)
        let path = try BenchEnvironment.writeShippedConfig(in: directory)
        configuration = try AppConfiguration.load(path: path)
        let resources = try ResourceDirectory.load(path: configuration.core.resources.directory)
        let phrases = try CrisisPhraseList.load(files: configuration.core.crisis.phraseFiles).phrases
        store = try SQLiteStore(path: configuration.core.storage.path)
        let features = StandardFeatures.make(
            configuration: configuration.core, directory: resources, crisisMatcher: CrisisMatcher(phrases: phrases))
        let metrics = BotMetrics(factory: PrometheusExposition().factory)
        bot = try Bot(configuration: configuration.core, store: store, clock: clock, features: features, metrics: metrics)
        await bot.prepare()
        dispatcher = OutboxDispatcher(store: store, clock: clock, metrics: metrics)
        await dispatcher.register(adapter)
    }

    /// Removes the temporary folder and its database.
    func remove() {
        try? FileManager.default.removeItem(at: directory)
    }

    static let general = ChannelRef(platform: .console, space: "console", id: "general", name: "general")

    static func member(_ name: String) -> MemberRef { MemberRef(platform: .console, id: name, handle: name) }

    /// A message from `name` in `channel` (the general channel unless given).
    static func message(
        _ text: String, from name: String, id: Int, in channel: ChannelRef = general, role: Role = .member,
        mentions: [MemberRef] = []
    ) -> InboundEvent {
        .message(
            InboundMessage(
                id: "m\(id)", author: member(name), authorRole: role, channel: channel, text: text, mentions: mentions))
    }
}
