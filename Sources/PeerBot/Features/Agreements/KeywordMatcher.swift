import Foundation

/// Finds whole words and phrases from several keyword lists in a message in
/// one pass. The text is normalised once (case, diacritics and width folded,
/// apostrophes dropped) and split into words; each word costs one dictionary
/// lookup, plus one per distinct prefix length when a list uses `word*`.
///
/// Matching is by whole word: "harm" does not match "pharmacy". A hyphen or
/// any punctuation separates words, so "self-harm" also matches "self harm".
/// Scripts written without spaces between words (Chinese, Japanese, Thai) are
/// matched only where a keyword is a whole run of text.
public struct KeywordMatcher: Sendable {
    /// One keyword as a sequence of word patterns.
    private struct Entry: Sendable {
        var rest: [Pattern]
        var topic: Int
    }

    private enum Pattern: Sendable {
        case word(String)
        case prefix(String)

        func matches(_ token: String) -> Bool {
            switch self {
            case .word(let word): token == word
            case .prefix(let prefix): token.hasPrefix(prefix)
            }
        }
    }

    /// The topic names, in the order given.
    public let topics: [String]
    private var byFirstWord: [String: [Entry]] = [:]
    private var byFirstPrefix: [String: [Entry]] = [:]
    private var prefixLengths: [Int] = []

    /// Builds the matcher. Keywords that normalise to nothing are ignored.
    public init(topics: [(name: String, keywords: [String])]) {
        self.topics = topics.map(\.name)
        var lengths = Set<Int>()
        for (index, topic) in topics.enumerated() {
            for keyword in topic.keywords {
                let patterns = Self.tokens(of: keyword, keepingStars: true).map { token -> Pattern in
                    token.hasSuffix("*") && token.count > 1 ? .prefix(String(token.dropLast())) : .word(token)
                }
                guard let first = patterns.first else { continue }
                let entry = Entry(rest: Array(patterns.dropFirst()), topic: index)
                switch first {
                case .word(let word):
                    byFirstWord[word, default: []].append(entry)
                case .prefix(let prefix):
                    byFirstPrefix[prefix, default: []].append(entry)
                    lengths.insert(prefix.count)
                }
            }
        }
        prefixLengths = lengths.sorted()
    }

    /// True when no keyword is configured.
    public var isEmpty: Bool { byFirstWord.isEmpty && byFirstPrefix.isEmpty }

    /// The topics whose keywords occur in `text`, in topic order.
    public func topics(in text: String) -> [String] {
        guard !isEmpty else { return [] }
        let words = Self.tokens(of: text)
        var found = Set<Int>()
        for (position, word) in words.enumerated() {
            var candidates = byFirstWord[word] ?? []
            for length in prefixLengths where length <= word.count {
                candidates += byFirstPrefix[String(word.prefix(length))] ?? []
            }
            for entry in candidates where !found.contains(entry.topic) {
                let end = position + 1 + entry.rest.count
                guard end <= words.count else { continue }
                if zip(entry.rest, words[(position + 1)..<end]).allSatisfy({ $0.matches($1) }) {
                    found.insert(entry.topic)
                }
            }
            if found.count == topics.count { break }
        }
        return topics.indices.filter(found.contains).map { topics[$0] }
    }

    /// The normalised words of a text.
    public static func tokens(of text: String) -> [String] {
        tokens(of: text, keepingStars: false)
    }

    private static func tokens(of text: String, keepingStars: Bool) -> [String] {
        asciiTokens(of: text, keepingStars: keepingStars) ?? foldedTokens(of: text, keepingStars: keepingStars)
    }

    /// The words of plain ASCII text (most chat), read byte by byte: for ASCII,
    /// folding case, diacritics and width is lowercasing, and letters and
    /// digits are `A-Z a-z 0-9`, so this gives what `foldedTokens` gives
    /// without Foundation's folding and grapheme breaking. The typographic
    /// punctuation phones type (’ ‘ “ ” – — … and a no-break space) is read
    /// too: ’ joins words like ', the others separate them. Nil for text with
    /// any other character beyond ASCII.
    static func asciiTokens(of text: String, keepingStars: Bool) -> [String]? {
        let scanned = text.utf8.withContiguousStorageIfAvailable { bytes -> [String]? in
            var words: [String] = []
            var word: [UInt8] = []
            var index = 0
            while index < bytes.count {
                var byte = bytes[index]
                index += 1
                if byte >= 0x80 {
                    // E2 80 xx: ’ (99) is skipped; ‘ “ ” – — … (98 9C 9D 93 94 A6) separate. C2 A0: no-break space.
                    if byte == 0xE2, index + 1 < bytes.count, bytes[index] == 0x80 {
                        let last = bytes[index + 1]
                        index += 2
                        switch last {
                        case 0x99: continue
                        case 0x98, 0x9C, 0x9D, 0x93, 0x94, 0xA6: break
                        default: return nil
                        }
                    } else if byte == 0xC2, index < bytes.count, bytes[index] == 0xA0 {
                        index += 1
                    } else {
                        return nil
                    }
                    byte = UInt8(ascii: " ")
                }
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                    word.append(byte)
                case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                    word.append(byte | 0x20)
                case UInt8(ascii: "'"):
                    continue  // "don't" and "dont" are the same word
                default:
                    if !word.isEmpty {
                        if keepingStars, byte == UInt8(ascii: "*") { word.append(byte) }
                        words.append(String(decoding: word, as: UTF8.self))
                        word.removeAll(keepingCapacity: true)
                    }
                }
            }
            if !word.isEmpty { words.append(String(decoding: word, as: UTF8.self)) }
            return words
        }
        return scanned ?? nil
    }

    /// The words of any text, after Foundation folds case, diacritics and width.
    static func foldedTokens(of text: String, keepingStars: Bool) -> [String] {
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        var words: [String] = []
        var current = ""
        for character in folded {
            if character.isLetter || character.isNumber {
                current.append(character)
            } else if character == "'" || character == "’" {
                continue  // "don't" and "dont" are the same word
            } else if keepingStars, character == "*", !current.isEmpty {
                words.append(current + "*")
                current = ""
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }
}
