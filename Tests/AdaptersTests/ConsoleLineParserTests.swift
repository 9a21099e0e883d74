import Testing
@testable import Adapters

@Suite struct ConsoleLineParserTests {
    let parser = ConsoleLineParser(defaultChannel: "general")

    @Test func messagesInChannelsAndDirect() {
        #expect(parser.parse("alice: !resources crisis US") == .message(name: "alice", channel: .channel("general"), text: "!resources crisis US"))
        #expect(parser.parse("bob@support: hi: there") == .message(name: "bob", channel: .channel("support"), text: "hi: there"))
        #expect(parser.parse("bob@dm: !checkin 3") == .message(name: "bob", channel: .direct, text: "!checkin 3"))
        #expect(parser.parse("bob@DM: x") == .message(name: "bob", channel: .direct, text: "x"))
        #expect(parser.parse("carol:") == .message(name: "carol", channel: .channel("general"), text: ""))
    }

    @Test func directives() {
        #expect(parser.parse(":join dana") == .join(name: "dana"))
        #expect(parser.parse(":advance 6m") == .advance(seconds: 360))
        #expect(parser.parse(":advance 1h30m") == .advance(seconds: 5400))
    }

    @Test func ignoredLines() {
        #expect(parser.parse("") == .ignored)
        #expect(parser.parse("   ") == .ignored)
        #expect(parser.parse("# a comment: with colon") == .ignored)
    }

    @Test func invalidLinesSayWhy() {
        guard case .invalid(let reason) = parser.parse("no colon here") else { Issue.record("expected invalid"); return }
        #expect(reason.contains("NAME: TEXT"))
        #expect(parser.parse(":advance soon") == .invalid("usage: :advance DURATION (for example 90s, 10m, 2h, 3d)"))
        #expect(parser.parse(":join") == .invalid("usage: :join NAME"))
        guard case .invalid = parser.parse("two words: hi") else { Issue.record("expected invalid name"); return }
        guard case .invalid = parser.parse("a@b c: hi") else { Issue.record("expected invalid channel"); return }
        guard case .invalid = parser.parse(":dance") else { Issue.record("expected unknown directive"); return }
    }
}
