/// Splits a long reply into a thread of statuses that each fit the instance's
/// `configuration.statuses.max_characters` (docs.joinmastodon.org/entities/Instance/#statuses).
///
/// Every status starts with `prefix` — the mentions: a direct status reaches
/// only the accounts it mentions, so each status of the thread must name them.
/// Parts end with `(1/3)`, `(2/3)`, …. Cuts fall at a paragraph break, else a
/// line break, else after a sentence, else between words, never in the first
/// half of a part when a later cut exists; a word longer than a whole part is cut.
public struct MastodonThreadSplitter: Sendable {
    /// The least room a part must leave for text after the mentions and the counter.
    public static let minimumBody = 40

    public var maxCharacters: Int
    public var charactersReservedPerURL: Int

    public init(
        maxCharacters: Int = MastodonInstance.defaultMaxCharacters,
        charactersReservedPerURL: Int = MastodonInstance.defaultCharactersReservedPerURL
    ) {
        self.maxCharacters = maxCharacters
        self.charactersReservedPerURL = charactersReservedPerURL
    }

    /// The statuses for `text`, each beginning with `prefix`; nil when the prefix
    /// leaves less than `minimumBody` characters per status.
    public func split(_ text: String, prefix: String) -> [String]? {
        let body = Substring(text).trimmingWhitespace()
        let prefixLength = length(prefix)
        if prefixLength + length(body) <= maxCharacters { return [prefix + body] }
        var digits = 1
        var limit = 10
        while digits <= 4 {
            // " (n/m)" with n and m of `digits` digits.
            let budget = maxCharacters - prefixLength - (4 + 2 * digits)
            guard budget >= Self.minimumBody else { return nil }
            let parts = chunks(of: body, budget: budget)
            if parts.count < limit {
                return parts.enumerated().map { index, part in "\(prefix)\(part) (\(index + 1)/\(parts.count))" }
            }
            digits += 1
            limit *= 10
        }
        return nil
    }

    /// The length Mastodon would count (or a little more).
    public func length<S: StringProtocol>(_ text: S) -> Int {
        MastodonTextLength.count(text, reservedPerURL: charactersReservedPerURL)
    }

    private func chunks(of body: Substring, budget: Int) -> [Substring] {
        var result: [Substring] = []
        var rest = body
        while !rest.isEmpty {
            // `cut` walks only as far as one part, so a long text is read once, not once per part.
            let (end, next) = cut(rest, budget: budget)
            result.append(rest[..<end].trimmingWhitespace())
            rest = rest[next...].trimmingWhitespace()
        }
        return result
    }

    /// A place a part may end: before `end`, the next part starting at `next`.
    private struct Break {
        var end: Substring.Index
        var next: Substring.Index
        /// 3 paragraph, 2 line, 1 after a sentence, 0 between words.
        var quality: Int
        /// Characters before it.
        var used: Int
    }

    /// Where to end the part that starts `text` (`end`) and where the next begins (`next`).
    private func cut(_ text: Substring, budget: Int) -> (end: Substring.Index, next: Substring.Index) {
        var used = 0
        var breaks: [Break] = []
        var index = text.startIndex
        var previousWordEnd: Character = " "
        while index < text.endIndex {
            if text[index].isWhitespace {
                let start = index
                var newlines = 0
                while index < text.endIndex, text[index].isWhitespace {
                    if text[index].isNewline { newlines += 1 }
                    index = text.index(after: index)
                }
                let quality = newlines >= 2 ? 3 : newlines == 1 ? 2 : ".!?:".contains(previousWordEnd) ? 1 : 0
                breaks.append(Break(end: start, next: index, quality: quality, used: used))
                used += text.distance(from: start, to: index)
                continue
            }
            var wordEnd = index
            while wordEnd < text.endIndex, !text[wordEnd].isWhitespace { wordEnd = text.index(after: wordEnd) }
            let word = text[index..<wordEnd]
            let wordLength = MastodonTextLength.wordLength(word, reservedPerURL: charactersReservedPerURL)
            if used + wordLength > budget {
                // The best break in the second half of the part, the latest among equals;
                // else the latest break there is.
                let late = breaks.filter { $0.used >= budget / 2 && $0.end > text.startIndex }
                if let chosen = late.max(by: { ($0.quality, $0.used) < ($1.quality, $1.used) }) ?? breaks.last(where: { $0.end > text.startIndex }) {
                    return (chosen.end, chosen.next)
                }
                // One word longer than the whole part: cut it.
                let hard = text.index(index, offsetBy: max(1, budget - used), limitedBy: wordEnd) ?? wordEnd
                return (hard, hard)
            }
            used += wordLength
            previousWordEnd = word.last ?? " "
            index = wordEnd
        }
        return (text.endIndex, text.endIndex)
    }
}

extension Substring {
    /// Without leading and trailing whitespace and newlines.
    func trimmingWhitespace() -> Substring {
        guard let first = firstIndex(where: { !$0.isWhitespace }), let last = lastIndex(where: { !$0.isWhitespace }) else {
            return self[endIndex...]
        }
        return self[first...last]
    }
}
