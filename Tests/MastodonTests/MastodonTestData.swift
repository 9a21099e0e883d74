import Adapters
import Foundation

/// Small payloads for the unit tests, shaped like the recorded ones.
enum MastodonTestData {
    static let bot = MastodonAccount(id: "900", username: "peerbot", acct: "peerbot", url: "https://social.example/@peerbot", bot: true)
    static let alice = MastodonAccount(id: "101", username: "alice", acct: "alice", url: "https://social.example/@alice")
    static let sam = MastodonAccount(id: "202", username: "sam", acct: "sam@other.example", url: "https://other.example/@sam")

    static func mention(
        id: String, from author: MastodonAccount = alice, text: String, statusID: String? = nil,
        createdAt: String = "2026-10-15T19:10:42.557Z", extraMentions: [MastodonAccount] = []
    ) -> MastodonNotification {
        let botLink = #"<span class="h-card"><a href="https://social.example/@peerbot" class="u-url mention">@<span>peerbot</span></a></span>"#
        let extras = extraMentions.map { account in
            #"<span class="h-card"><a href="\#(account.url ?? "")" class="u-url mention">@<span>\#(account.username)</span></a></span>"#
        }
        let content = "<p>\(botLink) \(text) \(extras.joined(separator: " "))</p>"
        let mentions = ([bot] + extraMentions).map { MastodonMention(id: $0.id, username: $0.username, acct: $0.acct, url: $0.url ?? "") }
        let status = MastodonStatus(
            id: statusID ?? "5\(id)", content: content, visibility: "direct", account: author, mentions: mentions, createdAt: createdAt)
        return MastodonNotification(id: id, type: "mention", createdAt: createdAt, account: author, status: status)
    }

    static func follow(id: String) -> MastodonNotification {
        MastodonNotification(id: id, type: "follow", createdAt: "2026-10-15T19:10:42.557Z", account: alice, status: nil)
    }
}
