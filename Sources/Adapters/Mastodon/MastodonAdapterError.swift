/// Why the Mastodon adapter stopped for good. Each message names the cause
/// and the fix, for the one log line a fatal error gets.
public enum MastodonAdapterError: Error, Sendable, Equatable, CustomStringConvertible {
    /// `[mastodon]` lacks the instance or the token.
    case notConfigured
    /// The instance rejected the token.
    case tokenRejected
    /// The token cannot read notifications.
    case missingScope(String)

    public var description: String {
        switch self {
        case .notConfigured:
            "[mastodon] needs instance and access_token (see docs/admin-mastodon.md)"
        case .tokenRejected:
            "the access token was rejected (401): create a new token for the bot's application and set mastodon.access_token (docs/admin-mastodon.md)"
        case .missingScope(let scope):
            "the token lacks the \(scope) scope (403): edit the bot's application, tick \(scope), and set the new token (docs/admin-mastodon.md)"
        }
    }
}
