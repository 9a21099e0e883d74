import Foundation
@testable import Adapters

/// A real Matrix client for the people in a test (a member, a facilitator):
/// plain client-server API calls to Synapse, with its own `/sync` loop to see
/// what PeerBot posted. Independent of the adapter's client code.
actor MatrixTestClient {
    let userID: String
    let baseURL: URL
    let token: String
    private let http: any MatrixHTTP
    private var since: String?
    private var transactions = 0
    /// Every timeline event seen, per room, oldest first.
    private(set) var timelines: [String: [MatrixJSON]] = [:]
    /// Rooms this user is invited to, with the invite's stripped state.
    private(set) var invites: [String: [MatrixJSON]] = [:]

    struct Failed: Error, CustomStringConvertible {
        var description: String
    }

    init(userID: String, token: String, baseURL: URL, http: any MatrixHTTP) {
        self.userID = userID
        self.token = token
        self.baseURL = baseURL
        self.http = http
    }

    // MARK: Accounts

    /// Creates a fresh user through the Synapse admin API (`admin` must be a server admin) and logs in.
    static func createUser(_ localpart: String, admin: MatrixTestClient) async throws -> MatrixTestClient {
        let userID = "@\(localpart):localhost"
        let password = "\(localpart)-password"
        _ = try await admin.request("PUT", "/_synapse/admin/v2/users/\(escape(userID))", ["password": .string(password), "admin": false])
        return try await login(userID: userID, password: password, baseURL: admin.baseURL, http: admin.http)
    }

    static func login(userID: String, password: String, baseURL: URL, http: any MatrixHTTP) async throws -> MatrixTestClient {
        let anonymous = MatrixTestClient(userID: userID, token: "", baseURL: baseURL, http: http)
        let answer = try await anonymous.request(
            "POST", "/_matrix/client/v3/login",
            ["type": "m.login.password", "identifier": ["type": "m.id.user", "user": .string(userID)], "password": .string(password)])
        guard let token = answer["access_token"]?.string else { throw Failed(description: "login of \(userID) gave no token") }
        return MatrixTestClient(userID: userID, token: token, baseURL: baseURL, http: http)
    }

    /// A unique localpart for one test's user (tests share one homeserver).
    static func uniqueName(_ prefix: String) -> String {
        "\(prefix)-\(UUID().uuidString.prefix(8).lowercased())"
    }

    /// Sets a user's message rate limit (admin API, whole numbers; this client must be a server admin).
    func overrideRateLimit(of user: String, messagesPerSecond: Int, burstCount: Int) async throws {
        _ = try await request(
            "POST", "/_synapse/admin/v1/users/\(Self.escape(user))/override_ratelimit",
            ["messages_per_second": .number(Double(messagesPerSecond)), "burst_count": .number(Double(burstCount))])
    }

    // MARK: Rooms

    /// Creates a room; `moderators` get power level 50 (the creator outranks everyone in room version 12).
    /// With `isDirect`, the invites are direct-message invites (`is_direct`, spec "Direct Messaging").
    func createRoom(
        name: String, invite: [String] = [], powerLevels: [String: Int] = [:], encrypted: Bool = false, isDirect: Bool = false
    ) async throws -> String {
        var body: [String: MatrixJSON] = [
            "name": .string(name), "preset": "private_chat", "invite": .array(invite.map(MatrixJSON.string)),
        ]
        if isDirect { body["is_direct"] = true }
        if !powerLevels.isEmpty {
            body["power_level_content_override"] = ["users": .object(powerLevels.mapValues { .number(Double($0)) })]
        }
        if encrypted {
            body["initial_state"] = [["type": "m.room.encryption", "state_key": "", "content": ["algorithm": "m.megolm.v1.aes-sha2"]]]
        }
        let answer = try await request("POST", "/_matrix/client/v3/createRoom", .object(body))
        guard let roomID = answer["room_id"]?.string else { throw Failed(description: "createRoom gave no room id") }
        return roomID
    }

    func invite(_ user: String, to room: String) async throws {
        _ = try await request("POST", "/_matrix/client/v3/rooms/\(Self.escape(room))/invite", ["user_id": .string(user)])
    }

    func join(_ room: String) async throws {
        _ = try await request("POST", "/_matrix/client/v3/join/\(Self.escape(room))", [:])
    }

    func enableEncryption(in room: String) async throws {
        _ = try await request(
            "PUT", "/_matrix/client/v3/rooms/\(Self.escape(room))/state/m.room.encryption/", ["algorithm": "m.megolm.v1.aes-sha2"])
    }

    /// Sends a message (`m.text` unless told) and returns its event id. A caller that
    /// retries after a failure passes the same `transactionID`, so the homeserver posts it once.
    @discardableResult
    func send(_ text: String, to room: String, msgtype: String = "m.text", transactionID: String? = nil) async throws -> String {
        try await sendEvent("m.room.message", ["msgtype": .string(msgtype), "body": .string(text)], to: room, transactionID: transactionID)
    }

    /// Reacts to an event and returns the reaction's id.
    @discardableResult
    func react(to eventID: String, with key: String, in room: String, transactionID: String? = nil) async throws -> String {
        try await sendEvent(
            "m.reaction", ["m.relates_to": ["rel_type": "m.annotation", "event_id": .string(eventID), "key": .string(key)]], to: room,
            transactionID: transactionID)
    }

    private func sendEvent(_ type: String, _ content: MatrixJSON, to room: String, transactionID: String? = nil) async throws -> String {
        transactions += 1
        let txn = transactionID ?? "test-\(UUID().uuidString)-\(transactions)"
        let answer = try await request("PUT", "/_matrix/client/v3/rooms/\(Self.escape(room))/send/\(type)/\(txn)", content)
        guard let eventID = answer["event_id"]?.string else { throw Failed(description: "send gave no event id") }
        return eventID
    }

    /// This user's account data of `type`, or nil when unset.
    func accountData(_ type: String) async throws -> MatrixJSON? {
        do {
            return try await request("GET", "/_matrix/client/v3/user/\(Self.escape(userID))/account_data/\(type)", nil)
        } catch let failure as Failed where failure.description.contains("404") {
            return nil
        }
    }

    // MARK: Watching

    /// One `/sync`; records timelines and invites.
    func sync(timeout: Int = 1000) async throws {
        // A generous timeline limit, so a burst between two syncs is never cut short (`limited`).
        var path = "/_matrix/client/v3/sync?timeout=\(timeout)&filter=\(Self.escape(#"{"room":{"timeline":{"limit":1000}}}"#))"
        if let since { path += "&since=\(Self.escape(since))" }
        let answer = try await request("GET", path, nil, timeout: TimeInterval(timeout) / 1000 + 30)
        for (room, joined) in answer["rooms"]?["join"]?.object ?? [:] {
            timelines[room, default: []] += joined["timeline"]?["events"]?.array ?? []
            invites[room] = nil
        }
        for (room, invited) in answer["rooms"]?["invite"]?.object ?? [:] {
            invites[room] = invited["invite_state"]?["events"]?.array ?? []
        }
        for room in (answer["rooms"]?["leave"]?.object ?? [:]).keys { invites[room] = nil }
        since = answer["next_batch"]?.string
    }

    /// What the client has seen so far.
    struct Seen: Sendable {
        var userID: String
        var timelines: [String: [MatrixJSON]]
        var invites: [String: [MatrixJSON]]

        /// Messages in `room` from `sender`, oldest first.
        func messages(in room: String, from sender: String) -> [MatrixJSON] {
            (timelines[room] ?? []).filter { $0["type"]?.string == "m.room.message" && $0["sender"]?.string == sender }
        }

        /// The latest membership of `user` in `room` seen in its timeline.
        func membership(of user: String, in room: String) -> String? {
            (timelines[room] ?? []).last { $0["type"]?.string == "m.room.member" && $0["state_key"]?.string == user }?["content"]?["membership"]?.string
        }
    }

    /// Waits until `user` has joined `room`.
    func waitForJoin(of user: String, in room: String, seconds: Double = 60) async throws {
        _ = try await waitFor("\(user) to join \(room)", seconds: seconds) { $0.membership(of: user, in: room) == "join" ? true : nil }
    }

    var seen: Seen { Seen(userID: userID, timelines: timelines, invites: invites) }

    /// Waits (syncing) until `found` returns a value; fails after `seconds`.
    @discardableResult
    func waitFor<T: Sendable>(_ what: String, seconds: Double = 60, _ found: (Seen) -> T?) async throws -> T {
        let deadline = Date().addingTimeInterval(seconds)
        while true {
            if let value = found(seen) { return value }
            guard Date() < deadline else { throw Failed(description: "\(userID) waited \(Int(seconds)) s for \(what)") }
            try await sync(timeout: 2000)
        }
    }

    /// Messages in `room` from `sender`, oldest first.
    func messages(in room: String, from sender: String) -> [MatrixJSON] {
        seen.messages(in: room, from: sender)
    }

    /// Waits for the `count`-th message from `sender` in `room` that matches `predicate`.
    func waitForMessage(
        in room: String, from sender: String, count: Int = 1, seconds: Double = 60,
        where predicate: (MatrixJSON) -> Bool = { _ in true }
    ) async throws -> MatrixJSON {
        try await waitFor("message \(count) from \(sender) in \(room)", seconds: seconds) { seen in
            let matching = seen.messages(in: room, from: sender).filter(predicate)
            return matching.count >= count ? matching[count - 1] : nil
        }
    }

    /// Waits for an invite from `inviter` (a DM when `direct`), accepts it and returns the room.
    func acceptInvite(from inviter: String, direct: Bool = true, seconds: Double = 60) async throws -> String {
        let room = try await waitFor("an invite from \(inviter)", seconds: seconds) { seen in
            seen.invites.first { _, state in
                state.contains { event in
                    event["type"]?.string == "m.room.member" && event["state_key"]?.string == seen.userID
                        && event["sender"]?.string == inviter && (!direct || event["content"]?["is_direct"]?.bool == true)
                }
            }?.key
        }
        try await join(room)
        return room
    }

    // MARK: HTTP

    static func escape(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }

    /// One request; throws `Failed` with the status and errcode unless 2xx.
    func request(_ method: String, _ pathAndQuery: String, _ body: MatrixJSON?, timeout: TimeInterval = 30) async throws -> MatrixJSON {
        guard let url = URL(string: baseURL.absoluteString + pathAndQuery) else { throw Failed(description: "bad path \(pathAndQuery)") }
        var headers = ["Content-Type": "application/json"]
        if !token.isEmpty { headers["Authorization"] = "Bearer \(token)" }
        let response = try await http.send(
            MatrixHTTPRequest(method: method, url: url, headers: headers, body: try body?.encoded(), timeout: timeout))
        let json = (try? JSONDecoder().decode(MatrixJSON.self, from: response.body)) ?? .null
        guard (200..<300).contains(response.status) else {
            throw Failed(description: "\(method) \(url.path) → \(response.status) \(json["errcode"]?.string ?? "")")
        }
        return json
    }
}
