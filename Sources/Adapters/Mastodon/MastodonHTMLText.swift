/// Turns a status's HTML `content` into the plain text a command is parsed from.
///
/// Mastodon sends statuses as a small HTML subset (docs.joinmastodon.org/spec/activitypub/#sanitization:
/// `p`, `br`, `span`, `a`, and from other servers `blockquote`, lists, headings, `pre`, `code`).
/// A single-pass scanner, not a parser: it never fails, and whatever it does not
/// understand comes out as text.
/// - `<br>` is a line break, `<p>` and other blocks a blank line between paragraphs;
/// - mention links (`<a class="mention">`, not hashtags) before any text are
///   the status's addressing (`@peerbot @sam !ack 1`: Mastodon's composer puts
///   every participant there) and are removed; later ones are removed too,
///   unless `mentionLinks` gives the text to put in their place (keyed by `href`);
/// - character references are decoded; runs of whitespace collapse to one space;
///   each line is trimmed; `script` and `style` contents and comments are dropped.
public enum MastodonHTMLText {
    /// Longer input is cut here first (Unicode scalars): statuses are a few thousand characters.
    public static let maximumInputLength = 100_000

    /// The plain text of `html`.
    /// - Parameter mentionLinks: replacement text for mention links by `href`; an
    ///   empty string (or no entry) removes the link and its text.
    public static func plainText(_ html: String, mentionLinks: [String: String] = [:]) -> String {
        var scanner = Scanner(scalars: Array(html.unicodeScalars.prefix(maximumInputLength)), mentionLinks: mentionLinks)
        scanner.run()
        return scanner.output.finish()
    }

    /// Elements whose start and end separate paragraphs.
    static let blockElements: Set<String> = [
        "p", "div", "blockquote", "pre", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "table", "tr",
    ]

    private struct Scanner {
        let scalars: [Unicode.Scalar]
        let mentionLinks: [String: String]
        var position = 0
        var output = MastodonPlainTextBuilder()
        /// Inside a mention link that is replaced or removed: its text is dropped until `</a>`.
        var skippingLink = false
        /// Inside `script` or `style`: everything is dropped until the matching end tag.
        var skippingElement: String?
        /// The index of the first `>` at or after the last `<` looked at (`scalars.count` when none).
        /// It only moves forward, so finding it costs one pass over the input in all.
        var nextClose = -1
        /// Where the last tag that could not be read stopped: a `<` before it is text.
        /// Without it, every `<` of `<a <a … x="` (an unclosed quote) would read on
        /// to the same quote and fail there again: quadratic time on a hostile status.
        var failedTagEnd = 0

        init(scalars: [Unicode.Scalar], mentionLinks: [String: String]) {
            self.scalars = scalars
            self.mentionLinks = mentionLinks
        }

        mutating func run() {
            while position < scalars.count {
                let scalar = scalars[position]
                if scalar == "<", position >= failedTagEnd, canCloseTag(from: position), let tag = readTag(at: position) {
                    position = tag.end
                    handle(tag)
                } else if scalar == "<", comment(at: position) {
                    continue
                } else if scalar == "&", let (decoded, end) = readReference(at: position) {
                    position = end
                    if isKeepingText { output.append(decoded) }
                } else {
                    position += 1
                    if isKeepingText { output.append(scalar) }
                }
            }
        }

        var isKeepingText: Bool { !skippingLink && skippingElement == nil }

        /// False when no `>` follows within a tag's maximum length, so the `<` is text.
        /// Without this, each `<` of `<a <a <a …` would scan 4,096 scalars before
        /// giving up: quadratic time on a hostile status.
        mutating func canCloseTag(from start: Int) -> Bool {
            if nextClose < start {
                nextClose = scalars[start...].firstIndex(of: ">") ?? scalars.count
            }
            return nextClose < min(scalars.count, start + MastodonHTMLTag.maximumLength)
        }

        /// Skips `<!-- … -->` and `<!…>` declarations; true when one was skipped.
        mutating func comment(at start: Int) -> Bool {
            guard start + 1 < scalars.count, scalars[start + 1] == "!" else { return false }
            let isComment = start + 3 < scalars.count && scalars[start + 2] == "-" && scalars[start + 3] == "-"
            var index = start + 2
            while index < scalars.count {
                if isComment {
                    if scalars[index] == ">", index >= start + 6, scalars[index - 1] == "-", scalars[index - 2] == "-" {
                        position = index + 1
                        return true
                    }
                } else if scalars[index] == ">" {
                    position = index + 1
                    return true
                }
                index += 1
            }
            position = scalars.count  // unterminated: the rest is the comment
            return true
        }

        mutating func handle(_ tag: MastodonHTMLTag) {
            if let element = skippingElement {
                if tag.isEnd, tag.name == element { skippingElement = nil }
                return
            }
            if skippingLink {
                if tag.isEnd, tag.name == "a" { skippingLink = false }
                return
            }
            switch tag.name {
            case "br":
                output.lineBreak()
            case "li":
                if !tag.isEnd { output.lineBreak() }
            case "script", "style":
                if !tag.isEnd, !tag.isSelfClosing { skippingElement = tag.name }
            case "a" where !tag.isEnd && tag.isMentionLink:
                if !output.isEmpty {
                    output.append(contentsOf: tag.attributes["href"].flatMap { mentionLinks[$0] } ?? "")
                }
                skippingLink = !tag.isSelfClosing
            default:
                if MastodonHTMLText.blockElements.contains(tag.name) { output.paragraphBreak() }
            }
        }

        /// Reads a character reference at `start` (an `&`); nil when it is not one.
        func readReference(at start: Int) -> ([Unicode.Scalar], Int)? {
            var index = start + 1
            var name = ""
            while index < scalars.count, index - start <= MastodonHTMLEntities.maximumLength {
                let scalar = scalars[index]
                if scalar == ";" {
                    guard let decoded = MastodonHTMLEntities.decode(Substring(name)) else { return nil }
                    return (decoded, index + 1)
                }
                guard scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "#" else {
                    return nil
                }
                name.unicodeScalars.append(scalar)
                index += 1
            }
            return nil
        }

        /// Reads a start or end tag at `start` (a `<`); nil when the `<` is text.
        mutating func readTag(at start: Int) -> MastodonHTMLTag? {
            switch MastodonHTMLTag.read(scalars, at: start) {
            case .tag(let tag):
                return tag
            case .text(let scannedUpTo):
                failedTagEnd = max(failedTagEnd, scannedUpTo)
                return nil
            }
        }
    }
}
