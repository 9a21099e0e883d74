/// Event types and message types PeerBot reads or writes (client-server API v3).
public enum MatrixEventType {
    public static let message = "m.room.message"
    public static let reaction = "m.reaction"
    public static let member = "m.room.member"
    public static let encryption = "m.room.encryption"
    public static let powerLevels = "m.room.power_levels"
    public static let create = "m.room.create"
    public static let name = "m.room.name"
    /// Global account data listing direct-message rooms per user.
    public static let direct = "m.direct"

    /// The timeline types PeerBot acts on or keeps (state can arrive in the
    /// timeline too: a room's creation and name right after it was made).
    public static let timeline = [message, reaction, member, encryption, powerLevels, create, name]
    /// The state types PeerBot keeps per room.
    public static let state = [create, powerLevels, encryption, name]

    /// `msgtype` values.
    public static let text = "m.text"
    public static let notice = "m.notice"
    public static let emote = "m.emote"
}
