/// Something the core asks an adapter to do. Persisted in the outbox as JSON
/// before delivery, so its shape is Codable and platform-neutral.
public enum OutboundAction: Codable, Sendable, Equatable {
    /// Post in a channel, where everyone there sees it.
    case send(channel: ChannelRef, text: String)
    /// Tell one member something only they see: an ephemeral reply where the
    /// platform has one, else a direct message. `origin` is what it answers, if anything.
    case replyPrivately(member: MemberRef, text: String, origin: MessageOrigin?)
    /// Page facilitators: a message that notifies the people it mentions.
    case page(channel: ChannelRef, text: String, mentions: [MemberRef], ticket: Int)
    /// Add a reaction to a message.
    case react(channel: ChannelRef, messageID: String, emoji: String)

    /// The platform whose adapter performs the action.
    public var platform: Platform {
        switch self {
        case .send(let channel, _), .page(let channel, _, _, _), .react(let channel, _, _): channel.platform
        case .replyPrivately(let member, _, _): member.platform
        }
    }

    /// The text the action carries, if any.
    public var text: String? {
        switch self {
        case .send(_, let text), .replyPrivately(_, let text, _), .page(_, let text, _, _): text
        case .react: nil
        }
    }
}

/// Outbox lanes: urgent entries (pages, acknowledgements, escalation replies)
/// are delivered before any normal entry, so bulk traffic never delays a page.
public enum OutboxLane: Int, Codable, Sendable, Comparable {
    case urgent = 0
    case normal = 1

    public static func < (lhs: OutboxLane, rhs: OutboxLane) -> Bool { lhs.rawValue < rhs.rawValue }
}
