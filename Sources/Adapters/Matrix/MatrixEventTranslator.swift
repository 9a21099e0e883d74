import Foundation
import PeerBot

/// Turns one Matrix timeline event into the core's `InboundEvent`, or says why not.
///
/// - `m.room.message` (`m.text`, `m.emote`) → `.message`, with the author's role;
///   `m.notice` is what bots send (spec: "m.notice … automated clients … must
///   not reply to"), so it is ignored, as are PeerBot's own events and edits;
/// - `m.reaction` with `rel_type: m.annotation` → `.reaction` on the event it annotates;
/// - `m.room.member` arriving as `join` (not a profile change) → `.memberJoined`,
///   except in direct-message rooms;
/// - any other message type → `.unknown`.
public struct MatrixEventTranslator: Sendable {
    public let botUserID: String
    public let configuration: MatrixConfiguration

    public init(botUserID: String, configuration: MatrixConfiguration) {
        self.botUserID = botUserID
        self.configuration = configuration
    }

    /// The result of translating one event.
    public enum Translation: Sendable, Equatable {
        case event(InboundEvent)
        /// Not for the core; the reason is for debug logs.
        case ignored(String)
    }

    /// Where an event happened, as far as roles and replies are concerned.
    public struct Context: Sendable {
        public var room: MatrixRoomState
        /// True for a direct-message room between one member and PeerBot.
        public var isDirect: Bool
        /// True when the admin listed the room (`rooms`, `facilitators_room`), so its power levels grant roles.
        public var isTrusted: Bool
        /// The facilitators' room, whose power levels grant roles everywhere.
        public var facilitatorsRoom: MatrixRoomState?

        public init(room: MatrixRoomState, isDirect: Bool = false, isTrusted: Bool = false, facilitatorsRoom: MatrixRoomState? = nil) {
            self.room = room
            self.isDirect = isDirect
            self.isTrusted = isTrusted
            self.facilitatorsRoom = facilitatorsRoom
        }

        /// The core's address for the room.
        public var channel: ChannelRef {
            ChannelRef(platform: .matrix, id: room.roomID, name: room.name, isDirect: isDirect)
        }
    }

    public func translate(_ event: MatrixEvent, in context: Context) -> Translation {
        guard event.sender != botUserID else { return .ignored("own event") }
        guard MatrixIdentifier.isUserID(event.sender) else { return .ignored("sender is not a user id") }
        switch event.type {
        case MatrixEventType.message: return message(event, in: context)
        case MatrixEventType.reaction: return reaction(event, in: context)
        case MatrixEventType.member: return membership(event, in: context)
        case MatrixEventType.powerLevels, MatrixEventType.encryption, MatrixEventType.create, MatrixEventType.name:
            return .ignored("room state")
        default: return .event(.unknown(platform: .matrix, kind: event.type))
        }
    }

    /// A member's role: the configured lists, the power level in the facilitators'
    /// room, and the power level in this room when the admin listed it.
    public func role(of userID: String, in context: Context) -> Role {
        var role = configuration.listedRole(of: userID)
        if context.isTrusted, !context.isDirect {
            role = max(role, configuration.role(forPowerLevel: context.room.powerLevel(of: userID)))
        }
        if let facilitators = context.facilitatorsRoom {
            role = max(role, configuration.role(forPowerLevel: facilitators.powerLevel(of: userID)))
        }
        return role
    }

    private func member(_ userID: String) -> MemberRef {
        MemberRef(platform: .matrix, id: userID, handle: userID)
    }

    private func message(_ event: MatrixEvent, in context: Context) -> Translation {
        guard let eventID = event.eventID else { return .ignored("no event id") }
        let content = event.content
        guard let msgtype = content["msgtype"]?.string, let body = content["body"]?.string else {
            return .ignored("redacted or empty message")
        }
        if content["m.relates_to"]?["rel_type"]?.string == "m.replace" { return .ignored("edit") }
        switch msgtype {
        case MatrixEventType.notice:
            return .ignored("notice (bots send those)")
        case MatrixEventType.text, MatrixEventType.emote:
            let isReply = content["m.relates_to"]?["m.in_reply_to"] != nil
            let mentions = (content["m.mentions"]?["user_ids"]?.strings ?? []).filter(MatrixIdentifier.isUserID).map(member)
            return .event(
                .message(
                    InboundMessage(
                        id: eventID, author: member(event.sender), authorRole: role(of: event.sender, in: context),
                        channel: context.channel, text: isReply ? Self.withoutReplyFallback(body) : body, mentions: mentions)))
        default:
            return .event(.unknown(platform: .matrix, kind: "\(MatrixEventType.message)/\(msgtype)"))
        }
    }

    private func reaction(_ event: MatrixEvent, in context: Context) -> Translation {
        let relation = event.content["m.relates_to"]
        guard relation?["rel_type"]?.string == "m.annotation", let target = relation?["event_id"]?.string,
            let key = relation?["key"]?.string, !key.isEmpty
        else { return .ignored("reaction without an annotation") }
        return .event(
            .reaction(
                InboundReaction(
                    member: member(event.sender), memberRole: role(of: event.sender, in: context), channel: context.channel,
                    messageID: target, emoji: Self.normalizedEmoji(key))))
    }

    private func membership(_ event: MatrixEvent, in context: Context) -> Translation {
        guard event.membership == "join", event.previousMembership != "join", event.stateKey == event.sender else {
            return .ignored("membership change")
        }
        guard !context.isDirect else { return .ignored("joined a direct-message room") }
        return .event(.memberJoined(MemberJoin(member: member(event.sender), channel: context.channel)))
    }

    /// Drops the quoted fallback (`> <@a:b> …` lines and the blank line after them)
    /// that clients put before a reply's text (spec: "Rich replies", fallbacks).
    static func withoutReplyFallback(_ body: String) -> String {
        let lines = body.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.first?.hasPrefix(">") == true else { return body }
        var rest = lines.drop(while: { $0.hasPrefix(">") })
        if rest.first?.isEmpty == true { rest = rest.dropFirst() }
        return rest.joined(separator: "\n")
    }

    /// ✅ with an emoji presentation selector (U+FE0F) is still ✅.
    static func normalizedEmoji(_ key: String) -> String {
        let bare = String(String.UnicodeScalarView(key.unicodeScalars.filter { $0 != "\u{FE0F}" }))
        return bare == "✅" ? bare : key
    }
}
