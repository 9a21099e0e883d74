import Adapters
import Foundation
import PeerBot

/// Discord `MESSAGE_CREATE` events per second through the adapter's own
/// inbound path, as `GatewayShard` and `DiscordInbound` run it for each text
/// frame: `GatewayFrame(text:)` (the envelope), `sessionInput()`, the gateway
/// session state machine (`GatewaySession.handle`, sequence tracking), then
/// `DiscordEventTranslator.translate` (decodes `d` into `DiscordMessage` and
/// builds the core's `InboundMessage`). With `.recordingSeen`, each event is
/// also recorded in the seen-event table of a SQLite file (one write
/// transaction each), as `DiscordInbound` does to drop a resume's replays.
/// Payloads: `DiscordPayloadGenerator`.
@MainActor
final class DiscordDecodeBenchmark: Benchmark {
    enum Mode {
        case decodeOnly
        case recordingSeen
    }

    let mode: Mode
    private let eventsPerSample = 20_000
    private var frames: [String] = []
    private var translator: DiscordEventTranslator?
    private var session: GatewaySession?
    private var directory: URL?
    private var samples = 0

    init(_ mode: Mode) {
        self.mode = mode
    }

    var name: String {
        switch mode {
        case .decodeOnly: "Discord MESSAGE_CREATE decode"
        case .recordingSeen: "Discord MESSAGE_CREATE decode + seen-event record (SQLite)"
        }
    }
    var unit: String { "events/s" }

    func setUp() async throws {
        var generator = DiscordPayloadGenerator()
        frames = (0..<eventsPerSample).map { _ in generator.next() }
        var configuration = DiscordConfiguration()
        configuration.facilitatorRoleIDs = [DiscordPayloadGenerator.facilitatorRole]
        let slash = SlashCommands(sources: [.init(name: "resources", arguments: "[TOPIC] [REGION]", summary: "s")], global: true)
        var translator = DiscordEventTranslator(configuration: configuration, slashCommands: slash)
        guard let gateway = URL(string: "wss://gateway.discord.gg") else { throw BenchError("bad gateway URL") }
        var session = GatewaySession(gatewayURL: gateway)
        _ = session.start()
        _ = session.handle(.connected, now: .zero)
        _ = session.handle(.hello(heartbeatInterval: .milliseconds(41_250)), now: .zero)
        let ready = try GatewayFrame(text: DiscordPayloadGenerator.ready())
        guard let input = try ready.sessionInput() else { throw BenchError("READY is not a session input") }
        _ = session.handle(input, now: .zero)
        _ = translator.translate(ready)
        guard session.phase == .ready, translator.botUserID == DiscordPayloadGenerator.bot else {
            throw BenchError("the session did not become ready")
        }
        self.translator = translator
        self.session = session
        directory = try BenchEnvironment.temporaryDirectory("discord-decode")
    }

    func sample() async throws -> Double {
        guard var translator, var session, let directory else { throw BenchError("not set up") }
        samples += 1
        // A new database per sample, so every event is new to it (as live traffic is).
        let store = mode == .recordingSeen ? try SQLiteStore(path: directory.appendingPathComponent("seen-\(samples).sqlite").path) : nil
        var messages = 0
        var bytes = 0
        let clock = ContinuousClock()
        let start = clock.now
        for text in frames {
            let frame = try GatewayFrame(text: text)
            guard let input = try frame.sessionInput() else { throw BenchError("a frame is not a session input") }
            _ = session.handle(input, now: .seconds(1))
            let translation = translator.translate(frame)
            guard case .message = translation.event else { continue }
            if let store, let key = translation.dedupeKey {
                guard try store.write({ try $0.markSeen(platform: .discord, eventID: key, at: Date()) }) else { continue }
            }
            messages += 1
            bytes += text.utf8.count
        }
        let elapsed = (clock.now - start).seconds
        guard messages == frames.count else { throw BenchError("\(messages) of \(frames.count) payloads became messages") }
        self.translator = translator
        self.session = session
        return Double(messages) / elapsed
    }

    func tearDown() async {
        frames = []
        if let directory { try? FileManager.default.removeItem(at: directory) }
    }
}
