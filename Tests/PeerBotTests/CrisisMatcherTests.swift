import Foundation
import Testing
@testable import PeerBot

@Suite struct CrisisMatcherTests {
    let shipped: CrisisMatcher

    init() throws {
        shipped = try Fixtures.shippedCrisisMatcher()
    }

    @Test func mixedCaseAndTypographicApostrophesMatch() {
        #expect(shipped.matches("I want to KILL MYSELF"))
        #expect(shipped.matches("honestly i Can’t Go On Anymore"))
        #expect(shipped.matches("I can't go on anymore"))
        #expect(shipped.matches("i cant go on anymore"))
        #expect(shipped.matches("I don‘t want to be alive"))
        #expect(shipped.matches("I can´t go on anymore…"))
        #expect(shipped.matches("“honestly”\u{00A0}I\u{00A0}want to die — really"))
        #expect(shipped.matches("Ça va mal. I can’t go on anymore"))  // other non-ASCII: full normalisation
        #expect(shipped.matchedPhrases(in: "I can’t go on anymore") == ["can't go on anymore"])
    }

    @Test func wholeWordsOnly() {
        let matcher = CrisisMatcher(phrases: ["kill", "end it all"])
        #expect(!matcher.matches("you're so skilled"))
        #expect(!matcher.matches("killing it today"))
        #expect(!matcher.matches("roadkill"))
        #expect(!matcher.matches("I'll spend it all"))
        #expect(matcher.matches("kill"))
        #expect(matcher.matches("Kill!"))
        #expect(matcher.matches("(kill)"))
        #expect(matcher.matches("i want to end it all."))
    }

    @Test func spacingAndPunctuationBetweenWordsDoNotMatter() {
        #expect(shipped.matches("kill   myself"))
        #expect(shipped.matches("kill\nmyself"))
        #expect(shipped.matches("want—to—die"))
        #expect(shipped.matches("“end my life”"))
        #expect(shipped.matches("self-harming? I've been self harming"))
    }

    @Test func compatibilityFormsAreNormalized() {
        #expect(shipped.matches("ＫＩＬＬ ＭＹＳＥＬＦ"))  // full-width letters (NFKC)
        let ligature = CrisisMatcher(phrases: ["final goodbye"])
        #expect(ligature.matches("my ﬁnal goodbye"))  // the ﬁ ligature (NFKC)
        let accented = CrisisMatcher(phrases: ["sin razón para vivir"])
        #expect(accented.matches("SIN RAZÓN PARA VIVIR"))
        #expect(accented.matches("sin razo\u{301}n para vivir"))  // decomposed accent
        #expect(!accented.matches("sin razones para vivir"))
        let german = CrisisMatcher(phrases: ["nicht mehr leben"])
        #expect(german.matches("Ich will NICHT MEHR LEBEN."))
    }

    @Test func ordinaryTalkDoesNotMatchTheShippedList() {
        let ordinary = [
            "you're so skilled at this", "I hurt myself at the gym", "I can't go on Friday, sorry",
            "this homework is killing me", "that joke killed me", "I'd die for a coffee right now",
            "let's end the meeting", "the film ends with everyone dead", "I cut my finger cooking",
            "my phone died", "deadline is killing me lol", "I want to live by the sea",
            "Don't want to go to work tomorrow", "no reason to leave early", "better off with tea",
        ]
        for sentence in ordinary {
            #expect(!shipped.matches(sentence), "\(sentence)")
        }
    }

    @Test func highRiskStatementsMatchTheShippedList() {
        let statements = [
            "i think i'm going to kill myself tonight", "I just want to die", "everyone would be better off without me",
            "there's no reason to live anymore", "I've been having thoughts of suicide", "feeling suicidal again",
            "I want to end my life", "I keep thinking about hurting myself", "I don't want to wake up tomorrow",
            "I wish I wasn’t alive",
        ]
        for sentence in statements {
            #expect(shipped.matches(sentence), "\(sentence)")
        }
    }

    @Test func matchesAtTheEdgesAndOverlapping() {
        let matcher = CrisisMatcher(phrases: ["want to die", "die", "to die for"])
        #expect(matcher.matches("die"))
        #expect(matcher.matchedPhrases(in: "I want to die") == ["want to die", "die"])
        #expect(matcher.matchedPhrases(in: "a cake to die for") == ["die", "to die for"])
        #expect(CrisisMatcher(phrases: []).matches("anything at all") == false)
        #expect(!CrisisMatcher(phrases: ["  ", "!!"]).matches("  !! "))
        #expect(!shipped.matches(""))
    }

    /// The automaton agrees with a slow, obvious reference on random texts.
    @Test func agreesWithANaiveReference() {
        var random = SeededRandom(seed: 7)
        let words = ["kill", "me", "my", "self", "myself", "die", "to", "want", "can't", "go", "on", "ki", "ll", "é", "É", "ß", "ss"]
        let separators = [" ", "  ", ", ", "\n", "’", "-", ""]
        func phrase() -> String { (0..<random.next(1...3)).map { _ in words[random.next(0...words.count - 1)] }.joined(separator: " ") }
        let phrases = (0..<40).map { _ in phrase() }
        let matcher = CrisisMatcher(phrases: phrases)
        for _ in 0..<2000 {
            var text = ""
            for _ in 0..<random.next(0...8) {
                var word = words[random.next(0...words.count - 1)]
                if random.next(0...3) == 0 { word = word.uppercased() }
                text += word + separators[random.next(0...separators.count - 1)]
            }
            #expect(matcher.matches(text) == Self.naiveMatches(text, phrases: phrases), "\(text)")
        }
    }

    /// The same normalisation, then a plain substring search between spaces.
    static func naiveMatches(_ text: String, phrases: [String]) -> Bool {
        func words(_ value: String) -> String {
            String(decoding: CrisisTextNormalizer.normalizedBytes(value), as: UTF8.self)
                .split(separator: " ").joined(separator: " ")
        }
        let haystack = " " + words(text) + " "
        return phrases.contains { phrase in
            let needle = words(phrase)
            return !needle.isEmpty && haystack.contains(" " + needle + " ")
        }
    }

    /// Long texts take the four-stream path: a phrase anywhere, including across
    /// the split points and with long runs of spaces inside it, is still found.
    @Test func longTextsScannedInStreamsMissNothing() {
        let matcher = CrisisMatcher(phrases: ["kill myself", "want to die"])
        let filler = Array(String(repeating: "lorem ipsum dolor ", count: 400).utf8)
        #expect(filler.count >= CrisisMatcher.interleaveThreshold)
        #expect(!matcher.matches(String(decoding: filler, as: UTF8.self)))
        let phrase = Array(" KILL \(String(repeating: " ", count: 60))’ myself. ".utf8)
        for position in stride(from: 0, through: filler.count, by: 23) {
            var bytes = filler
            bytes.insert(contentsOf: phrase, at: position)
            #expect(matcher.matches(String(decoding: bytes, as: UTF8.self)), "phrase at \(position)")
        }
        // A text that keeps every stream inside a partial match never lets them stop early.
        let teasing = String(repeating: "want to want to ", count: 600)
        #expect(!matcher.matches(teasing))
        #expect(matcher.matches(teasing + "want to die"))
        #expect(matcher.matches("want to die " + teasing))
        // Random long texts agree with the reference.
        var random = SeededRandom(seed: 3)
        let words = ["kill", "want", "to", "lorem", "’", "  ", "KILL", "ipsum"]
        var outcomes: Set<Bool> = []
        for _ in 0..<60 {
            let text = (0..<1500).map { _ in
                random.next(0...1000) == 0 ? ["myself", "die"][random.next(0...1)] : words[random.next(0...words.count - 1)]
            }.joined(separator: " ")
            let expected = Self.naiveMatches(text, phrases: matcher.phrases)
            outcomes.insert(expected)
            #expect(matcher.matches(text) == expected)
        }
        #expect(outcomes == [true, false])
    }

    @Test func phraseFilesAreParsedWithCommentsAndProblemsNamed() throws {
        let parsed = CrisisPhraseList.parse("# header\n\nkill myself\nKill  Myself # same, after normalising\n!!!\nend my life\n")
        #expect(parsed.phrases == ["kill myself", "end my life"])
        #expect(parsed.problems == ["5: \"!!!\" has no letters or digits"])
        let temporary = TemporaryDirectory()
        #expect(throws: CrisisPhraseListError.self) { try CrisisPhraseList.load(files: [temporary.path("missing.txt")]) }
        let shippedList = try CrisisPhraseList.load(
            files: [Fixtures.repositoryRoot.appendingPathComponent("config/crisis/en.txt").path])
        #expect(shippedList.phrases.count >= 50)
        #expect(shippedList.phrases.contains("kill myself"))
    }

    @Test func aThousandPhrasesScanLongTextInOnePass() {
        var random = SeededRandom(seed: 11)
        let letters = Array("abcdefghijklmnopqrstuvwxyz")
        func word() -> String { String((0..<random.next(3...8)).map { _ in letters[random.next(0...25)] }) }
        let phrases = (0..<1000).map { _ in (0..<random.next(2...4)).map { _ in word() }.joined(separator: " ") }
        let matcher = CrisisMatcher(phrases: phrases)
        let filler = (0..<20_000).map { _ in word() }.joined(separator: " ")
        #expect(matcher.matches(filler) == Self.naiveMatches(filler, phrases: phrases))
        #expect(matcher.matches(filler + " " + phrases[500].uppercased() + "."))
    }
}

/// A small deterministic generator (SplitMix64) so random tests repeat exactly.
struct SeededRandom {
    private var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next(_ range: ClosedRange<Int>) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        value ^= value >> 31
        return range.lowerBound + Int(value % UInt64(range.count))
    }
}
