import Foundation

/// What the Mastodon adapter learned at start from the instance.
struct MastodonSessionInfo: Sendable {
    var instance: MastodonInstance
    /// The streaming WebSocket, or nil to poll only.
    var streamingURL: URL?

    init(instance: MastodonInstance, streamingURL: URL? = nil) {
        self.instance = instance
        self.streamingURL = streamingURL
    }

    /// The store cursor holding the newest notification id handled (LAST of the catch-up).
    var notificationCursor: String { "mastodon:\(instance.domain):last_notification" }
    /// The store cursor holding the bot's account, for tokens that cannot read it.
    var ownAccountCursor: String { "mastodon:\(instance.domain):own_account" }

    /// Splits replies at the instance's limit.
    var splitter: MastodonThreadSplitter {
        MastodonThreadSplitter(
            maxCharacters: instance.maxCharacters, charactersReservedPerURL: instance.charactersReservedPerURL)
    }
}
