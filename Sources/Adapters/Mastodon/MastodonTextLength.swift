/// Counts a status's length the way Mastodon's `StatusLengthValidator` does —
/// grapheme clusters, with every URL counting as
/// `configuration.statuses.characters_reserved_per_url` (23) —
/// erring on the long side so a split status is never rejected:
/// a URL counts as at least the reserved length (never less), and mentions
/// count in full (Mastodon counts only `@username`).
enum MastodonTextLength {
    static func count<S: StringProtocol>(_ text: S, reservedPerURL: Int) -> Int {
        var total = 0
        var word = Substring()
        var index = text.startIndex
        var wordStart = index
        var inWord = false
        while index < text.endIndex {
            let character = text[index]
            if character.isWhitespace {
                if inWord {
                    word = Substring(text[wordStart..<index])
                    total += wordLength(word, reservedPerURL: reservedPerURL)
                    inWord = false
                }
                total += 1
            } else if !inWord {
                inWord = true
                wordStart = index
            }
            index = text.index(after: index)
        }
        if inWord { total += wordLength(Substring(text[wordStart...]), reservedPerURL: reservedPerURL) }
        return total
    }

    /// One whitespace-free word; a URL in it counts as the reserved length or
    /// its own, whichever is more, plus the punctuation around it that the URL
    /// parser leaves out (`(https://x.org).`).
    static func wordLength(_ word: Substring, reservedPerURL: Int) -> Int {
        var url = word
        var around = 0
        while let first = url.first, "([{<'\"".contains(first) {
            url = url.dropFirst()
            around += 1
        }
        let lowered = url.prefix(8).lowercased()
        guard lowered.hasPrefix("http://") || lowered.hasPrefix("https://") else { return word.count }
        while let last = url.last, ".,;:!?)]}>'\"".contains(last) {
            url = url.dropLast()
            around += 1
        }
        return max(url.count, reservedPerURL) + around
    }
}
