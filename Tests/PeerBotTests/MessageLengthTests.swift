import Testing
@testable import PeerBot

@Suite struct MessageLengthTests {
    @Test func countsCharactersNotBytes() {
        #expect(!MessageLength.exceeds(String(repeating: "é", count: 100), limit: 100))
        #expect(MessageLength.exceeds(String(repeating: "é", count: 101), limit: 100))
        #expect(!MessageLength.exceeds(String(repeating: "🇩🇪👍🏽", count: 50), limit: 100))
        #expect(!MessageLength.exceeds("", limit: 100))
    }

    @Test func stackedCombiningMarksCountAsOverTheLimit() {
        let zalgo = "a" + String(repeating: "\u{0301}", count: 10_000)
        #expect(zalgo.count == 1)
        #expect(MessageLength.exceeds(zalgo, limit: 100))
        #expect(MessageLength.bounded(zalgo, limit: 100).unicodeScalars.count <= 100 + MessageLength.elision.unicodeScalars.count)
    }

    @Test func boundedKeepsBothEnds() {
        let text = "START " + String(repeating: "x", count: 10_000) + " I want to end it all"
        let bounded = MessageLength.bounded(text, limit: 400)
        #expect(bounded.hasPrefix("START xxx"))
        #expect(bounded.hasSuffix("x I want to end it all"))
        #expect(bounded.contains(MessageLength.elision))
        #expect(bounded.count == 400 + MessageLength.elision.count)
    }
}
