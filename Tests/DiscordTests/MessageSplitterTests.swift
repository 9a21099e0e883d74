import Adapters
import Testing

@Suite struct MessageSplitterTests {
    @Test func shortTextIsOnePart() {
        #expect(MessageSplitter.split("hello") == ["hello"])
        #expect(MessageSplitter.split("") == [])
        #expect(MessageSplitter.split(String(repeating: "a", count: 2000)).count == 1)
    }

    @Test func longTextSplitsAtLinesUnderTheLimit() {
        let line = String(repeating: "x", count: 99)
        let text = Array(repeating: line, count: 50).joined(separator: "\n")  // 4,999 characters
        let parts = MessageSplitter.split(text)
        #expect(parts.count == 3)
        #expect(parts.allSatisfy { $0.utf16.count <= 2000 })
        #expect(parts.allSatisfy { !$0.hasPrefix("\n") && !$0.hasSuffix("\n") })
        #expect(parts.joined(separator: "\n") == text, "nothing lost but the line breaks split on")
    }

    @Test func wordsAreNotCutWhenThereIsASpace() {
        let text = Array(repeating: "word", count: 600).joined(separator: " ")
        let parts = MessageSplitter.split(text)
        #expect(parts.allSatisfy { $0.utf16.count <= 2000 })
        #expect(parts.allSatisfy { $0.split(separator: " ").allSatisfy { $0 == "word" } })
        #expect(parts.joined(separator: " ") == text)
    }

    @Test func emojiAreNeverCutInHalf() {
        let text = String(repeating: "🏳️‍🌈", count: 700)  // 6 UTF-16 units each
        let parts = MessageSplitter.split(text)
        #expect(parts.count > 1)
        #expect(parts.allSatisfy { $0.utf16.count <= 2000 })
        #expect(parts.joined() == text)
        #expect(parts.allSatisfy { $0.allSatisfy { $0 == "🏳️‍🌈" } })
    }

    @Test func textWithoutBreaksIsCutHard() {
        let text = String(repeating: "a", count: 4500)
        #expect(MessageSplitter.split(text).map(\.count) == [2000, 2000, 500])
    }
}

@Suite struct DiscordNonceTests {
    @Test func noncesAreStableShortAndDistinctPerPart() {
        let key = "pb-" + String(repeating: "0123456789", count: 4)
        let first = DiscordNonce.make(idempotencyKey: key, part: 0)
        #expect(first.count == 25)
        #expect(first == DiscordNonce.make(idempotencyKey: key, part: 0), "the same on every retry")
        #expect(first != DiscordNonce.make(idempotencyKey: key, part: 1))
        #expect(first != DiscordNonce.make(idempotencyKey: key + "x", part: 0))
        #expect(first.allSatisfy { $0.isASCII && ($0.isNumber || $0.isLowercase) })
        let many = Set((0..<2000).map { DiscordNonce.make(idempotencyKey: "pb-\($0)", part: 0) })
        #expect(many.count == 2000)
    }
}
