/// What PeerBot knows about one joined room, kept from its state events:
/// the name, who has which power level, whether it is encrypted.
public struct MatrixRoomState: Sendable, Equatable {
    public var roomID: String
    public var name: String?
    /// `content.room_version` of `m.room.create`.
    public var roomVersion: String?
    /// The `m.room.create` sender and `additional_creators`.
    public var creators: Set<String> = []
    /// `m.room.power_levels` `users`.
    public var userPowerLevels: [String: Int] = [:]
    /// `m.room.power_levels` `users_default` (0 when the room has no power-levels event).
    public var usersDefaultPowerLevel = 0
    /// True once an `m.room.encryption` event was seen.
    public var isEncrypted = false

    public init(roomID: String) {
        self.roomID = roomID
    }

    /// Takes one state event into account (others are ignored).
    public mutating func apply(_ event: MatrixEvent) {
        guard event.stateKey == "" else { return }
        switch event.type {
        case MatrixEventType.create:
            roomVersion = event.content["room_version"]?.string ?? "1"
            creators = Set([event.sender] + (event.content["additional_creators"]?.strings ?? []))
        case MatrixEventType.powerLevels:
            var users: [String: Int] = [:]
            for (user, value) in event.content["users"]?.object ?? [:] {
                if let level = value.integer { users[user] = level }
            }
            userPowerLevels = users
            usersDefaultPowerLevel = event.content["users_default"]?.integer ?? 0
        case MatrixEventType.encryption:
            isEncrypted = true
        case MatrixEventType.name:
            let text = event.content["name"]?.string ?? ""
            name = text.isEmpty ? nil : text
        default:
            break
        }
    }

    /// True when the room version gives its creators unlimited power (room
    /// version 12, spec "Room version 12": creators are not listed in
    /// `m.room.power_levels` and outrank every power level).
    public var creatorsArePrivileged: Bool {
        guard let roomVersion else { return false }
        if let number = Int(roomVersion) { return number >= 12 }
        return roomVersion == "org.matrix.hydra.11"
    }

    /// A user's power level here (`Int.max` for a privileged creator).
    /// Ids are matched code point by code point (`MatrixIdentifier.same`): a
    /// look-alike of a listed user gets the default level, not theirs.
    public func powerLevel(of userID: String) -> Int {
        if creatorsArePrivileged, creators.contains(where: { MatrixIdentifier.same($0, userID) }) { return Int.max }
        if let index = userPowerLevels.index(forKey: userID), MatrixIdentifier.same(userPowerLevels[index].key, userID) {
            return userPowerLevels[index].value
        }
        return usersDefaultPowerLevel
    }
}
