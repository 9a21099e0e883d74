/// Small answers of the client-server API.
public enum MatrixAnswer {
    /// `{"event_id": …}` from sending.
    public struct EventID: Decodable, Sendable {
        public var eventID: String
        enum CodingKeys: String, CodingKey { case eventID = "event_id" }
    }

    /// `{"room_id": …}` from joining or creating a room.
    public struct RoomID: Decodable, Sendable {
        public var roomID: String
        enum CodingKeys: String, CodingKey { case roomID = "room_id" }
    }

    /// `{"joined_rooms": […]}`.
    public struct JoinedRooms: Decodable, Sendable {
        public var roomIDs: [String]
        enum CodingKeys: String, CodingKey { case roomIDs = "joined_rooms" }
    }

    /// `{"user_id": …, "device_id": …}` from whoami.
    public struct WhoAmI: Decodable, Sendable {
        public var userID: String
        public var deviceID: String?
        enum CodingKeys: String, CodingKey {
            case userID = "user_id"
            case deviceID = "device_id"
        }
    }

    /// `{"access_token": …, "user_id": …}` from login.
    public struct Login: Decodable, Sendable {
        public var accessToken: String
        public var userID: String
        enum CodingKeys: String, CodingKey {
            case accessToken = "access_token"
            case userID = "user_id"
        }
    }
}
