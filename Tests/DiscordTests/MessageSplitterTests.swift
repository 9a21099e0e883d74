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
