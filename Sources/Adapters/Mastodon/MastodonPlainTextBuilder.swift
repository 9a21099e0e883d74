/// Accumulates the plain text `MastodonHTMLText` produces, with HTML's
/// whitespace rules: runs of spaces and source newlines collapse to one space,
/// lines carry no leading or trailing spaces, and paragraphs are separated by
/// exactly one blank line.
struct MastodonPlainTextBuilder {
    private(set) var text = ""
    /// Whitespace was seen since the last visible character; it becomes one
    /// space if more text follows on the same line.
    private var pendingSpace = false
    /// Newlines owed before the next visible character (1 = line break, 2 = paragraph).
    private var pendingNewlines = 0

    mutating func append(_ scalar: Unicode.Scalar) {
        switch scalar {
        case " ", "\t", "\n", "\r", "\u{0C}":
            pendingSpace = true
        default:
            flushPending()
            text.unicodeScalars.append(scalar)
        }
    }

    mutating func append(_ scalars: [Unicode.Scalar]) {
        for scalar in scalars { append(scalar) }
    }

    mutating func append(contentsOf string: String) {
        for scalar in string.unicodeScalars { append(scalar) }
    }

    /// `<br>`: the next text starts on a new line. Consecutive breaks are kept
    /// (a member's blank line), up to a paragraph's worth.
    mutating func lineBreak() {
        pendingSpace = false
        if text.isEmpty { return }
        pendingNewlines = min(pendingNewlines + 1, 2)
    }

    /// The start or end of a paragraph: a blank line before the next text.
    mutating func paragraphBreak() {
        pendingSpace = false
        if text.isEmpty { return }
        pendingNewlines = 2
    }

    /// The text, without trailing whitespace.
    func finish() -> String { text }

    /// True while nothing visible has been written.
    var isEmpty: Bool { text.isEmpty }

    private mutating func flushPending() {
        if pendingNewlines > 0 {
            text += String(repeating: "\n", count: pendingNewlines)
        } else if pendingSpace, !text.isEmpty {
            text += " "
        }
        pendingNewlines = 0
        pendingSpace = false
    }
}
