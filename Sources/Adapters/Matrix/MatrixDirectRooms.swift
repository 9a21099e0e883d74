import Foundation
import Logging
import PeerBot

/// Direct-message rooms between PeerBot and one member each: created with
/// `is_direct` on first need, recorded in the store and in the bot's `m.direct`
/// account data (spec: "Direct Messaging"), and reused afterwards.
actor MatrixDirectRooms {
    private let client: MatrixClient
    private let store: any Store
    private let botUserID: String
    private let logger: Logger
    /// The `m.direct` content as last read or written: user id → room ids.
    private var direct: [String: [String]] = [:]
    private var creating: [String: Task<String, any Error>] = [:]

    init(client: MatrixClient, store: any Store, botUserID: String, logger: Logger) {
        self.client = client
        self.store = store
        self.botUserID = botUserID
        self.logger = logger
    }

    /// Takes `m.direct` account data (at start, or when a sync carries a change).
    func load(_ content: MatrixJSON) {
        var lists: [String: [String]] = [:]
        for (user, rooms) in content.object ?? [:] { lists[user] = rooms.strings }
        direct = lists
    }

    /// True for a room PeerBot knows as a direct-message room.
    func isDirect(_ roomID: String) -> Bool {
        direct.values.contains { $0.contains(roomID) }
    }

    /// The member a direct-message room is with.
    func member(ofRoom roomID: String) -> String? {
        direct.first { $0.value.contains(roomID) }?.key
    }

    /// The direct-message room with `userID`, created when there is none yet.
    func room(for userID: String) async throws -> String {
        if let known = try knownRoom(for: userID) { return known }
        if let pending = creating[userID] { return try await pending.value }
        let task = Task { try await create(for: userID) }
        creating[userID] = task
        defer { creating[userID] = nil }
        return try await task.value
    }

    /// Takes a room a member invited PeerBot to as a direct chat (`is_direct`)
    /// as their direct-message room, unless they already have one.
    func adopt(_ roomID: String, with userID: String) async {
        do {
            guard try knownRoom(for: userID) == nil else { return }
            try store.write { try $0.setCursor(Self.cursor(bot: botUserID, member: userID), to: roomID) }
        } catch {
            logger.error("cannot record a direct-message room", metadata: ["error": "\(error)"])
            return
        }
        direct[userID, default: []].append(roomID)
        await publish()
    }

    /// Forgets a direct-message room the member left: the next private reply makes a new one.
    func forget(_ roomID: String) async {
        guard let user = member(ofRoom: roomID) else { return }
        direct[user]?.removeAll { $0 == roomID }
        if direct[user]?.isEmpty == true { direct[user] = nil }
        do {
            try store.write { try $0.setCursor(Self.cursor(bot: botUserID, member: user), to: nil) }
        } catch {
            logger.error("cannot forget a direct-message room", metadata: ["error": "\(error)"])
        }
        await publish()
        logger.info("direct-message room forgotten: the member left it", metadata: ["room": "\(roomID)"])
    }

    private func knownRoom(for userID: String) throws -> String? {
        if let stored = try store.read({ try $0.cursor(Self.cursor(bot: botUserID, member: userID)) }) { return stored }
        if let listed = direct[userID]?.last {
            try store.write { try $0.setCursor(Self.cursor(bot: botUserID, member: userID), to: listed) }
            return listed
        }
        return nil
    }

    /// Creates the room under a marker written down first. `createRoom` is not
    /// idempotent: when an earlier try's answer was lost, or PeerBot was killed
    /// before recording the room, the marker finds that room rather than
    /// inviting the member to a second one.
    private func create(for userID: String) async throws -> String {
        let pendingCursor = Self.creationCursor(bot: botUserID, member: userID)
        let marker: String
        if let earlier = try store.read({ try $0.cursor(pendingCursor) }) {
            if let roomID = try await roomCreated(withMarker: earlier) {
                try record(roomID, for: userID)
                logger.notice("direct-message room found that an earlier try created", metadata: ["room": "\(roomID)"])
                await publish()
                return roomID
            }
            marker = earlier
        } else {
            marker = UUID().uuidString
            try store.write { try $0.setCursor(pendingCursor, to: marker) }
        }
        let endpoint = MatrixEndpoint.createDirectRoom(with: userID, name: "PeerBot", marker: marker)
        let created = try await client.call(endpoint, as: MatrixAnswer.RoomID.self)
        // Recorded before anything else can fail, so a retry reuses the room.
        try record(created.roomID, for: userID)
        await publish()
        logger.info("direct-message room created", metadata: ["room": "\(created.roomID)"])
        return created.roomID
    }

    /// Stores `roomID` as the member's direct room and drops the creation marker.
    private func record(_ roomID: String, for userID: String) throws {
        try store.write { transaction in
            try transaction.setCursor(Self.cursor(bot: botUserID, member: userID), to: roomID)
            try transaction.setCursor(Self.creationCursor(bot: botUserID, member: userID), to: nil)
        }
        direct[userID, default: []].append(roomID)
    }

    /// The joined room whose `m.room.create` carries `marker`, if an earlier try made one.
    /// Looked at newest first; a room whose state cannot be read is passed over.
    private func roomCreated(withMarker marker: String) async throws -> String? {
        let joined = try await client.call(MatrixEndpoint.joinedRooms(), as: MatrixAnswer.JoinedRooms.self)
        for roomID in joined.roomIDs.reversed() {
            let content: MatrixJSON
            do {
                content = try await client.call(MatrixEndpoint.stateEvent(room: roomID, type: MatrixEventType.create), as: MatrixJSON.self)
            } catch MatrixFailure.rejected {
                continue
            }
            if content[MatrixEndpoint.directRoomMarkerKey]?.string == marker { return roomID }
        }
        return nil
    }

    /// Writes `m.direct`, so the member's and PeerBot's other clients show the room as a DM.
    private func publish() async {
        let content = MatrixJSON.object(direct.mapValues { .array($0.map(MatrixJSON.string)) })
        do {
            _ = try await client.call(MatrixEndpoint.setAccountData(user: botUserID, type: MatrixEventType.direct, content: content))
        } catch {
            logger.warning("cannot update m.direct; the room still works", metadata: ["error": "\(error)"])
        }
    }

    static func cursor(bot: String, member: String) -> String { "matrix:\(bot):dm:\(member)" }

    /// Where the marker of a creation not yet recorded is kept.
    static func creationCursor(bot: String, member: String) -> String { "matrix:\(bot):dm-creating:\(member)" }
}
