import Testing
@testable import PeerBot

@Suite struct KeywordMatcherTests {
    let matcher = KeywordMatcher(topics: [
        ("self-harm", ["self-harm", "cutting myself", "suicid*"]),
        ("eating", ["purging", "calorie count*", "ana"]),
    ])

    @Test func wholeWordsAndPhrases() {
        #expect(matcher.topics(in: "I was CUTTING myself again") == ["self-harm"])
        #expect(matcher.topics(in: "self harm, self-harm, self—harm") == ["self-harm"])
        #expect(matcher.topics(in: "cutting the cake myself") == [])
        #expect(matcher.topics(in: "banana") == [])
        #expect(matcher.topics(in: "Ana said hi") == ["eating"])
        #expect(matcher.topics(in: "cutting") == [])
    }

    @Test func prefixesDiacriticsAndWidth() {
        #expect(matcher.topics(in: "feeling Suicidal today") == ["self-harm"])
        #expect(matcher.topics(in: "calorie counting app") == ["eating"])
        #expect(matcher.topics(in: "púrging") == ["eating"])
        #expect(matcher.topics(in: "ＰＵＲＧＩＮＧ") == ["eating"])
        #expect(matcher.topics(in: "suicide and purging") == ["self-harm", "eating"])
    }

    @Test func apostrophesAndEmptyLists() {
        let apostrophes = KeywordMatcher(topics: [("t", ["don't want to be here"])])
        #expect(apostrophes.topics(in: "I dont want to be here") == ["t"])
        #expect(apostrophes.topics(in: "I don’t want to be here anymore") == ["t"])
        let empty = KeywordMatcher(topics: [])
        #expect(empty.isEmpty)
        #expect(empty.topics(in: "anything") == [])
        #expect(KeywordMatcher.tokens(of: "Hi, there! It's 5pm.") == ["hi", "there", "its", "5pm"])
    }

    @Test func aLongMessageIsScannedOnce() {
        let many = KeywordMatcher(topics: [("t", (0..<5000).map { "word\($0)" } + ["needle"])])
        let text = String(repeating: "hay ", count: 1000) + "needle"
        #expect(many.topics(in: text) == ["t"])
    }

    /// Plain ASCII text (with phones' typographic punctuation) is split byte by
    /// byte, without Foundation's folding; the words must be exactly the ones
    /// folding gives.
    @Test func asciiWordsAreTheFoldedWords() {
        var random = SeededRandom(seed: 5)
        let pieces = ["Self", "HARM", "harm", "self-harm", "don't", "it's", "*", "cut*", "42", "a1b2", " ", "  ", "\n", "\r\n",
                      "\t", ",", ".", "!", "?", "'", "''", "-", "_", "(", ")", "||", ":", "~", "@", "#", "ok", "Z", "z9",
                      "’", "‘", "“", "”", "–", "—", "…", "\u{00A0}", "don’t"]
        for _ in 0..<3000 {
            let text = (0..<random.next(0...10)).map { _ in pieces[random.next(0...pieces.count - 1)] }.joined()
            for stars in [false, true] {
                #expect(KeywordMatcher.asciiTokens(of: text, keepingStars: stars) == KeywordMatcher.foldedTokens(of: text, keepingStars: stars), "\(text)")
            }
        }
        #expect(KeywordMatcher.asciiTokens(of: "café", keepingStars: false) == nil)
        #expect(KeywordMatcher.asciiTokens(of: "ok😭", keepingStars: false) == nil)
        #expect(KeywordMatcher.asciiTokens(of: "a\u{FE0F}", keepingStars: false) == nil)
        #expect(KeywordMatcher.asciiTokens(of: "’\u{301}", keepingStars: false) == nil)
        #expect(KeywordMatcher.tokens(of: "“Self—harm” isn’t…") == ["self", "harm", "isnt"])
        #expect(KeywordMatcher.tokens(of: "Don't SELF-harm!") == ["dont", "self", "harm"])
    }
}
