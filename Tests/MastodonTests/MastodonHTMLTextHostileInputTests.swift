import Adapters
import Foundation
import Testing

/// Found by fuzzing the HTML decoder (Fuzz/Corpus/mastodon-html/slow-*): each
/// `<` of `<a <a <a …` (no `>` anywhere) read up to 4,096 scalars before it was
/// taken as text, so a 100,000-character status took minutes; and with a `>`
/// in reach, every `<` before an unclosed quote (`<a <a … x="…>`) read on to
/// the same quote and failed there again. The scanner now knows where the next
/// `>` is, and a `<` inside a tag that could not be read is text.
@Suite struct MastodonHTMLTextHostileInputTests {
    @Test func unclosedTagsAreText() {
        let html = String(repeating: "<a ", count: 33_000)
        let text = MastodonHTMLText.plainText(html)
        #expect(text == String(repeating: "<a ", count: 33_000).trimmingCharacters(in: .whitespaces))
    }

    @Test func aTagAfterUnclosedOnesIsStillRead() {
        // The first `<b` within a tag's reach of the `>` opens a tag that runs to it
        // (its attributes are the other `<b`s and `<p`), as before; the rest is text.
        let html = String(repeating: "<b ", count: 2_000) + "<p>!help</p><br>"
        let text = MastodonHTMLText.plainText(html)
        #expect(text.hasPrefix("<b <b "))
        #expect(text.hasSuffix("<b !help"))
        #expect(!text.contains("<p"))
    }

    @Test func aTagLongerThanTheLimitIsText() {
        let html = "<a title=\"" + String(repeating: "x", count: 5_000) + "\">!help"
        #expect(MastodonHTMLText.plainText(html).hasSuffix("\">!help"))
    }

    @Test func tagsBeforeAnUnclosedQuoteAreText() {
        let html = String(repeating: "<a ", count: 5_000) + "x=\"" + String(repeating: "y", count: 100) + "> !help"
        let text = MastodonHTMLText.plainText(html)
        #expect(text.hasPrefix("<a <a "))
        #expect(text.hasSuffix("x=\"" + String(repeating: "y", count: 100) + "> !help"))
    }
}
