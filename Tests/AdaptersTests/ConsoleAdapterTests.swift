import Foundation
import PeerBot
import Testing
@testable import Adapters

@Suite struct ConsoleAdapterTests {
    func configuration() -> ConsoleConfiguration {
        var configuration = ConsoleConfiguration()
        configuration.facilitators = ["sam"]
        configuration.admins = ["ada"]
        return configuration
    }

    /// Runs lines through the adapter and collects the events it yields.
    func events(for lines: [String], virtual: Bool = true) async throws -> ([InboundEvent], ConsoleOutput) {
        let output = ConsoleOutput.buffer()
        let adapter = ConsoleAdapter(
            configuration: configuration(), input: .lines(lines), output: output, allowsClockAdvance: virtual)
        try await adapter.run()
        var events: [InboundEvent] = []
        for await event in adapter.events() {
            events.append(event)
            await adapter.didProcess(event)
        }
        return (events, output)
    }

    @Test func rolesComeFromConfiguration() async throws {
        let (events, _) = try await events(for: ["sam: hi", "ada: hi", "alice@dm: hi"])
        let roles = events.compactMap { event -> Role? in
            if case .message(let message) = event { return message.authorRole }
            return nil
        }
        #expect(roles == [.facilitator, .admin, .member])
        guard case .message(let direct) = events[2] else { Issue.record("expected a message"); return }
        #expect(direct.channel.isDirect)
    }

    @Test func badLinesAreReportedInOrder() async throws {
        let (events, output) = try await events(for: ["nonsense", "alice: hi", ":advance 5m"], virtual: false)
        #expect(events.count == 1)
        #expect(output.lines.count == 2)
        #expect(output.lines[0].hasPrefix("[console] line 1:"))
        #expect(output.lines[1].contains(":advance needs a virtual clock"))
    }

    @Test func outputFormat() async throws {
        let output = ConsoleOutput.buffer()
        let adapter = ConsoleAdapter(configuration: configuration(), input: .lines([]), output: output, allowsClockAdvance: false)
        let general = ChannelRef(platform: .console, id: "general", name: "general")
        let alice = MemberRef(platform: .console, id: "alice")
        _ = try await adapter.perform(.send(channel: general, text: "one\ntwo"), idempotencyKey: "k1")
        _ = try await adapter.perform(.replyPrivately(member: alice, text: "private", origin: nil), idempotencyKey: "k2")
        #expect(output.lines == ["[#general] one", "  two", "[dm:alice] private"])
    }

    @Test func pagesShowTheirMentionsAsNames() async throws {
        let output = ConsoleOutput.buffer()
        let adapter = ConsoleAdapter(configuration: configuration(), input: .lines([]), output: output, allowsClockAdvance: false)
        let staff = ChannelRef(platform: .console, id: "facilitators")
        let mentions = [MemberRef(platform: .console, id: "sam"), MemberRef(platform: .matrix, id: "@x:y")]
        _ = try await adapter.perform(.page(channel: staff, text: "Ticket #1\nmore", mentions: mentions, ticket: 1), idempotencyKey: "k")
        _ = try await adapter.perform(.page(channel: staff, text: "Ticket #2", mentions: [], ticket: 2), idempotencyKey: "k2")
        #expect(output.lines == ["[#facilitators] @sam Ticket #1", "  more", "[#facilitators] Ticket #2"])
    }
}
