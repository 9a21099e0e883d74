import Foundation

/// A member's request for a facilitator, from `!facilitator` to resolved or withdrawn.
public struct Ticket: Sendable, Equatable {
    /// The ticket number people type (`!ack 3`).
    public var id: Int
    /// Who asked (`console:alice`); replaced by a pseudonym when they are forgotten.
    public var memberKey: String
    public var memberHandle: String
    /// Pages and relays leave the member's identity out.
    public var anonymous: Bool
    /// Where the request was made, as shown to people (`#general`, `a direct message`).
    public var origin: String
    /// The member's note, kept only while the ticket is active (pages repeat it).
    public var note: String?
    public var state: TicketState
    /// The last tier paged (1-based).
    public var tier: Int
    /// Where the last page went (`platform:channel-id`); relays go there too.
    public var destination: String
    /// True once the last tier timed out with no acknowledgement.
    public var unanswered: Bool
    public var openedAt: Date
    public var acknowledgedAt: Date?
    /// The facilitator who has it.
    public var assigneeKey: String?
    public var assigneeHandle: String?
    public var closedAt: Date?
    /// The key of the ladder's pending job, so an acknowledgement can cancel it.
    public var pendingJobKey: String?

    public init(
        id: Int = 0, memberKey: String, memberHandle: String, anonymous: Bool, origin: String, note: String?,
        state: TicketState = .open, tier: Int = 0, destination: String, unanswered: Bool = false, openedAt: Date,
        acknowledgedAt: Date? = nil, assigneeKey: String? = nil, assigneeHandle: String? = nil, closedAt: Date? = nil,
        pendingJobKey: String? = nil
    ) {
        self.id = id
        self.memberKey = memberKey
        self.memberHandle = memberHandle
        self.anonymous = anonymous
        self.origin = origin
        self.note = note
        self.state = state
        self.tier = tier
        self.destination = destination
        self.unanswered = unanswered
        self.openedAt = openedAt
        self.acknowledgedAt = acknowledgedAt
        self.assigneeKey = assigneeKey
        self.assigneeHandle = assigneeHandle
        self.closedAt = closedAt
        self.pendingJobKey = pendingJobKey
    }

    /// The member who asked, to reply to privately.
    public var member: MemberRef? { MemberRef(key: memberKey, handle: memberHandle) }

    /// The member as facilitators see them: their handle, or "anonymous".
    public var shownMember: String { anonymous ? "anonymous" : memberHandle }

    /// The facilitator who has it.
    public var assignee: MemberRef? {
        guard let assigneeKey else { return nil }
        return MemberRef(key: assigneeKey, handle: assigneeHandle)
    }
}
