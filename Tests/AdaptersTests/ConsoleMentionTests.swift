import Foundation
import PeerBot
import Testing
@testable import Adapters

@Suite struct ConsoleMentionTests {
    @Test func atNamesAreMentions() {
        #expect(ConsoleLineParser.mentions(in: "@dana try yoga, @bob.") == ["dana", "bob"])
        #expect(ConsoleLineParser.mentions(in: "(@dana) @dana @Dana") == ["dana", "Dana"])
        #expect(ConsoleLineParser.mentions(in: "mail bob@example.com") == [])
        #expect(ConsoleLineParser.mentions(in: "@ alone, @@x, @") == ["x"])
        #expect(ConsoleLineParser.mentions(in: "@" + String(repeating: "a", count: 40)) == [])
        #expect(ConsoleLineParser.mentions(in: "@first.last said hi") == ["first.last"])
    }

    @Test func theAdapterPutsMentionsOnTheMessage() async throws {
        let output = ConsoleOutput.buffer()
        let adapter = ConsoleAdapter(
            configuration: ConsoleConfiguration(), input: .lines(["bob: @dana hi", "bob: no one"]), output: output,
            allowsClockAdvance: false)
        try await adapter.run()
        var mentions: [[MemberRef]] = []
        for await event in adapter.events() {
            if case .message(let message) = event { mentions.append(message.mentions) }
            await adapter.didProcess(event)
        }
        #expect(mentions == [[MemberRef(platform: .console, id: "dana")], []])
        #expect(mentions.first?.first?.handle == "dana")
    }
}
