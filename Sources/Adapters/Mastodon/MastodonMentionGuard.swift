/// Keeps the text of a status from mentioning anyone.
///
/// On Mastodon a `@user` or `@user@domain` written anywhere in a status is a
/// mention, and a direct status is delivered to every account it mentions
/// (docs.joinmastodon.org/entities/Status/#visibility). The core's texts name
/// members (`Ticket #1: @alice@social.example asked for a facilitator`), so
/// written as is, a page would reach the member and a member's answer a
/// facilitator. The recipients are the mentions the adapter puts in front;
/// in the text, a WORD JOINER (U+2060, invisible) after each `@` that would
/// start a mention keeps Mastodon's mention pattern
/// (`(?<=^|[^/[:word:]])@[a-z0-9_]+…`, app/models/account.rb `MENTION_RE`) from matching.
public enum MastodonMentionGuard {
    static let joiner: Character = "\u{2060}"

    /// `text` with every would-be mention defused; what it shows is unchanged.
    public static func neutralized(_ text: String) -> String {
        guard text.contains("@") else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count + 8)
        var previous: Character?
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            result.append(character)
            let next = text.index(after: index)
            if character == "@", next < text.endIndex, isUsernameStart(text[next]), !isWordOrSlash(previous) {
                result.append(joiner)
            }
            previous = character
            index = next
        }
        return result
    }

    private static func isUsernameStart(_ character: Character) -> Bool {
        character.isASCII && (character.isLetter || character.isNumber || character == "_")
    }

    /// A mention starts only at the beginning or after a character that is not a word character or `/`.
    private static func isWordOrSlash(_ character: Character?) -> Bool {
        guard let character else { return false }
        return character.isLetter || character.isNumber || character == "_" || character == "/"
    }
}
