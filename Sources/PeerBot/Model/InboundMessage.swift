import Foundation

/// A message a member posted where the bot can see it.
public struct InboundMessage: Sendable, Equatable {
    /// The platform's id for this message (for deduplication, replies and reactions).
    public var id: String
    public var author: MemberRef
    /// The author's role, resolved by the adapter from the platform.
    public var authorRole: Role
    public var channel: ChannelRef
    /// The message text, already converted to plain text by the adapter.
    public var text: String
    /// Members this message mentions or replies to (for boundary reminders).
    public var mentions: [MemberRef]
    /// True when the platform marks the author as a bot (their messages are ignored).
    public var authorIsBot: Bool

    public init(
        id: String, author: MemberRef, authorRole: Role = .member, channel: ChannelRef, text: String,
        mentions: [MemberRef] = [], authorIsBot: Bool = false
    ) {
        self.id = id
        self.author = author
        self.authorRole = authorRole
        self.channel = channel
        self.text = text
        self.mentions = mentions
        self.authorIsBot = authorIsBot
    }

    /// Where a reply to this message should point (thread, in-reply-to, interaction).
    public var origin: MessageOrigin { MessageOrigin(channel: channel, messageID: id) }
}

/// The message (or interaction) an outbound reply answers.
public struct MessageOrigin: Hashable, Codable, Sendable {
    public var channel: ChannelRef
    /// The platform message id, or an adapter-specific token such as a Discord interaction.
    public var messageID: String

    public init(channel: ChannelRef, messageID: String) {
        self.channel = channel
        self.messageID = messageID
    }
}
