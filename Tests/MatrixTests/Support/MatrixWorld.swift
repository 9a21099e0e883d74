import Foundation
import Logging
@testable import Adapters

/// The shared homeserver, its admin, and fresh users for one test (tests
/// share Synapse, so each uses its own bot account and people).
struct MatrixWorld: Sendable {
    var accounts: SynapseHomeserver.Accounts
    var http: any MatrixHTTP
    var admin: MatrixTestClient
    var bot: MatrixTestClient
    var member: MatrixTestClient
    var facilitator: MatrixTestClient

    static func make() async throws -> MatrixWorld {
        let http: any MatrixHTTP = try HTTPClient(configuration: HTTPClientConfiguration(), logger: Logger(label: "test.http"))
        let accounts = try await SynapseHomeserver.shared.start()
        let admin = MatrixTestClient(userID: accounts.admin.userID, token: accounts.admin.token, baseURL: accounts.baseURL, http: http)
        return MatrixWorld(
            accounts: accounts, http: http, admin: admin,
            bot: try await MatrixTestClient.createUser(MatrixTestClient.uniqueName("peerbot"), admin: admin),
            member: try await MatrixTestClient.createUser(MatrixTestClient.uniqueName("alice"), admin: admin),
            facilitator: try await MatrixTestClient.createUser(MatrixTestClient.uniqueName("sam"), admin: admin))
    }

    /// A `[matrix]` section for this world's bot account.
    func configuration(rooms: [String] = []) -> MatrixConfiguration {
        var configuration = MatrixConfiguration()
        configuration.enabled = true
        configuration.homeserver = accounts.baseURL
        configuration.userID = bot.userID
        configuration.credentials = .accessToken(bot.token)
        configuration.rooms = rooms
        configuration.autoJoinFrom = ["localhost"]
        configuration.syncTimeout = 5
        configuration.maxBackoff = 2
        return configuration
    }
}

extension MatrixJSON {
    /// `content.body` of a message event, or "".
    var body: String { self["content"]?["body"]?.string ?? "" }
    /// `event_id`.
    var eventID: String? { self["event_id"]?.string }
}
