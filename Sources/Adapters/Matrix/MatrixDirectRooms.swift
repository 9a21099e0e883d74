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

    private func create(for userID: String) async throws -> String {
        let created = try await client.call(MatrixEndpoint.createDirectRoom(with: userID, name: "PeerBot"), as: MatrixAnswer.RoomID.self)
        // Recorded before anything else can fail, so a retry reuses the room.
        try store.write { try $0.setCursor(Self.cursor(bot: botUserID, member: userID), to: created.roomID) }
        direct[userID, default: []].append(created.roomID)
        await publish()
        logger.info("direct-message room created", metadata: ["room": "\(created.roomID)"])
        return created.roomID
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
}
