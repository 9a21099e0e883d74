import Foundation
import Testing
@testable import PeerBot

/// The matcher reads plain ASCII, typographic punctuation and emoji without
/// normalising the text first; these tests hold it to the full normalisation
/// (`reference`) on text mixing every kind of character that path must handle
/// or hand on.
@Suite struct CrisisMatcherFastPathTests {
    static let phrases = ["kill myself", "want to die", "end it all", "die", "final goodbye", "sin razón"]
    static let words = ["kill", "myself", "want", "to", "die", "end", "it", "all", "final", "goodbye", "sin", "razón", "ok", "dont"]
    /// Between and inside words: typographic punctuation, emoji with variation
    /// selectors, joiners and skin tones, invisible characters, symbols with and
    /// without compatibility forms, letters beyond ASCII, combining marks.
    static let pieces = [
        " ", " ", " ", "  ", "\n", ", ", ".", "’", "‘", "“", "”", "—", "–", "…", "\u{00A0}", "´", "'", "-",
        "😭", "❤️", "☺️", "👩‍👧", "🫶🏽", "✨", "\u{FE0F}", "\u{200D}", "\u{200B}", "\u{2060}", "\u{00AD}",
        "™", "①", "½", "©", "→", "€", "é", "É", "e\u{301}", "\u{301}", "ß", "ｋｉｌｌ", "Ⓚ", "ﬁ", "ǅ", "Ω", "ω", "٣",
    ]

    @Test func agreesWithFullNormalisationOnPhoneText() {
        let matcher = CrisisMatcher(phrases: Self.phrases)
        var random = SeededRandom(seed: 21)
        var outcomes: Set<Bool> = []
        for _ in 0..<4000 {
            let text = Self.text(words: random.next(1...8), random: &random)
            let expected = Self.reference(text, phrases: Self.phrases)
            outcomes.insert(expected)
            #expect(matcher.matches(text) == expected, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
        #expect(outcomes == [true, false])
    }

    /// Long texts (the four-stream scan) with the same characters in them.
    @Test func agreesWithFullNormalisationOnLongPhoneText() {
        let matcher = CrisisMatcher(phrases: Self.phrases)
        var random = SeededRandom(seed: 22)
        var outcomes: Set<Bool> = []
        for round in 0..<80 {
            var text = String(repeating: "ok so today ", count: 400)
            let insertions = random.next(1...6)
            for _ in 0..<insertions {
                let piece = Self.text(words: random.next(1...4), random: &random)
                let offset = random.next(0...text.unicodeScalars.count)
                var scalars = Array(text.unicodeScalars)
                scalars.insert(contentsOf: piece.unicodeScalars, at: offset)
                text = String(String.UnicodeScalarView(scalars))
            }
            if round % 2 == 0 { text += " " + Self.text(words: 3, random: &random) }
            #expect(text.utf8.count >= CrisisMatcher.interleaveThreshold)
            let expected = Self.reference(text, phrases: Self.phrases)
            outcomes.insert(expected)
            #expect(matcher.matches(text) == expected, "round \(round)")
        }
        #expect(outcomes == [true, false])
    }

    @Test func emojiAndSymbolsSeparateWords() {
        let matcher = CrisisMatcher(phrases: Self.phrases)
        #expect(matcher.matches("i want to die😭"))
        #expect(matcher.matches("😭i want to die"))
        #expect(matcher.matches("want to die❤️"))
        #expect(!matcher.matches("kill❤️myself"))  // the heart is a boundary, its variation selector a mark (a word character)
        #expect(matcher.matches("end👩‍👧it👩‍👧all"))
        #expect(matcher.matches("want to die→"))
        #expect(!matcher.matches("want to die™"))  // ™ is "tm" after NFKC: "dietm" is another word
        #expect(!matcher.matches("want to die①"))  // ① is the digit 1 after NFKC: "die1" is another word
        #expect(!matcher.matches("kill\u{200B}myselfish"))
        #expect(matcher.matches("kill\u{200B}myself"))
    }

    /// Every character the scan reads without normalising (symbols, emoji,
    /// punctuation, joiners, variation selectors across the BMP's symbol blocks
    /// and the emoji planes) gives the same answer as normalising, in every
    /// position around a phrase.
    @Test func everyCharacterReadInPlaceAgreesWithNormalisation() {
        let matcher = CrisisMatcher(phrases: ["want to die", "kill myself"])
        let ranges: [ClosedRange<UInt32>] = [0x80...0x33FF, 0xFE00...0xFE6F, 0x1F000...0x1FAFF, 0xE0100...0xE01EF]
        var readInPlace = 0
        for range in ranges {
            for value in range {
                guard let scalar = Unicode.Scalar(value), CrisisMatcher.reading(of: scalar) != .normalize else { continue }
                readInPlace += 1
                let character = String(scalar)
                for text in ["want to die\(character)", "\(character)want to die", "want to\(character)die", "kill\(character)myself x"] {
                    #expect(matcher.matches(text) == Self.reference(text, phrases: matcher.phrases), "U+\(String(value, radix: 16)) in \(text)")
                }
            }
        }
        #expect(readInPlace > 5000)
    }

    /// Full normalisation, then a byte-level search between spaces. (Comparing
    /// Swift strings would not do: a variation selector joins the space before it
    /// into one character.)
    static func reference(_ text: String, phrases: [String]) -> Bool {
        func words(_ value: String) -> [UInt8] {
            let split = CrisisTextNormalizer.normalizedBytes(value).split(separator: CrisisTextNormalizer.space)
            return Array(split.joined(separator: [CrisisTextNormalizer.space]))
        }
        let space = [CrisisTextNormalizer.space]
        let haystack = space + words(text) + space
        return phrases.contains { phrase in
            let needle = words(phrase)
            guard !needle.isEmpty else { return false }
            let wrapped = space + needle + space
            return haystack.count >= wrapped.count
                && (0...(haystack.count - wrapped.count)).contains { haystack[$0..<($0 + wrapped.count)].elementsEqual(wrapped) }
        }
    }

    static func text(words count: Int, random: inout SeededRandom) -> String {
        var text = ""
        for _ in 0..<count {
            if random.next(0...2) == 0 { text += pieces[random.next(0...pieces.count - 1)] }
            var word = words[random.next(0...words.count - 1)]
            if random.next(0...4) == 0 { word = word.uppercased() }
            text += word
            text += pieces[random.next(0...pieces.count - 1)]
        }
        return text
    }
}
