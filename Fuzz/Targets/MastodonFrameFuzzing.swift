import Adapters
import Foundation
import PeerBot

/// What the Mastodon adapter does with each streaming message
/// (`MastodonAdapter.handleFrame` and `accept`): `MastodonStreamFrame.parse`,
/// then for a notification learning the bot's own account, id checks and the
/// cursor comparison, and `MastodonEventTranslator` (HTML to text, roles,
/// allow-list). One message per line; the learned account and the cursor
/// carry over from line to line.
enum MastodonFrameFuzzing {
    static let configuration: MastodonConfiguration = {
        var configuration = MastodonConfiguration()
        configuration.facilitators = MastodonAccountList(
            ["sam", "@moderator@example.social"].compactMap { MastodonAccountPattern(parsing: $0, allowDomain: true) })
        return configuration
    }()

    static func run(_ data: Data) -> FuzzReport {
        var report = FuzzReport()
        var ownAccount: MastodonAccount?
        var cursor: String?
        for line in FuzzInput.lines(data) {
            let frame: MastodonStreamFrame
            do {
                frame = try MastodonStreamFrame.parse(line)
            } catch {
                _ = error.description
                report.rejected += 1
                continue
            }
            report.decoded += 1
            guard case .notification(let notification) = frame else { continue }
            if ownAccount == nil { ownAccount = MastodonEventTranslator.ownAccount(from: notification) }
            if notification.isMention, MastodonID.isValid(notification.id) {
                cursor = MastodonID.newest(cursor, notification.id)
            }
            _ = notification.createdDate
            let translator = MastodonEventTranslator(
                ownAccount: ownAccount, localDomain: "localhost:3000", configuration: configuration)
            if case .message(let message) = translator.translate(notification) {
                _ = CommandFuzzing.parsers[0].parse(TextSanitizer.clean(message.text))
            }
        }
        return report
    }
}
