import Foundation
import PeerBot

/// `[matrix]`: the Matrix adapter (client-server API v3). Disabled by default.
public struct MatrixConfiguration: Sendable {
    /// How PeerBot signs in.
    public enum Credentials: Sendable, Equatable {
        /// An access token made for the bot account (`access_token` / `access_token_file`).
        case accessToken(String)
        /// Password login with a fixed device id, so restarts reuse one device.
        case password(String, deviceID: String)
    }

    /// Run the Matrix adapter under `peerbot run`. Default false.
    public var enabled = false
    /// The homeserver's client-server base URL (`https://matrix.example.org`); set when enabled.
    public var homeserver: URL?
    /// The bot account (`@peerbot:example.org`).
    public var userID = ""
    /// Required when enabled.
    public var credentials: Credentials?
    /// Rooms (ids `!…` or aliases `#…:server`) PeerBot joins at start and serves.
    public var rooms: [String] = []
    /// Invites from these users (`@name:server`) or servers (`example.org`) are accepted; others declined.
    public var autoJoinFrom: [String] = []
    /// Users with the facilitator role wherever they write.
    public var facilitators: [String] = []
    /// Users with the admin role wherever they write.
    public var admins: [String] = []
    /// A power level at or above this in the room (or in the facilitators' room) makes a facilitator. Default 50 (moderator).
    public var facilitatorPowerLevel = 50
    /// A power level at or above this makes an admin. Default 100.
    public var adminPowerLevel = 100
    /// The facilitators' room id: pages go there unless `[escalation]` names another destination. Empty: none.
    public var facilitatorsRoom = ""
    /// How long one `/sync` long poll waits on the server. Default 30 s.
    public var syncTimeout: TimeInterval = 30
    /// The longest wait between reconnection attempts, and between retries of a
    /// delivery while the homeserver is unreachable. Default 5 minutes.
    public var maxBackoff: TimeInterval = 300
    /// A gap in a room's timeline (`limited`) is filled back to at most this age. Default 1 hour.
    public var catchUpWindow: TimeInterval = 3600
    /// A gap is filled with at most this many events. Default 200.
    public var catchUpLimit = 200

    public init() {}

    /// The bot account's server name (`example.org` in `@peerbot:example.org`).
    public var serverName: String { MatrixIdentifier.serverName(ofUser: userID) ?? "" }

    /// The role listed for `userID` in the configuration, before power levels.
    public func listedRole(of userID: String) -> Role {
        // Code point by code point: `contains` would take a canonically equivalent look-alike.
        if admins.contains(where: { MatrixIdentifier.same($0, userID) }) { return .admin }
        if facilitators.contains(where: { MatrixIdentifier.same($0, userID) }) { return .facilitator }
        return .member
    }

    /// The role a power level gives.
    public func role(forPowerLevel level: Int) -> Role {
        if level >= adminPowerLevel { return .admin }
        if level >= facilitatorPowerLevel { return .facilitator }
        return .member
    }

    /// True when an invite sent by `inviter` is accepted.
    public func acceptsInvite(from inviter: String) -> Bool {
        guard MatrixIdentifier.isUserID(inviter) else { return false }
        let server = MatrixIdentifier.serverName(ofUser: inviter)
        return autoJoinFrom.contains { $0 == inviter || (!$0.hasPrefix("@") && $0 == server) }
    }

    /// One line for `peerbot check-config`: the account, where and how it signs in, what it serves — never the secret.
    public var summary: String {
        let signIn =
            switch credentials {
            case .accessToken: "access token"
            case .password(_, let deviceID): "password, device \(deviceID)"
            case nil: "no credentials"
            }
        let room = facilitatorsRoom.isEmpty ? "no facilitators' room" : "facilitators' room \(facilitatorsRoom)"
        return "matrix: \(userID) on \(homeserver?.absoluteString ?? "-") (\(signIn)), \(rooms.count) rooms to join, "
            + "invites from \(autoJoinFrom.isEmpty ? "no one" : autoJoinFrom.joined(separator: ", ")), \(room)"
    }
}
