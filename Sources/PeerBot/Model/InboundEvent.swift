import Foundation

/// Everything an adapter can tell the core. A closed set: adapters translate
/// platform payloads into these, and anything they cannot translate becomes `.unknown`.
public enum InboundEvent: Sendable, Equatable {
    /// A member posted a message (commands are parsed from its text by the core).
    case message(InboundMessage)
    /// A platform-native command (a Discord slash command), already split into name and arguments.
    case command(InboundCommand)
    /// A member reacted to a message.
    case reaction(InboundReaction)
    /// A member joined the space.
    case memberJoined(MemberJoin)
    /// Console and tests only: move the virtual clock forward and run what became due.
    case advanceClock(seconds: Int)
    /// A payload the adapter could not translate; logged, never a crash.
    case unknown(platform: Platform, kind: String)
}

/// A platform-native command invocation.
public struct InboundCommand: Sendable, Equatable {
    public var id: String
    public var author: MemberRef
    public var authorRole: Role
    public var channel: ChannelRef
    /// The command name without prefix (`resources`).
    public var name: String
    public var arguments: [String]

    public init(id: String, author: MemberRef, authorRole: Role, channel: ChannelRef, name: String, arguments: [String]) {
        self.id = id
        self.author = author
        self.authorRole = authorRole
        self.channel = channel
        self.name = name
        self.arguments = arguments
    }
}

/// A reaction added to a message.
public struct InboundReaction: Sendable, Equatable {
    public var member: MemberRef
    public var memberRole: Role
    public var channel: ChannelRef
    /// The platform id of the message that was reacted to.
    public var messageID: String
    public var emoji: String

    public init(member: MemberRef, memberRole: Role, channel: ChannelRef, messageID: String, emoji: String) {
        self.member = member
        self.memberRole = memberRole
        self.channel = channel
        self.messageID = messageID
        self.emoji = emoji
    }
}

/// A member joining a space.
public struct MemberJoin: Sendable, Equatable {
    public var member: MemberRef
    /// The channel the welcome may go to, when the platform names one.
    public var channel: ChannelRef?

    public init(member: MemberRef, channel: ChannelRef?) {
        self.member = member
        self.channel = channel
    }
}
