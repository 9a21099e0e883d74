import Foundation
import Logging
import Synchronization
@testable import PeerBot

extension BotHarness {
    /// A bot with the standard features, the shipped crisis phrases, and the
    /// console's facilitators (sam, riley; backup ada) as the assembly derives them.
    static func standard(
        start: Date = Date(timeIntervalSince1970: 1_790_000_000), configure: @escaping (inout BotConfiguration) -> Void = { _ in }
    ) async throws -> BotHarness {
        try await BotHarness(
            start: start,
            configure: { configuration in
                configuration.escalation.facilitators = ["console:sam", "console:riley"]
                configuration.escalation.backup = ["console:ada"]
                configure(&configuration)
            },
            features: { configuration in
                StandardFeatures.make(
                    configuration: configuration, directory: try Fixtures.resourceDirectory(),
                    crisisMatcher: try Fixtures.shippedCrisisMatcher())
            })
    }

    static let facilitators = ChannelRef(platform: .console, space: "console", id: "facilitators", name: "facilitators")
    static func direct(_ name: String) -> ChannelRef {
        ChannelRef(platform: .console, space: "console", id: "dm:\(name)", isDirect: true)
    }

    /// A facilitator speaking in #facilitators.
    @discardableResult
    func facilitator(_ name: String, _ text: String) async -> [OutboundAction] {
        await say(name, text, role: .facilitator, channel: Self.facilitators)
    }

    /// Moves the clock forward, running each job at its own due time (as the runtime does).
    @discardableResult
    func advance(_ seconds: TimeInterval) async -> [OutboundAction] {
        adapter.clear()
        let target = clock.now.addingTimeInterval(seconds)
        while let due = await bot.nextJobDue(), due <= target {
            clock.set(due)
            await bot.runDueJobs()
            await dispatcher.drain()
        }
        clock.set(target)
        await bot.runDueJobs()
        await dispatcher.drain()
        return adapter.performed
    }

    /// A reaction as the platform would deliver it.
    func react(_ name: String, role: Role, to messageID: String, emoji: String = "✅") async -> [OutboundAction] {
        adapter.clear()
        await bot.handle(
            .reaction(
                InboundReaction(
                    member: Self.member(name), memberRole: role, channel: Self.facilitators, messageID: messageID,
                    emoji: emoji)))
        await dispatcher.drain()
        return adapter.performed
    }

    /// How many outbox entries carry `tag`.
    func outboxCount(tag: String) throws -> Int {
        try store.read { try $0.outboxEntryCount(tag: tag) }
    }

    func ticket(_ number: Int) throws -> Ticket? {
        try store.read { try $0.ticket(number: number) }
    }
}

extension Fixtures {
    static func shippedCrisisMatcher() throws -> CrisisMatcher {
        let path = repositoryRoot.appendingPathComponent("config/crisis/en.txt").path
        return CrisisMatcher(phrases: try CrisisPhraseList.load(files: [path]).phrases)
    }
}

extension OutboundAction {
    /// True when this is a page (or a notice) posted in the channel named `name`.
    func isPage(in name: String) -> Bool {
        if case .page(let channel, _, _, _) = self { return channel.id == name }
        return false
    }

    /// The members a page mentions.
    var mentionedIDs: [String] {
        if case .page(_, _, let mentions, _) = self { return mentions.map(\.id) }
        return []
    }

    /// True when anyone but the member it names could see it (a channel post outside #facilitators).
    var isPublic: Bool {
        switch self {
        case .send(let channel, _), .page(let channel, _, _, _): !channel.isDirect && channel.id != "facilitators"
        case .replyPrivately: false
        case .react: true
        }
    }
}

/// Collects log records so tests can check what is (never) logged.
final class LogCapture: Sendable {
    private let records = Mutex<[String]>([])

    func logger(_ label: String) -> Logger {
        Logger(label: label) { _ in Handler(capture: self) }
    }

    var lines: [String] { records.withLock { $0 } }

    fileprivate func append(_ line: String) { records.withLock { $0.append(line) } }

    private struct Handler: LogHandler {
        let capture: LogCapture
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            let all = metadata.merging(event.metadata ?? [:]) { $1 }
            capture.append("\(event.level) \(event.message) \(all.map { "\($0.key)=\($0.value)" }.sorted().joined(separator: " "))")
        }
    }
}
