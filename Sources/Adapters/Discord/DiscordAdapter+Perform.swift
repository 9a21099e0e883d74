import Foundation
import PeerBot

extension DiscordAdapter {
    /// Delivers one action outside the outbox's lanes (a page is urgent, the rest normal).
    public func perform(_ action: OutboundAction, idempotencyKey: String) async throws -> DeliveryReceipt {
        try await perform(action, idempotencyKey: idempotencyKey, lane: .normal)
    }

    /// Delivers one outbox entry. `idempotencyKey` becomes the nonce of every
    /// message posted (with `enforce_nonce`), so a retried entry never posts twice.
    /// Every request it makes (the DM channel too) waits at the rate limiter
    /// in the entry's lane (`priority(of:lane:)`).
    public func perform(_ action: OutboundAction, idempotencyKey: String, lane: OutboxLane) async throws -> DeliveryReceipt {
        guard action.platform == .discord else { throw DeliveryError.permanent("not a Discord address") }
        let priority = Self.priority(of: action, lane: lane)
        do {
            switch action {
            case .send(let channel, let text):
                let parts = MessageSplitter.split(text)
                return try await responder.answerPublicly(channelID: channel.id, parts: parts) { [self] () async throws(DiscordRESTError) in
                    try await post(parts, in: channel.id, key: idempotencyKey, mentions: .none, components: nil, priority: priority)
                }
            case .replyPrivately(let member, let text, let origin):
                let parts = MessageSplitter.split(text)
                let buttons = ButtonCommand.isCheckinQuestion(text) ? ButtonCommand.checkinButtons() : nil
                return try await responder.answerPrivately(originID: origin?.messageID, parts: parts, components: buttons) {
                    [self] () async throws(DiscordRESTError) in
                    let channel = try await dmChannels.channel(for: member.id, priority: priority)
                    return try await post(parts, in: channel, key: idempotencyKey, mentions: .none, components: buttons, priority: priority)
                }
            case .page(let channel, let text, let mentions, let ticket):
                let (content, allowed) = pageContent(text, mentions: mentions)
                return try await post(
                    MessageSplitter.split(content), in: channel.id, key: idempotencyKey, mentions: allowed,
                    components: ButtonCommand.pageButtons(ticket: ticket), priority: priority)
            case .react(let channel, let messageID, let emoji):
                try await rest.send(.createReaction(channelID: channel.id, messageID: messageID, emoji: emoji), priority: priority)
                return DeliveryReceipt(messageID: messageID)
            }
        } catch {
            throw error.deliveryError
        }
    }

    /// The rate limiter's lane for an action: the outbox entry's lane, and
    /// always urgent for a page (whichever lane it was queued in).
    public static func priority(of action: OutboundAction, lane: OutboxLane) -> RequestPriority {
        if case .page = action { return .urgent }
        return RequestPriority(lane)
    }

    /// Posts the parts of one message in order; each part's nonce comes from
    /// the key and its index. Mentions may ping from the first part only;
    /// buttons go on the last. The receipt names the first part.
    func post(
        _ parts: [String], in channelID: String, key: String, mentions: AllowedMentions, components: [ActionRow]?,
        priority: RequestPriority
    ) async throws(DiscordRESTError) -> DeliveryReceipt {
        var first: String?
        for (index, part) in parts.enumerated() {
            let body = MessageCreateBody(
                content: part, nonce: DiscordNonce.make(idempotencyKey: key, part: index),
                allowedMentions: index == 0 ? mentions : .none, components: index == parts.count - 1 ? components : nil)
            let message = try await rest.send(.createMessage(channelID: channelID, body: body), priority: priority, as: DiscordMessage.self)
            if first == nil { first = message.id }
        }
        return DeliveryReceipt(messageID: first)
    }

    /// A page's text with the mentions that should ping in front: the members
    /// it names, or, when it names none, the configured page roles. The
    /// allowed mentions list exactly those, so nothing else in the text can ping.
    func pageContent(_ text: String, mentions: [MemberRef]) -> (String, AllowedMentions) {
        let users = mentions.filter { $0.platform == .discord && DiscordConfiguration.isSnowflake($0.id) }.map(\.id)
        let roles = users.isEmpty ? configuration.pageRoleIDs : []
        let pings = users.map { "<@\($0)>" } + roles.map { "<@&\($0)>" }
        let content = pings.isEmpty ? text : pings.joined(separator: " ") + "\n" + text
        return (content, .only(users: users, roles: roles))
    }
}
