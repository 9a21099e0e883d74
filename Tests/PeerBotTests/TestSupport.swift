import Foundation
import PeerBot

/// A temporary directory removed when the value is released.
final class TemporaryDirectory {
    let url: URL

    init() {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("peerbot-test-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    deinit { try? FileManager.default.removeItem(at: url) }
}

enum Fixtures {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static func path(_ name: String) -> String { directory.appendingPathComponent(name).path }
    /// The repository's root, for checks on shipped files.
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func resourceDirectory() throws -> ResourceDirectory {
        try ResourceDirectory.load(path: path("resources.toml"))
    }
}

/// A bot on a real SQLite file with a virtual clock and an in-memory adapter.
struct BotHarness {
    let temporary = TemporaryDirectory()
    let store: SQLiteStore
    let clock: VirtualWallClock
    let bot: Bot
    let adapter = InMemoryAdapter()
    let dispatcher: OutboxDispatcher

    init(
        start: Date = Date(timeIntervalSince1970: 1_790_000_000),
        configure: (inout BotConfiguration) -> Void = { _ in },
        features: ((BotConfiguration) throws -> [any Feature])? = nil
    ) async throws {
        var configuration = BotConfiguration()
        // Tests send many commands at one virtual instant; the rate limit's own tests set it.
        configuration.limits.commandBurst = 10_000
        configure(&configuration)
        store = try SQLiteStore(path: temporary.path("bot.sqlite"))
        clock = VirtualWallClock(start: start)
        let chosen = try features?(configuration) ?? [ResourcesFeature(directory: try Fixtures.resourceDirectory())]
        bot = try Bot(configuration: configuration, store: store, clock: clock, features: chosen)
        dispatcher = OutboxDispatcher(store: store, clock: clock)
        await dispatcher.register(adapter)
    }

    static func member(_ name: String) -> MemberRef { MemberRef(platform: .console, id: name, handle: name) }
    static let general = ChannelRef(platform: .console, space: "console", id: "general", name: "general")

    /// Sends a message as `name` and returns the texts performed in response.
    @discardableResult
    func say(_ name: String, _ text: String, role: Role = .member, channel: ChannelRef = general) async -> [OutboundAction] {
        adapter.clear()
        await bot.handle(
            .message(
                InboundMessage(
                    id: UUID().uuidString, author: Self.member(name), authorRole: role, channel: channel, text: text)))
        await dispatcher.drain()
        return adapter.performed
    }
}

extension OutboundAction {
    /// True when this is a private reply to `name`.
    func isPrivate(to name: String) -> Bool {
        if case .replyPrivately(let member, _, _) = self { return member.id == name }
        return false
    }

    /// True when this is posted in the channel named `name`.
    func isPosted(in name: String) -> Bool {
        if case .send(let channel, _) = self { return channel.name == name || channel.id == name }
        return false
    }
}
