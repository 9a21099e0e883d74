import Foundation

/// One event as the client-server API returns it (spec v1.x, "ClientEvent";
/// in `invite_state` a "StrippedStateEvent" without id or timestamp).
public struct MatrixEvent: Sendable, Hashable, Codable {
    public var type: String
    /// Absent in stripped state (invites).
    public var eventID: String?
    public var sender: String
    /// Present on state events (`""` for room-wide state, a user id for membership).
    public var stateKey: String?
    /// Milliseconds since the Unix epoch, as the origin server stamped it.
    public var originServerTS: Int64?
    public var content: MatrixJSON
    public var unsigned: MatrixJSON?

    public init(
        type: String, eventID: String? = nil, sender: String, stateKey: String? = nil, originServerTS: Int64? = nil,
        content: MatrixJSON = [:], unsigned: MatrixJSON? = nil
    ) {
        self.type = type
        self.eventID = eventID
        self.sender = sender
        self.stateKey = stateKey
        self.originServerTS = originServerTS
        self.content = content
        self.unsigned = unsigned
    }

    enum CodingKeys: String, CodingKey {
        case type, sender, content, unsigned
        case eventID = "event_id"
        case stateKey = "state_key"
        case originServerTS = "origin_server_ts"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        type = try container.decode(String.self, forKey: .type)
        eventID = try container.decodeIfPresent(String.self, forKey: .eventID)
        sender = try container.decodeIfPresent(String.self, forKey: .sender) ?? ""
        stateKey = try container.decodeIfPresent(String.self, forKey: .stateKey)
        originServerTS = try? container.decodeIfPresent(Int64.self, forKey: .originServerTS)
        // A redacted event can carry an empty or missing content.
        content = (try? container.decodeIfPresent(MatrixJSON.self, forKey: .content)) ?? [:]
        unsigned = try? container.decodeIfPresent(MatrixJSON.self, forKey: .unsigned)
    }

    /// When the event was sent, if stamped.
    public var sentAt: Date? {
        originServerTS.map { Date(timeIntervalSince1970: TimeInterval($0) / 1000) }
    }

    /// `content.membership` of an `m.room.member` event.
    public var membership: String? { content["membership"]?.string }

    /// The membership before this event (`unsigned.prev_content.membership`), when the server said.
    public var previousMembership: String? { unsigned?["prev_content"]?["membership"]?.string }
}
