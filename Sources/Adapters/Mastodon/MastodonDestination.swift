/// What a Mastodon `ChannelRef.id` addresses. Mastodon has no channels: every
/// conversation with the bot is direct statuses, so channel ids name who to
/// mention and which status to answer.
///
/// - `direct`: the facilitators (`mastodon:direct` in `[escalation]`): a direct
///   status mentioning the page's facilitators;
/// - `<account id>/<status id>`: the conversation a mention started — answers
///   mention the account and reply to the status;
/// - `<account id>`: a direct status to one account.
public enum MastodonDestination: Sendable, Equatable {
    case facilitators
    case conversation(accountID: String, statusID: String)
    case account(String)

    /// The channel id of the facilitators' destination.
    public static let facilitatorsID = "direct"

    /// Reads a channel id; nil when it is none of the forms.
    public init?(channelID: String) {
        if channelID == Self.facilitatorsID {
            self = .facilitators
            return
        }
        let parts = channelID.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        switch parts.count {
        case 1 where MastodonID.isValid(parts[0]):
            self = .account(parts[0])
        case 2 where MastodonID.isValid(parts[0]) && MastodonID.isValid(parts[1]):
            self = .conversation(accountID: parts[0], statusID: parts[1])
        default:
            return nil
        }
    }

    /// The channel id.
    public var channelID: String {
        switch self {
        case .facilitators: Self.facilitatorsID
        case .conversation(let account, let status): "\(account)/\(status)"
        case .account(let account): account
        }
    }
}
