import Foundation
import PeerBot

/// Turns notifications into the core's events.
///
/// A `mention` becomes a `.message` from the author, in the conversation
/// `<account id>/<status id>` (a direct channel: the bot always answers with
/// direct statuses), with the text decoded from HTML — the bot's own mention
/// removed, other mentions as `@user@domain` — and the role from the
/// configured account lists. Mentions from bot accounts, from the bot itself
/// and from outside the allow-list are ignored; other notification types are
/// not for the bot.
public struct MastodonEventTranslator: Sendable {
    /// What became of a notification.
    public enum Outcome: Sendable, Equatable {
        case message(InboundMessage)
        /// Deliberately dropped; `reason` is for the log (no content).
        case ignored(reason: String)
        /// Not something the core handles (`notification:follow`, …).
        case unknown(kind: String)
    }

    /// The bot's own account; nil until known (a token without the `profile`
    /// scope cannot read it, so the adapter learns it from the first mention).
    public var ownAccount: MastodonAccount?
    /// The instance's WebFinger domain.
    public var localDomain: String
    public var configuration: MastodonConfiguration

    public init(ownAccount: MastodonAccount?, localDomain: String, configuration: MastodonConfiguration) {
        self.ownAccount = ownAccount
        self.localDomain = localDomain
        self.configuration = configuration
    }

    /// The bot's account, read from a mention that mentions only one account:
    /// a mention notification is addressed to the bot, so that account is the bot.
    public static func ownAccount(from notification: MastodonNotification) -> MastodonAccount? {
        guard notification.isMention, let mentions = notification.status?.mentions, mentions.count == 1,
            let only = mentions.first, MastodonID.isValid(only.id)
        else { return nil }
        return MastodonAccount(id: only.id, username: only.username, acct: only.acct, url: only.url, bot: true)
    }

    public func translate(_ notification: MastodonNotification) -> Outcome {
        guard notification.isMention else { return .unknown(kind: "notification:\(notification.type.prefix(32))") }
        guard let status = notification.status else { return .unknown(kind: "notification:mention-without-status") }
        let author = status.account
        if author.id == ownAccount?.id { return .ignored(reason: "own status") }
        if author.bot { return .ignored(reason: "bot account") }
        if !configuration.allow.isEmpty, !configuration.allow.contains(author, localDomain: localDomain) {
            return .ignored(reason: "not on the allow-list")
        }
        guard MastodonID.isValid(author.id), MastodonID.isValid(status.id) else {
            return .unknown(kind: "notification:mention-with-invalid-id")
        }
        var links: [String: String] = [:]
        var mentioned: [MemberRef] = []
        for mention in status.mentions {
            if mention.id == ownAccount?.id {
                links[mention.url] = ""
            } else {
                let acct = MastodonAcct.full(mention.acct, localDomain: localDomain)
                links[mention.url] = "@" + acct
                mentioned.append(MemberRef(platform: .mastodon, id: mention.id, handle: "@" + acct))
            }
        }
        if let ownURL = ownAccount?.url { links[ownURL] = "" }
        let text = MastodonHTMLText.plainText(status.content, mentionLinks: links)
        let handle = "@" + author.fullAcct(localDomain: localDomain)
        let channel = ChannelRef(
            platform: .mastodon, space: localDomain,
            id: MastodonDestination.conversation(accountID: author.id, statusID: status.id).channelID, name: handle,
            isDirect: true)
        return .message(
            InboundMessage(
                id: status.id, author: MemberRef(platform: .mastodon, id: author.id, handle: handle),
                authorRole: configuration.role(of: author, localDomain: localDomain), channel: channel, text: text,
                mentions: mentioned, authorIsBot: false))
    }
}
