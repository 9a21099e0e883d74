import Foundation

/// The parts of a `GET /_matrix/client/v3/sync` response PeerBot uses
/// (spec: client-server API, "Syncing"). Unknown fields are ignored.
public struct MatrixSyncResponse: Sendable, Decodable {
    /// The position to pass as `since` next time.
    public var nextBatch: String
    public var rooms: Rooms
    /// Global account data (PeerBot reads `m.direct`).
    public var accountData: MatrixEventList

    public init(nextBatch: String, rooms: Rooms = Rooms(), accountData: MatrixEventList = MatrixEventList()) {
        self.nextBatch = nextBatch
        self.rooms = rooms
        self.accountData = accountData
    }

    enum CodingKeys: String, CodingKey {
        case rooms
        case nextBatch = "next_batch"
        case accountData = "account_data"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        nextBatch = try container.decode(String.self, forKey: .nextBatch)
        rooms = try container.decodeIfPresent(Rooms.self, forKey: .rooms) ?? Rooms()
        accountData = (try? container.decodeIfPresent(MatrixEventList.self, forKey: .accountData)) ?? MatrixEventList()
    }

    /// Rooms by membership.
    public struct Rooms: Sendable, Decodable {
        public var join: [String: JoinedRoom]
        public var invite: [String: InvitedRoom]
        public var leave: [String: LeftRoom]

        public init(
            join: [String: JoinedRoom] = [:], invite: [String: InvitedRoom] = [:], leave: [String: LeftRoom] = [:]
        ) {
            self.join = join
            self.invite = invite
            self.leave = leave
        }

        enum CodingKeys: String, CodingKey { case join, invite, leave }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            join = try container.decodeIfPresent([String: JoinedRoom].self, forKey: .join) ?? [:]
            invite = try container.decodeIfPresent([String: InvitedRoom].self, forKey: .invite) ?? [:]
            leave = try container.decodeIfPresent([String: LeftRoom].self, forKey: .leave) ?? [:]
        }
    }

    /// A room the bot is in: state before the timeline, then the timeline.
    public struct JoinedRoom: Sendable, Decodable {
        public var state: MatrixEventList
        public var timeline: Timeline

        public init(state: MatrixEventList = MatrixEventList(), timeline: Timeline = Timeline()) {
            self.state = state
            self.timeline = timeline
        }

        enum CodingKeys: String, CodingKey { case state, timeline }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            state = try container.decodeIfPresent(MatrixEventList.self, forKey: .state) ?? MatrixEventList()
            timeline = try container.decodeIfPresent(Timeline.self, forKey: .timeline) ?? Timeline()
        }
    }

    /// A room the bot is invited to: the stripped state the inviter's server shared.
    public struct InvitedRoom: Sendable, Decodable {
        public var inviteState: MatrixEventList

        public init(inviteState: MatrixEventList = MatrixEventList()) {
            self.inviteState = inviteState
        }

        enum CodingKeys: String, CodingKey { case inviteState = "invite_state" }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            inviteState = try container.decodeIfPresent(MatrixEventList.self, forKey: .inviteState) ?? MatrixEventList()
        }
    }

    /// A room the bot left or was removed from.
    public struct LeftRoom: Sendable, Decodable {
        public init() {}
    }

    /// A room's new events, oldest first. `limited` means events were left out
    /// between the previous position and these; `prevBatch` pages back to them.
    public struct Timeline: Sendable, Decodable {
        public var events: [MatrixEvent]
        public var limited: Bool
        public var prevBatch: String?

        public init(events: [MatrixEvent] = [], limited: Bool = false, prevBatch: String? = nil) {
            self.events = events
            self.limited = limited
            self.prevBatch = prevBatch
        }

        enum CodingKeys: String, CodingKey {
            case events, limited
            case prevBatch = "prev_batch"
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            events = try MatrixEventList(from: decoder).events
            limited = (try? container.decodeIfPresent(Bool.self, forKey: .limited)) ?? false
            prevBatch = try? container.decodeIfPresent(String.self, forKey: .prevBatch)
        }
    }
}
