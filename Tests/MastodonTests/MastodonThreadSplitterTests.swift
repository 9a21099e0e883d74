import Adapters
import Testing

@Suite struct MastodonThreadSplitterTests {
    let splitter = MastodonThreadSplitter(maxCharacters: 500)
    let prefix = "@alice@social.example "

    @Test func shortTextIsOneStatusWithTheMention() {
        #expect(splitter.split("  Hello there.  ", prefix: prefix) == ["@alice@social.example Hello there."])
    }

    @Test func exactlyAtTheLimitIsNotSplit() {
        let body = String(repeating: "a", count: 500 - prefix.count)
        #expect(splitter.split(body, prefix: prefix)?.count == 1)
        #expect(splitter.split(body + "b", prefix: prefix)?.count == 2)
    }

    @Test func longTextBecomesAThreadWhereEveryStatusMentionsTheMember() throws {
        let paragraphs = (1...6).map { number in
            "Paragraph \(number). " + String(repeating: "Some words of support here. ", count: 8)
        }
        let text = paragraphs.joined(separator: "\n\n")
        let parts = try #require(splitter.split(text, prefix: prefix))
        #expect(parts.count > 1)
        for (index, part) in parts.enumerated() {
            #expect(part.hasPrefix(prefix))
            #expect(part.hasSuffix("(\(index + 1)/\(parts.count))"))
            #expect(splitter.length(part) <= 500)
        }
        // Nothing lost or reordered: the bodies joined give back the words.
        let bodies = parts.map { part in
            String(part.dropFirst(prefix.count).dropLast(" (x/y)".count))
        }
        #expect(words(bodies.joined(separator: " ")) == words(text))
    }

    @Test func cutsPreferParagraphsThenLinesThenSentences() throws {
        let first = String(repeating: "word ", count: 60).trimmingCharacters(in: .whitespaces)  // 299 characters
        let second = String(repeating: "more ", count: 60).trimmingCharacters(in: .whitespaces)
        let parts = try #require(splitter.split(first + "\n\n" + second, prefix: prefix))
        #expect(parts.count == 2)
        #expect(parts[0] == prefix + first + " (1/2)")
        #expect(parts[1] == prefix + second + " (2/2)")

        let sentences = String(repeating: "One sentence ends here. ", count: 30)
        let cut = try #require(splitter.split(sentences, prefix: prefix))
        #expect(cut.count == 2)
        #expect(cut[0].hasSuffix("here. (1/2)"))
    }

    @Test func aWordLongerThanAStatusIsCut() throws {
        let word = String(repeating: "x", count: 1200)
        let parts = try #require(splitter.split(word, prefix: prefix))
        #expect(parts.count == 3)
        #expect(parts.allSatisfy { splitter.length($0) <= 500 })
        #expect(parts.map { $0.dropFirst(prefix.count).filter { $0 == "x" }.count }.reduce(0, +) == 1200)
    }

    @Test func urlsCountAtLeastTheReservedLength() {
        // A short URL counts as 23, as Mastodon counts it; a long one as itself.
        #expect(splitter.length("see http://a.io") == 4 + 23)
        #expect(splitter.length("see https://example.org/a/very/long/path/indeed") == 4 + 43)
        #expect(splitter.length("(http://a.io).") == 1 + 23 + 2)
        #expect(splitter.length("Grüße 🙂") == 7)
    }

    @Test func statusesStayWithinTheLimitWithManyURLs() throws {
        let line = "Call 988 or visit http://a.io today. "
        let parts = try #require(splitter.split(String(repeating: line, count: 40), prefix: prefix))
        #expect(parts.count > 2)
        #expect(parts.allSatisfy { splitter.length($0) <= 500 })
    }

    @Test func counterWidthGrowsWithTheThread() throws {
        let small = MastodonThreadSplitter(maxCharacters: 100)
        let text = String(repeating: "abcdefghi ", count: 120)
        let parts = try #require(small.split(text, prefix: "@bo "))
        #expect(parts.count >= 10)
        #expect(parts.last?.hasSuffix("(\(parts.count)/\(parts.count))") == true)
        #expect(parts.allSatisfy { small.length($0) <= 100 })
    }

    @Test func mentionsLeavingNoRoomAreRefused() {
        let tiny = MastodonThreadSplitter(maxCharacters: 100)
        let manyMentions = (1...8).map { "@facilitator\($0)@example.org" }.joined(separator: " ") + " "
        #expect(tiny.split(String(repeating: "x ", count: 200), prefix: manyMentions) == nil)
    }

    private func words(_ text: String) -> [Substring] {
        text.split(whereSeparator: \.isWhitespace)
    }
}
