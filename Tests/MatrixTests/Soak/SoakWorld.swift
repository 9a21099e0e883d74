import Foundation
import Logging
@testable import Adapters

/// The people and rooms of a soak run on the soak's own homeserver: a bot
/// account, members each with a direct-message room with PeerBot and all in
/// one shared room, and facilitators in the facilitators' room.
struct SoakWorld: Sendable {
    var accounts: SynapseHomeserver.Accounts
    var http: any MatrixHTTP
    var bot: MatrixTestClient
    var members: [MatrixTestClient]
    var facilitators: [MatrixTestClient]
    var general: String
    var facilitatorsRoom: String
    /// Each member's direct-message room with PeerBot, by member number.
    var directRooms: [String]

    static func make(members count: Int, facilitators facilitatorCount: Int = 2) async throws -> SoakWorld {
        let http: any MatrixHTTP = try HTTPClient(configuration: HTTPClientConfiguration(), logger: Logger(label: "test.soak.http"))
        let accounts = try await SynapseHomeserver.soak.start()
        let admin = MatrixTestClient(userID: accounts.admin.userID, token: accounts.admin.token, baseURL: accounts.baseURL, http: http)
        let bot = try await MatrixTestClient.createUser(MatrixTestClient.uniqueName("soakbot"), admin: admin)
        var members: [MatrixTestClient] = []
        for number in 0..<count {
            members.append(try await MatrixTestClient.createUser(MatrixTestClient.uniqueName("member\(number)"), admin: admin))
        }
        var facilitators: [MatrixTestClient] = []
        for number in 0..<facilitatorCount {
            facilitators.append(try await MatrixTestClient.createUser(MatrixTestClient.uniqueName("facilitator\(number)"), admin: admin))
        }
        let facilitatorsRoom = try await admin.createRoom(
            name: "facilitators", invite: [bot.userID] + facilitators.map(\.userID),
            powerLevels: Dictionary(uniqueKeysWithValues: facilitators.map { ($0.userID, 50) }))
        for facilitator in facilitators { try await facilitator.join(facilitatorsRoom) }
        let general = try await members[0].createRoom(name: "general", invite: [bot.userID] + members.dropFirst().map(\.userID))
        for member in members.dropFirst() { try await member.join(general) }
        var directRooms: [String] = []
        for member in members {
            directRooms.append(try await member.createRoom(name: "PeerBot", invite: [bot.userID], isDirect: true))
        }
        return SoakWorld(
            accounts: accounts, http: http, bot: bot, members: members, facilitators: facilitators, general: general,
            facilitatorsRoom: facilitatorsRoom, directRooms: directRooms)
    }

    /// `peerbot run` for this world's bot, talking to the homeserver through `proxy`, health on `healthPort`.
    func runner(homeserver proxy: URL, healthPort: Int) throws -> PeerBotRunner {
        try PeerBotRunner(
            matrix: """
                homeserver = "\(proxy.absoluteString)"
                user_id = "\(bot.userID)"
                auto_join_from = ["localhost"]
                facilitators_room = "\(facilitatorsRoom)"
                facilitators = [\(facilitators.map { "\"\($0.userID)\"" }.joined(separator: ", "))]
                """,
            token: bot.token,
            // The members type far faster than people do, one command after each answer:
            // the per-member rate limit (tested on its own) would drop their commands.
            extra: """
                [limits]
                command_burst = 10000
                command_refill = "1s"
                [escalation]
                ack_timeout = "2h"
                [health]
                listen = "127.0.0.1:\(healthPort)"
                """)
    }

    /// Waits until PeerBot has joined every room of the run.
    func waitUntilJoined(seconds: Double = 120) async throws {
        try await members[0].waitForJoin(of: bot.userID, in: general, seconds: seconds)
        try await facilitators[0].waitForJoin(of: bot.userID, in: facilitatorsRoom, seconds: seconds)
        for (member, room) in zip(members, directRooms) { try await member.waitForJoin(of: bot.userID, in: room, seconds: seconds) }
    }
}
