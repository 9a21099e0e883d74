import Foundation
import Logging
import PeerBot

extension MatrixSyncLoop {
    /// Accepts an invite from `auto_join_from` (or to a configured room), declines
    /// others, and declines an encrypted room after telling the inviter why.
    func handleInvite(roomID: String, invite: MatrixSyncResponse.InvitedRoom) async throws {
        let stripped = invite.inviteState.events
        let own = stripped.last { $0.type == MatrixEventType.member && $0.stateKey == botUserID && $0.membership == "invite" }
        let inviter = own?.sender ?? ""
        guard trusted.contains(roomID) || configuration.acceptsInvite(from: inviter) else {
            logger.notice("invite declined: the inviter is not in matrix.auto_join_from", metadata: ["room": "\(roomID)", "inviter": "\(inviter)"])
            await leave(roomID)
            return
        }
        if stripped.contains(where: { $0.type == MatrixEventType.encryption }) {
            let name = stripped.last { $0.type == MatrixEventType.name }?.content["name"]?.string
            await tellAboutEncryption(roomID: roomID, roomName: name, inviter: inviter)
            await leave(roomID)
            return
        }
        do {
            _ = try await client.call(MatrixEndpoint.join(roomID))
        } catch MatrixFailure.rejected(let status, let errcode) {
            logger.warning("cannot join a room PeerBot was invited to", metadata: ["room": "\(roomID)", "status": "\(status)", "errcode": "\(errcode)"])
            return
        }
        try store.write { try $0.setCursor(inviterCursor(roomID), to: inviter) }
        if own?.content["is_direct"]?.bool == true {
            await session.directRooms.adopt(roomID, with: inviter)
        }
        logger.info("joined a room on invite", metadata: ["room": "\(roomID)", "inviter": "\(inviter)"])
    }

    /// Says once, in a direct message to whoever invited PeerBot, that it cannot
    /// work in an end-to-end encrypted room, and logs it. Never repeats: the
    /// notice is recorded before it is sent.
    func tellAboutEncryption(roomID: String, roomName: String?, inviter: String?) async {
        let marker = "matrix:\(botUserID):encrypted:\(roomID)"
        do {
            guard try store.read({ try $0.cursor(marker) }) == nil else { return }
            try store.write { try $0.setCursor(marker, to: "told") }
        } catch {
            logger.error("cannot record an encrypted room", metadata: ["room": "\(roomID)", "error": "\(error)"])
            return
        }
        logger.warning(
            "room is end-to-end encrypted; PeerBot does not support encrypted rooms and will not act there",
            metadata: ["room": "\(roomID)"])
        guard let inviter, MatrixIdentifier.isUserID(inviter), inviter != botUserID else { return }
        let place = roomName.map { "“\($0)”" } ?? "the room you invited me to"
        let text = """
            I can't work in \(place): it is end-to-end encrypted, and PeerBot does not support encrypted rooms, \
            so I would not be able to read anything there. Please invite me to a room without encryption \
            (encryption can't be switched off in a room once it is on).
            """
        do {
            let room = try await session.directRooms.room(for: inviter)
            _ = try await client.call(
                MatrixEndpoint.send(
                    room: room, eventType: MatrixEventType.message, transactionID: "pb-encrypted-\(roomID)",
                    content: MatrixMessageContent.notice(text)))
        } catch {
            logger.warning("cannot tell the inviter about the encrypted room", metadata: ["room": "\(roomID)", "error": "\(error)"])
        }
    }

    private func leave(_ roomID: String) async {
        do {
            _ = try await client.call(MatrixEndpoint.leave(roomID))
        } catch {
            logger.warning("cannot decline an invite", metadata: ["room": "\(roomID)", "error": "\(error)"])
        }
    }
}
