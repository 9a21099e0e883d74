import Foundation
import Logging
import PeerBot
import Synchronization

/// The local adapter: reads the console grammar from stdin (or given lines)
/// and prints the bot's messages as `[#channel] text` and `[dm:name] text`.
public final class ConsoleAdapter: ChatAdapter {
    public let platform = Platform.console
    public let configuration: ConsoleConfiguration
    private let input: ConsoleInput
    private let output: ConsoleOutput
    private let allowsClockAdvance: Bool
    private let parser: ConsoleLineParser
    private let stream: AsyncStream<InboundEvent>
    private let continuation: AsyncStream<InboundEvent>.Continuation
    private let counters = Mutex<(line: Int, sent: Int)>((0, 0))
    private let logger: Logger
    /// The input thread waits on this after each event until the runtime has
    /// handled it, so console diagnostics and bot output appear in input order.
    private let processed = DispatchSemaphore(value: 0)

    /// - Parameter allowsClockAdvance: true when the clock is virtual, so `:advance` is accepted.
    public init(
        configuration: ConsoleConfiguration, input: ConsoleInput, output: ConsoleOutput, allowsClockAdvance: Bool,
        logger: Logger = Logger(label: "peerbot.console")
    ) {
        self.configuration = configuration
        self.input = input
        self.output = output
        self.allowsClockAdvance = allowsClockAdvance
        self.logger = logger
        parser = ConsoleLineParser(defaultChannel: configuration.defaultChannel)
        (stream, continuation) = AsyncStream.makeStream(of: InboundEvent.self, bufferingPolicy: .unbounded)
    }

    public var processesInLockstep: Bool { true }

    public func events() -> AsyncStream<InboundEvent> { stream }

    public func run() async throws {
        input.start(
            handle: { [self] raw in receive(raw) },
            finish: { [continuation] in continuation.finish() })
    }

    public func stop() async {
        continuation.finish()
        processed.signal()
    }

    public func didProcess(_ event: InboundEvent) async {
        processed.signal()
    }

    /// Hands an event to the runtime and waits until it has been handled.
    private func deliver(_ event: InboundEvent) {
        if case .terminated = continuation.yield(event) { return }
        processed.wait()
    }

    private func receive(_ raw: ConsoleInput.RawLine) {
        let number = counters.withLock { counters in
            counters.line += 1
            return counters.line
        }
        guard case .bytes(var bytes) = raw else {
            output.writeLine("[console] line \(number) is longer than 1 MiB; skipped")
            return
        }
        if bytes.last == UInt8(ascii: "\r") { bytes.removeLast() }
        guard let line = String(validating: bytes, as: UTF8.self) else {
            output.writeLine("[console] line \(number) is not valid UTF-8; skipped")
            return
        }
        switch parser.parse(line) {
        case .ignored:
            break
        case .invalid(let reason):
            output.writeLine("[console] line \(number): \(reason)")
        case .join(let name):
            deliver(.memberJoined(MemberJoin(member: member(name), channel: channel(.channel(configuration.defaultChannel), for: name))))
        case .advance(let seconds):
            if allowsClockAdvance {
                deliver(.advanceClock(seconds: seconds))
            } else {
                output.writeLine("[console] line \(number): :advance needs a virtual clock (peerbot console --virtual-clock 2026-01-01T09:00:00Z)")
            }
        case .message(let name, let where_, let text):
            deliver(
                .message(
                    InboundMessage(
                        id: "line-\(number)", author: member(name), authorRole: configuration.role(of: name),
                        channel: channel(where_, for: name), text: text,
                        mentions: ConsoleLineParser.mentions(in: text).map(member))))
        }
    }

    private func member(_ name: String) -> MemberRef {
        MemberRef(platform: .console, id: name, handle: name)
    }

    private func channel(_ where_: ConsoleChannel, for name: String) -> ChannelRef {
        switch where_ {
        case .channel(let channelName):
            ChannelRef(platform: .console, space: "console", id: channelName, name: channelName)
        case .direct:
            ChannelRef(platform: .console, space: "console", id: "dm:\(name)", isDirect: true)
        }
    }

    public func perform(_ action: OutboundAction, idempotencyKey: String) async throws -> DeliveryReceipt {
        switch action {
        case .send(let channel, let text):
            output.write(label: label(for: channel), text: text)
        case .replyPrivately(let member, let text, _):
            output.write(label: "dm:\(member.id)", text: text)
        case .page(let channel, let text, let mentions, _):
            // The console has no notifications: mentions are shown as @names before the text.
            let names = mentions.filter { $0.platform == .console }.map { "@\($0.handle)" }
            output.write(label: label(for: channel), text: names.isEmpty ? text : names.joined(separator: " ") + " " + text)
        case .react(let channel, let messageID, let emoji):
            output.write(label: label(for: channel), text: "(reacted \(emoji) to \(messageID))")
        }
        let sent = counters.withLock { counters in
            counters.sent += 1
            return counters.sent
        }
        return DeliveryReceipt(messageID: "out-\(sent)")
    }

    private func label(for channel: ChannelRef) -> String {
        if channel.isDirect {
            return channel.id.hasPrefix("dm:") ? channel.id : "dm:\(channel.id)"
        }
        return "#\(channel.name ?? channel.id)"
    }
}
