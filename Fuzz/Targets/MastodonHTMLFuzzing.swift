import Adapters
import Foundation
import PeerBot

/// A status's HTML `content` as `MastodonEventTranslator` reads it:
/// `MastodonHTMLText.plainText` with mention links to replace (the bot's own
/// removed, others as `@user@domain`), then the text is parsed as a command.
enum MastodonHTMLFuzzing {
    static let mentionLinks = [
        "http://localhost:3000/@peerbot": "",
        "http://localhost:3000/@sam": "@sam@localhost:3000",
        "https://example.social/@alice": "@alice@example.social",
    ]

    static func run(_ data: Data) -> FuzzReport {
        let text = MastodonHTMLText.plainText(FuzzInput.text(data), mentionLinks: mentionLinks)
        _ = CommandFuzzing.parsers[0].parse(TextSanitizer.clean(text))
        // Decoded: some text came out (markup alone, or nothing, counts as refused).
        return text.isEmpty ? FuzzReport(rejected: 1) : FuzzReport(decoded: 1)
    }
}
