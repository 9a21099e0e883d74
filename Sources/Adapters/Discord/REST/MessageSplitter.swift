/// Splits text into messages Discord accepts: at most 2,000 characters of
/// content (message.mdx "Create Message": `content`, "up to 2000 characters").
///
/// Length is counted in UTF-16 code units, which is never less than the
/// character count Discord uses, so a part is never too long. Parts break
/// after a line if one fits, else after a space, else between grapheme
/// clusters — never inside an emoji or a combining sequence.
public enum MessageSplitter {
    /// Discord's content limit.
    public static let limit = 2000

    /// The parts, in order; one part for text that fits, none for empty text.
    public static func split(_ text: String, limit: Int = MessageSplitter.limit) -> [String] {
        let limit = max(limit, 1)
        var parts: [String] = []
        var rest = Substring(text)
        while !rest.isEmpty {
            if rest.utf16.count <= limit {
                parts.append(String(rest))
                break
            }
            let cut = cutIndex(in: rest, limit: limit)
            var part = rest[..<cut]
            // The line break or space the part broke at ends it and is not sent.
            if part.count > 1, part.last == "\n" || part.last == " " { part = part.dropLast() }
            parts.append(String(part))
            rest = rest[cut...]
        }
        return parts.filter { !$0.isEmpty }
    }

    /// Where to cut `text` so the part before fits in `limit` UTF-16 units.
    private static func cutIndex(in text: Substring, limit: Int) -> Substring.Index {
        var units = 0
        var lastFit = text.startIndex
        var lastNewline: Substring.Index?
        var lastSpace: Substring.Index?
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            let width = character.utf16.count
            if units + width > limit { break }
            units += width
            index = text.index(after: index)
            lastFit = index
            if character == "\n" { lastNewline = index } else if character == " " { lastSpace = index }
        }
        if lastFit == text.startIndex {
            // One grapheme cluster longer than the limit: cut it by scalars rather than loop.
            return text.unicodeScalars.index(text.startIndex, offsetBy: min(limit / 2, text.unicodeScalars.count))
        }
        // Prefer a break in the second half of the part, so parts stay large.
        let half = text.utf16.index(text.startIndex, offsetBy: limit / 2, limitedBy: text.endIndex) ?? text.endIndex
        if let lastNewline, lastNewline > half { return lastNewline }
        if let lastSpace, lastSpace > half { return lastSpace }
        return lastFit
    }
}
