/// One start or end tag read by `MastodonHTMLText`'s scanner.
struct MastodonHTMLTag: Equatable {
    /// The element name, lowercased.
    var name: String
    var isEnd: Bool
    var isSelfClosing: Bool
    /// Attribute values by lowercased name (first occurrence wins), references decoded.
    var attributes: [String: String]
    /// The index just past the closing `>`.
    var end: Int

    /// The longest tag read; a longer one is treated as text.
    static let maximumLength = 4096

    /// True for a link Mastodon marks as a mention of an account: `class` has
    /// `mention` and not `hashtag` (hashtag links are `class="mention hashtag"`).
    var isMentionLink: Bool {
        let classes = (attributes["class"] ?? "").split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" })
        return classes.contains("mention") && !classes.contains("hashtag")
    }

    /// What `read` found at a `<`.
    enum ReadResult: Equatable {
        case tag(MastodonHTMLTag)
        /// Not a tag (`a < b`, an unterminated `<p`): the `<` is text. The read
        /// looked at the scalars up to `scannedUpTo` (exclusive).
        case text(scannedUpTo: Int)
    }

    /// Reads the tag starting at `start` (a `<`); `.text` when what follows is
    /// not a tag, so the caller keeps the `<` as text.
    static func read(_ scalars: [Unicode.Scalar], at start: Int) -> ReadResult {
        var index = start + 1
        let limit = min(scalars.count, start + maximumLength)
        var isEnd = false
        if index < limit, scalars[index] == "/" {
            isEnd = true
            index += 1
        }
        var name = ""
        while index < limit, isNameScalar(scalars[index]) {
            name.unicodeScalars.append(scalars[index])
            index += 1
        }
        guard !name.isEmpty, let first = name.unicodeScalars.first, first.properties.isAlphabetic else {
            return .text(scannedUpTo: index)
        }
        var attributes: [String: String] = [:]
        var isSelfClosing = false
        while index < limit {
            let scalar = scalars[index]
            if scalar == ">" {
                return .tag(
                    MastodonHTMLTag(
                        name: name.lowercased(), isEnd: isEnd, isSelfClosing: isSelfClosing, attributes: attributes,
                        end: index + 1))
            }
            if scalar == "/" || isSpace(scalar) {
                isSelfClosing = scalar == "/"
                index += 1
                continue
            }
            isSelfClosing = false
            // An attribute: name, then optionally = and a quoted or bare value.
            var attributeName = ""
            while index < limit, !isSpace(scalars[index]), scalars[index] != "=", scalars[index] != ">", scalars[index] != "/" {
                attributeName.unicodeScalars.append(scalars[index])
                index += 1
            }
            while index < limit, isSpace(scalars[index]) { index += 1 }
            var value = ""
            if index < limit, scalars[index] == "=" {
                index += 1
                while index < limit, isSpace(scalars[index]) { index += 1 }
                if index < limit, scalars[index] == "\"" || scalars[index] == "'" {
                    let quote = scalars[index]
                    index += 1
                    while index < limit, scalars[index] != quote {
                        value.unicodeScalars.append(scalars[index])
                        index += 1
                    }
                    guard index < limit else { return .text(scannedUpTo: index) }
                    index += 1
                } else {
                    while index < limit, !isSpace(scalars[index]), scalars[index] != ">" {
                        value.unicodeScalars.append(scalars[index])
                        index += 1
                    }
                }
            }
            let key = attributeName.lowercased()
            if !key.isEmpty, attributes[key] == nil { attributes[key] = decodeReferences(value) }
        }
        return .text(scannedUpTo: index)
    }

    private static func isNameScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "-")
    }

    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" || scalar == "\u{0C}"
    }

    /// Decodes character references in an attribute value (`&amp;` in an `href`).
    private static func decodeReferences(_ value: String) -> String {
        guard value.contains("&") else { return value }
        var result = ""
        var rest = Substring(value)
        while let ampersand = rest.firstIndex(of: "&") {
            result += rest[..<ampersand]
            let after = rest[rest.index(after: ampersand)...]
            if let semicolon = after.prefix(MastodonHTMLEntities.maximumLength).firstIndex(of: ";"),
                let decoded = MastodonHTMLEntities.decode(after[..<semicolon])
            {
                result.unicodeScalars.append(contentsOf: decoded)
                rest = after[after.index(after: semicolon)...]
            } else {
                result += "&"
                rest = after
            }
        }
        return result + rest
    }
}
