import Foundation
import Logging
import PeerBot

extension MatrixAdapter {
    /// Sign in, join the configured rooms, read `m.direct`, then sync.
    func runSession() async throws {
        guard let homeserver = configuration.homeserver, let credentials = configuration.credentials else {
            throw MatrixStopReason.fatal("matrix.homeserver and a token or password are required when matrix.enabled = true")
        }
        let anonymous = MatrixClient(homeserver: homeserver, http: http)
        let client = try await signIn(anonymous, credentials: credentials)
        let session = MatrixSession(
            client: client, botUserID: configuration.userID,
            directRooms: MatrixDirectRooms(client: client, store: store, botUserID: configuration.userID, logger: logger))
        let trusted = try await joinConfiguredRooms(client)
        do {
            let direct = try await retrying("read m.direct") {
                try await client.call(MatrixEndpoint.accountData(user: self.configuration.userID, type: MatrixEventType.direct), as: MatrixJSON.self)
            }
            await session.directRooms.load(direct)
        } catch MatrixFailure.rejected(404, _) {
            // No direct-message rooms yet.
        }
        await gate.open(session)
        // Signed in and joined: the homeserver answers and accepts the token.
        connection.up()
        do {
            _ = try store.write { try $0.pruneSeenEvents(before: Date().addingTimeInterval(-7 * 86_400)) }
        } catch {
            logger.warning("cannot prune handled-event records", metadata: ["error": "\(error)"])
        }
        let since = try store.read { try $0.cursor(sinceCursor) }
        logger.info(
            "signed in", metadata: ["user": "\(configuration.userID)", "rooms": "\(trusted.count)", "resuming": "\(since != nil)"])
        let loop = MatrixSyncLoop(adapter: self, session: session, trusted: trusted, since: since)
        try await loop.run()
    }

    /// Checks the token (whoami) or logs in with the password and the fixed device id.
    private func signIn(_ anonymous: MatrixClient, credentials: MatrixConfiguration.Credentials) async throws -> MatrixClient {
        let userID = configuration.userID
        switch credentials {
        case .accessToken(let token):
            let client = anonymous.signedIn(with: token)
            do {
                let whoami = try await retrying("check the access token") {
                    try await client.call(MatrixEndpoint.whoami, as: MatrixAnswer.WhoAmI.self)
                }
                guard whoami.userID == userID else {
                    throw MatrixStopReason.wrongAccount(configured: userID, actual: whoami.userID)
                }
                return client
            } catch MatrixFailure.unauthorized(let errcode, _) {
                throw MatrixStopReason.unknownToken(userID: userID, errcode: errcode)
            }
        case .password(let password, let deviceID):
            do {
                let login = try await retrying("log in") {
                    try await anonymous.call(MatrixEndpoint.login(user: userID, password: password, deviceID: deviceID), as: MatrixAnswer.Login.self)
                }
                return anonymous.signedIn(with: login.accessToken)
            } catch MatrixFailure.rejected(_, let errcode) {
                throw MatrixStopReason.loginFailed(userID: userID, errcode: errcode)
            } catch MatrixFailure.unauthorized(let errcode, _) {
                throw MatrixStopReason.loginFailed(userID: userID, errcode: errcode)
            }
        }
    }

    /// Joins `rooms` and the facilitators' room; returns their ids (their power levels grant roles).
    private func joinConfiguredRooms(_ client: MatrixClient) async throws -> Set<String> {
        var trusted: Set<String> = []
        var wanted = configuration.rooms
        if !configuration.facilitatorsRoom.isEmpty, !wanted.contains(configuration.facilitatorsRoom) {
            wanted.append(configuration.facilitatorsRoom)
        }
        for room in wanted {
            do {
                let joined = try await retrying("join a room") {
                    try await client.call(MatrixEndpoint.join(room), as: MatrixAnswer.RoomID.self)
                }
                trusted.insert(joined.roomID)
            } catch MatrixFailure.rejected(let status, let errcode) {
                logger.error(
                    "cannot join a configured room: invite PeerBot to it (or fix matrix.rooms)",
                    metadata: ["room": "\(room)", "status": "\(status)", "errcode": "\(errcode)"])
            }
        }
        return trusted
    }

    /// Runs `body` until it succeeds, waiting out network faults, 5xx and 429
    /// with backoff; other failures are thrown.
    func retrying<T>(_ what: String, _ body: () async throws -> T) async throws -> T {
        let backoff = ExponentialBackoff(base: 1, cap: configuration.maxBackoff, floor: 0.5)
        var attempt = 0
        while true {
            do {
                return try await body()
            } catch let failure as MatrixFailure {
                let wait: TimeInterval
                switch failure {
                case .unavailable: wait = backoff.delay(attempt: attempt)
                case .rateLimited(let retryAfter):
                    connection.waitedForRateLimit()
                    wait = retryAfter ?? backoff.delay(attempt: attempt)
                case .unauthorized, .rejected, .malformed: throw failure
                }
                if attempt == 0 {
                    logger.warning("cannot \(what) yet; retrying", metadata: ["reason": "\(failure)"])
                }
                attempt += 1
                try await Task.sleep(for: .seconds(wait))
            }
        }
    }
}
