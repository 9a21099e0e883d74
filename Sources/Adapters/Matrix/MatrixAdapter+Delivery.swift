import Foundation
import PeerBot

extension MatrixAdapter {
    /// Delivers one outbox entry: `PUT /rooms/{roomId}/send/{eventType}/{txnId}`
    /// with txnId = the entry's idempotency key, so a retry after a lost answer
    /// gets the first event's id back instead of a second message.
    public func perform(_ action: OutboundAction, idempotencyKey: String) async throws -> DeliveryReceipt {
        guard action.platform == .matrix else { throw DeliveryError.permanent("not a Matrix action") }
        // The runtime delivers what a previous run left before it starts the adapters:
        // those entries wait a moment; during sign-in a delivery waits for it briefly.
        guard let session = await gate.session(waitingUpTo: isStarted ? 5 : 0) else {
            throw DeliveryError.transient("not signed in to the homeserver yet", retryAfter: 2)
        }
        do {
            let (room, eventType, content) = try await resolve(action, session: session)
            let answer = try await session.client.call(
                MatrixEndpoint.send(room: room, eventType: eventType, transactionID: idempotencyKey, content: content),
                as: MatrixAnswer.EventID.self)
            return DeliveryReceipt(messageID: answer.eventID)
        } catch let failure as MatrixFailure {
            // The outbox waits the server's Retry-After before the next try.
            if case .rateLimited = failure { connection.waitedForRateLimit() }
            throw failure.deliveryError
        } catch let failure as DeliveryError {
            throw failure
        } catch is CancellationError {
            throw DeliveryError.transient("cancelled")
        } catch {
            throw DeliveryError.transient("\(error)")
        }
    }

    /// The room, event type and content for an action.
    private func resolve(_ action: OutboundAction, session: MatrixSession) async throws -> (String, String, MatrixJSON) {
        switch action {
        case .send(let channel, let text):
            return (try roomID(channel), MatrixEventType.message, MatrixMessageContent.notice(text))
        case .replyPrivately(let member, let text, let origin):
            guard MatrixIdentifier.isUserID(member.id) else { throw DeliveryError.permanent("not a Matrix user id") }
            let room: String
            if let origin, origin.channel.platform == .matrix, origin.channel.isDirect {
                room = origin.channel.id  // the member wrote in a direct-message room: answer there
            } else {
                room = try await session.directRooms.room(for: member.id)
            }
            return (room, MatrixEventType.message, MatrixMessageContent.notice(text))
        case .page(let channel, let text, let mentions, _):
            let users = mentions.filter { $0.platform == .matrix }.map(\.id)
            return (try roomID(channel), MatrixEventType.message, MatrixMessageContent.page(text, mentioning: users))
        case .react(let channel, let messageID, let emoji):
            return (try roomID(channel), MatrixEventType.reaction, MatrixMessageContent.reaction(to: messageID, key: emoji))
        }
    }

    private func roomID(_ channel: ChannelRef) throws -> String {
        guard channel.id.hasPrefix("!") else { throw DeliveryError.permanent("not a Matrix room id") }
        return channel.id
    }
}
