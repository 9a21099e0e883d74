import Adapters
import Testing

@Suite struct MastodonHTMLTextTests {
    /// The content of the recorded mention in test_stream_websocket_user_direct.ws.yaml.
    static let recordedMention =
        #"<p><span class="h-card" translate="no"><a href="http://localhost:3000/@mastodonpy_test" class="u-url mention">@<span>mastodonpy_test</span></a></span> WebSocket direct stream test</p>"#

    @Test func recordedMentionLinkIsStripped() {
        #expect(MastodonHTMLText.plainText(Self.recordedMention) == "WebSocket direct stream test")
    }

    @Test func commandAfterTheBotsMentionParses() {
        let html = #"<p><span class="h-card"><a href="https://social.example/@peerbot" class="u-url mention">@<span>peerbot</span></a></span> !resources crisis US</p>"#
        #expect(MastodonHTMLText.plainText(html) == "!resources crisis US")
    }

    @Test func otherMentionsCanBeRewrittenToTheirAcct() {
        let html = #"<p><a href="https://social.example/@peerbot" class="u-url mention">@<span>peerbot</span></a> !handoff 1 <span class="h-card"><a href="https://other.example/@riley" class="u-url mention">@<span>riley</span></a></span></p>"#
        let text = MastodonHTMLText.plainText(
            html, mentionLinks: ["https://social.example/@peerbot": "", "https://other.example/@riley": "@riley@other.example"])
        #expect(text == "!handoff 1 @riley@other.example")
    }

    @Test func leadingMentionsAreTheAddressingAndAlwaysGo() {
        // A reply in a thread starts with every participant: the command follows them.
        let html = #"<p><a href="https://social.example/@peerbot" class="u-url mention">@<span>peerbot</span></a> <span class="h-card"><a href="https://other.example/@sam" class="u-url mention">@<span>sam</span></a></span> !ack 1</p>"#
        #expect(MastodonHTMLText.plainText(html, mentionLinks: ["https://other.example/@sam": "@sam@other.example"]) == "!ack 1")
    }

    @Test func lineBreaksAndParagraphs() {
        let html = "<p>first line<br>second line<br />third</p><p>next paragraph</p><p>last</p>"
        #expect(MastodonHTMLText.plainText(html) == "first line\nsecond line\nthird\n\nnext paragraph\n\nlast")
    }

    @Test func blankLineFromTwoBreaksIsKept() {
        #expect(MastodonHTMLText.plainText("<p>a<br><br>b</p>") == "a\n\nb")
    }

    @Test func entitiesAreDecoded() {
        let html = "<p>Tom &amp; Jerry &lt;3 &quot;quoted&quot; it&#39;s &#x27;x&#x27; caf&eacute; &hellip; &#128578; a&nbsp;b</p>"
        // &eacute; is not in the small table: left as written, like an unknown reference in a browser.
        #expect(MastodonHTMLText.plainText(html) == "Tom & Jerry <3 \"quoted\" it's 'x' caf&eacute; \u{2026} 🙂 a b")
    }

    @Test func invalidNumericReferencesBecomeReplacementCharacters() {
        #expect(MastodonHTMLText.plainText("a&#0;b&#xD800;c&#x110000;d") == "a\u{FFFD}b\u{FFFD}c\u{FFFD}d")
    }

    @Test func hashtagsAndOrdinaryLinksKeepTheirText() {
        let html = #"<p>see <a href="https://social.example/tags/peersupport" class="mention hashtag" rel="tag">#<span>peersupport</span></a> and <a href="https://example.org/a/long/path" rel="nofollow noopener"><span class="invisible">https://</span><span class="ellipsis">example.org/a/long</span><span class="invisible">/path</span></a></p>"#
        #expect(MastodonHTMLText.plainText(html) == "see #peersupport and https://example.org/a/long/path")
    }

    @Test func whitespaceCollapsesAndLinesAreTrimmed() {
        #expect(MastodonHTMLText.plainText("<p>  a \n\t b  <br>   c   </p>") == "a b\nc")
    }

    @Test func malformedMarkupNeverFailsAndKeepsText() {
        #expect(MastodonHTMLText.plainText("1 < 2 and 3 > 2") == "1 < 2 and 3 > 2")
        #expect(MastodonHTMLText.plainText("<p>unterminated <b") == "unterminated <b")
        #expect(MastodonHTMLText.plainText("a & b &unknown; &#zz; &") == "a & b &unknown; &#zz; &")
        #expect(MastodonHTMLText.plainText("<a href='x' class=\"mention\">@<span>x") == "")
        #expect(MastodonHTMLText.plainText("<p title=\"a > b\">kept</p>") == "kept")
        #expect(MastodonHTMLText.plainText("") == "")
    }

    @Test func commentsScriptsAndStylesAreDropped() {
        let html = "<p>a<!-- hidden -->b<script>alert(1)</script>c<style>p{}</style>d<!DOCTYPE html>e</p>"
        #expect(MastodonHTMLText.plainText(html) == "abcde")
    }

    @Test func listsAndQuotesFromOtherServers() {
        let html = "<blockquote><p>quoted</p></blockquote><ul><li>one</li><li>two</li></ul>"
        #expect(MastodonHTMLText.plainText(html) == "quoted\n\none\ntwo")
    }

    @Test func upperCaseTagsAndAttributes() {
        let html = #"<P><A HREF="https://social.example/@bot" CLASS="u-url mention">@bot</A> !help<BR>x</P>"#
        #expect(MastodonHTMLText.plainText(html) == "!help\nx")
    }

    @Test func veryLongInputIsBounded() {
        let html = String(repeating: "<p>x</p>", count: 50_000)
        let text = MastodonHTMLText.plainText(html)
        #expect(text.count < MastodonHTMLText.maximumInputLength)
        #expect(text.hasPrefix("x\n\nx"))
    }
}
