import Foundation
import PeerBot

extension MatrixConfiguration {
    /// Reads and validates `[matrix]`. A disabled section is read for unknown
    /// keys only: its secrets are not resolved, so an unset variable is no error.
    public init(reader: ConfigReader) throws(ConfigError) {
        self.init()
        let path = reader.path
        enabled = try reader.bool("matrix.enabled", default: enabled)
        let homeserverText = try reader.string("matrix.homeserver", default: "")
        userID = try reader.string("matrix.user_id", default: "")
        let deviceID = try reader.string("matrix.device_id", default: "PEERBOT")
        rooms = try reader.strings("matrix.rooms")
        autoJoinFrom = try reader.strings("matrix.auto_join_from")
        facilitators = try reader.strings("matrix.facilitators")
        admins = try reader.strings("matrix.admins")
        facilitatorPowerLevel = try reader.int(
            "matrix.facilitator_power_level", default: facilitatorPowerLevel, range: 0...1_000_000)
        adminPowerLevel = try reader.int("matrix.admin_power_level", default: adminPowerLevel, range: 0...1_000_000)
        facilitatorsRoom = try reader.string("matrix.facilitators_room", default: "")
        syncTimeout = try reader.duration("matrix.sync_timeout", default: syncTimeout)
        maxBackoff = try reader.duration("matrix.max_backoff", default: maxBackoff)
        catchUpWindow = try reader.duration("matrix.catch_up_window", default: catchUpWindow)
        catchUpLimit = try reader.int("matrix.catch_up_limit", default: catchUpLimit, range: 0...5000)
        guard enabled else {
            for key in ["access_token", "access_token_file", "password", "password_file"] { reader.markKnown("matrix.\(key)") }
            return
        }

        guard let url = URL(string: homeserverText), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme),
            url.host != nil
        else {
            throw .invalidValue(
                path: path, key: "matrix.homeserver",
                message: "expected the homeserver's URL such as \"https://matrix.example.org\", found \"\(homeserverText)\"")
        }
        homeserver = url
        guard MatrixIdentifier.isUserID(userID) else {
            throw .invalidValue(
                path: path, key: "matrix.user_id", message: "expected the bot's user id such as \"@peerbot:example.org\", found \"\(userID)\"")
        }
        if let token = try reader.secret("matrix.access_token") {
            credentials = .accessToken(token)
            reader.markKnown("matrix.password")
            reader.markKnown("matrix.password_file")
        } else if let password = try reader.secret("matrix.password") {
            guard !deviceID.isEmpty, deviceID.allSatisfy({ $0.isASCII && !$0.isWhitespace }) else {
                throw .invalidValue(path: path, key: "matrix.device_id", message: "expected a device id without spaces such as \"PEERBOT\"")
            }
            credentials = .password(password, deviceID: deviceID)
        } else {
            throw .missingSecret(
                path: path, key: "matrix.access_token",
                reason: "set matrix.access_token = \"${MATRIX_ACCESS_TOKEN}\" (or access_token_file), or matrix.password for password login")
        }
        for room in rooms where !MatrixIdentifier.isRoomIDOrAlias(room) {
            throw .invalidValue(
                path: path, key: "matrix.rooms", message: "expected room ids (\"!abc…\") or aliases (\"#name:server\"), found \"\(room)\"")
        }
        for entry in autoJoinFrom where !(MatrixIdentifier.isUserID(entry) || MatrixIdentifier.isServerName(entry)) {
            throw .invalidValue(
                path: path, key: "matrix.auto_join_from",
                message: "expected user ids (\"@name:server\") or server names (\"example.org\"), found \"\(entry)\"")
        }
        for (key, list) in [("matrix.facilitators", facilitators), ("matrix.admins", admins)] {
            for entry in list where !MatrixIdentifier.isUserID(entry) {
                throw .invalidValue(path: path, key: key, message: "expected user ids such as \"@sam:example.org\", found \"\(entry)\"")
            }
        }
        guard facilitatorPowerLevel <= adminPowerLevel else {
            throw .invalidValue(
                path: path, key: "matrix.facilitator_power_level",
                message: "expected at most admin_power_level (\(adminPowerLevel)), found \(facilitatorPowerLevel)")
        }
        guard facilitatorsRoom.isEmpty || facilitatorsRoom.hasPrefix("!") else {
            throw .invalidValue(
                path: path, key: "matrix.facilitators_room", message: "expected a room id (\"!abc…\"), found \"\(facilitatorsRoom)\"")
        }
        guard (1...120).contains(syncTimeout) else {
            throw .invalidValue(path: path, key: "matrix.sync_timeout", message: "expected between 1s and 2m")
        }
        guard (1...3600).contains(maxBackoff) else {
            throw .invalidValue(path: path, key: "matrix.max_backoff", message: "expected between 1s and 1h")
        }
    }
}
