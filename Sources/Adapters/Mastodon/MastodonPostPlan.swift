import PeerBot

/// The direct status (split into a thread when long) that performs one outbound action.
///
/// Every Mastodon answer is `visibility=direct`: a direct status reaches
/// exactly the accounts it mentions (docs.joinmastodon.org/entities/Status/#visibility),
/// so the recipients are the mentions, written at the start of every status.
public struct MastodonPostPlan: Sendable, Equatable {
    /// Someone a status must mention.
    public enum Recipient: Sendable, Hashable {
        /// `user` or `user@domain`, without `@`.
        case acct(String)
        /// An account id whose acct must be looked up.
        case accountID(String)
    }

    public var recipients: [Recipient]
    public var text: String
    /// The status the first status of the thread answers.
    public var inReplyToID: String?

    public init(recipients: [Recipient], text: String, inReplyToID: String? = nil) {
        self.recipients = recipients
        self.text = text
        self.inReplyToID = inReplyToID
    }

    /// The plan for `action`; nil for an action Mastodon has no equivalent of
    /// (a reaction). `facilitators` are mentioned by a page to `mastodon:direct`
    /// that names nobody on Mastodon.
    public static func make(for action: OutboundAction, facilitators: MastodonAccountList) throws(DeliveryError) -> MastodonPostPlan? {
        switch action {
        case .replyPrivately(let member, let text, let origin):
            guard let recipient = recipient(for: member) else { throw .permanent("not a Mastodon account: \(member.key)") }
            let replyTo = origin.flatMap { origin in
                origin.channel.platform == .mastodon && MastodonID.isValid(origin.messageID) ? origin.messageID : nil
            }
            return MastodonPostPlan(recipients: [recipient], text: text, inReplyToID: replyTo)
        case .send(let channel, let text):
            return try plan(channel: channel, text: text, mentions: [], facilitators: facilitators)
        case .page(let channel, let text, let mentions, _):
            return try plan(channel: channel, text: text, mentions: mentions, facilitators: facilitators)
        case .react:
            return nil
        }
    }

    private static func plan(
        channel: ChannelRef, text: String, mentions: [MemberRef], facilitators: MastodonAccountList
    ) throws(DeliveryError) -> MastodonPostPlan {
        guard let destination = MastodonDestination(channelID: channel.id) else {
            throw .permanent("unknown Mastodon destination \"\(channel.id.prefix(80))\" (expected mastodon:direct)")
        }
        var recipients = mentions.filter { $0.platform == .mastodon }.compactMap(recipient(for:))
        var replyTo: String?
        switch destination {
        case .facilitators:
            if recipients.isEmpty { recipients = facilitators.patterns.compactMap(recipient(for:)) }
            guard !recipients.isEmpty else {
                throw .permanent("no facilitator account to mention: set [mastodon] facilitators or [escalation] facilitators")
            }
        case .conversation(let accountID, let statusID):
            let handle = channel.name.flatMap { MastodonAcct.isAcct($0) ? Recipient.acct(Self.bare($0)) : nil }
            recipients.insert(handle ?? .accountID(accountID), at: 0)
            replyTo = statusID
        case .account(let accountID):
            recipients.insert(.accountID(accountID), at: 0)
        }
        return MastodonPostPlan(recipients: unique(recipients), text: text, inReplyToID: replyTo)
    }

    /// A member as a recipient: by acct when the handle (or id) is one, else by id.
    static func recipient(for member: MemberRef) -> Recipient? {
        if member.handle.hasPrefix("@"), MastodonAcct.isAcct(member.handle) { return .acct(bare(member.handle)) }
        if member.id.hasPrefix("@"), MastodonAcct.isAcct(member.id) { return .acct(bare(member.id)) }
        if MastodonID.isValid(member.id) { return .accountID(member.id) }
        return nil
    }

    private static func recipient(for pattern: MastodonAccountPattern) -> Recipient? {
        switch pattern {
        case .id(let id): .accountID(id)
        case .account(let acct): .acct(acct)
        case .domain: nil
        }
    }

    private static func bare(_ text: String) -> String {
        text.hasPrefix("@") ? String(text.dropFirst()) : text
    }

    private static func unique(_ recipients: [Recipient]) -> [Recipient] {
        var seen: Set<Recipient> = []
        return recipients.filter { seen.insert($0).inserted }
    }
}
