import Foundation

/// The client-server API calls PeerBot makes, as method, path, query and body
/// (spec: https://spec.matrix.org/v1.16/client-server-api/). Building them is
/// pure, so the exact requests are tested without a server.
public struct MatrixEndpoint: Sendable, Equatable {
    public var method: String
    /// The path below the homeserver URL, each variable segment percent-encoded.
    public var path: String
    public var query: [URLQueryItem]
    public var body: MatrixJSON?
    /// True when the request needs the access token.
    public var authenticated: Bool

    public init(method: String, path: String, query: [URLQueryItem] = [], body: MatrixJSON? = nil, authenticated: Bool = true) {
        self.method = method
        self.path = path
        self.query = query
        self.body = body
        self.authenticated = authenticated
    }

    private static let base = "/_matrix/client/v3"

    /// Percent-encodes one path segment: ids carry `!`, `$`, `@`, `#`, `:` and
    /// (in old room versions) `/` and `+`, all of which must be escaped.
    public static func segment(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }

    /// `GET /sync` (long poll).
    public static func sync(_ request: MatrixSyncState.Request, filter: MatrixJSON) -> MatrixEndpoint {
        var query = [
            URLQueryItem(name: "timeout", value: String(Int((request.timeout * 1000).rounded()))),
            URLQueryItem(name: "filter", value: String(decoding: (try? filter.encoded()) ?? Data("{}".utf8), as: UTF8.self)),
        ]
        if let since = request.since { query.append(URLQueryItem(name: "since", value: since)) }
        if request.fullState { query.append(URLQueryItem(name: "full_state", value: "true")) }
        return MatrixEndpoint(method: "GET", path: "\(base)/sync", query: query)
    }

    /// `PUT /rooms/{roomId}/send/{eventType}/{txnId}`: the server answers a repeated txnId
    /// with the first event's id instead of sending again (spec: "Transaction identifiers").
    public static func send(room: String, eventType: String, transactionID: String, content: MatrixJSON) -> MatrixEndpoint {
        MatrixEndpoint(
            method: "PUT", path: "\(base)/rooms/\(segment(room))/send/\(segment(eventType))/\(segment(transactionID))",
            body: content)
    }

    /// `POST /join/{roomIdOrAlias}`.
    public static func join(_ roomIDOrAlias: String) -> MatrixEndpoint {
        MatrixEndpoint(method: "POST", path: "\(base)/join/\(segment(roomIDOrAlias))", body: [:])
    }

    /// `POST /rooms/{roomId}/leave` (also declines an invite).
    public static func leave(_ roomID: String) -> MatrixEndpoint {
        MatrixEndpoint(method: "POST", path: "\(base)/rooms/\(segment(roomID))/leave", body: [:])
    }

    /// `POST /createRoom` for a direct chat with one user: `is_direct` marks the
    /// invite as a DM for the user's client; `private_chat` keeps the member at
    /// power level 0 (`trusted_private_chat` would make them an admin).
    /// `marker` goes into the `m.room.create` content (`creation_content`), so a
    /// room whose creation was never recorded (its answer lost, or PeerBot
    /// killed before it wrote it down) can be found again instead of made twice.
    public static func createDirectRoom(with userID: String, name: String, marker: String) -> MatrixEndpoint {
        MatrixEndpoint(
            method: "POST", path: "\(base)/createRoom",
            body: [
                "preset": "private_chat", "is_direct": true, "invite": [.string(userID)], "name": .string(name),
                "creation_content": [directRoomMarkerKey: .string(marker)],
            ])
    }

    /// The `m.room.create` content key that carries a direct room's creation marker.
    public static let directRoomMarkerKey = "org.peerbot.direct_room"

    /// `GET /joined_rooms`.
    public static func joinedRooms() -> MatrixEndpoint {
        MatrixEndpoint(method: "GET", path: "\(base)/joined_rooms")
    }

    /// `GET /rooms/{roomId}/state/{eventType}/{stateKey}`: one state event's content.
    public static func stateEvent(room: String, type: String, stateKey: String = "") -> MatrixEndpoint {
        MatrixEndpoint(method: "GET", path: "\(base)/rooms/\(segment(room))/state/\(segment(type))/\(segment(stateKey))")
    }

    /// `GET /user/{userId}/account_data/{type}`.
    public static func accountData(user: String, type: String) -> MatrixEndpoint {
        MatrixEndpoint(method: "GET", path: "\(base)/user/\(segment(user))/account_data/\(segment(type))")
    }

    /// `PUT /user/{userId}/account_data/{type}`.
    public static func setAccountData(user: String, type: String, content: MatrixJSON) -> MatrixEndpoint {
        MatrixEndpoint(method: "PUT", path: "\(base)/user/\(segment(user))/account_data/\(segment(type))", body: content)
    }

    /// `GET /rooms/{roomId}/messages`, backwards from `from`, stopping at `to`.
    public static func messages(room: String, from: String, to: String?, limit: Int) -> MatrixEndpoint {
        var query = [
            URLQueryItem(name: "from", value: from), URLQueryItem(name: "dir", value: "b"),
            URLQueryItem(name: "limit", value: String(limit)),
            URLQueryItem(
                name: "filter", value: String(decoding: (try? MatrixFilter.messages().encoded()) ?? Data("{}".utf8), as: UTF8.self)),
        ]
        if let to { query.append(URLQueryItem(name: "to", value: to)) }
        return MatrixEndpoint(method: "GET", path: "\(base)/rooms/\(segment(room))/messages", query: query)
    }

    /// `GET /account/whoami`: checks the token and names its account.
    public static let whoami = MatrixEndpoint(method: "GET", path: "\(base)/account/whoami")

    /// `POST /login` with a password and a fixed device id, so restarts reuse one device.
    public static func login(user: String, password: String, deviceID: String) -> MatrixEndpoint {
        MatrixEndpoint(
            method: "POST", path: "\(base)/login",
            body: [
                "type": "m.login.password", "identifier": ["type": "m.id.user", "user": .string(user)],
                "password": .string(password), "device_id": .string(deviceID),
                "initial_device_display_name": "PeerBot",
            ], authenticated: false)
    }
}
