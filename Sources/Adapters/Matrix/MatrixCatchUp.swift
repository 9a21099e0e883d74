import Foundation

/// Fills the gap a `limited` timeline leaves (more happened in a room since
/// the last sync than one batch carries).
///
/// Policy: page backwards with `GET /rooms/{roomId}/messages?dir=b` from the
/// timeline's `prev_batch` towards the previous sync position (`to`), and stop
/// at the first of: the previous position, an event already handled, PeerBot's
/// own join (earlier events predate it), an event older than the catch-up
/// window (a command that old would be answered too late to help), or the
/// event limit. The events found are handled before the timeline, oldest
/// first; anything beyond a limit is skipped and logged, never guessed at.
public struct MatrixCatchUp: Sendable {
    /// Why the gap filling stopped.
    public enum Stop: String, Sendable, Equatable {
        case reachedPreviousPosition = "reached the previous position"
        case reachedHandledEvent = "reached an event already handled"
        case reachedOwnJoin = "reached PeerBot's own join"
        case reachedWindow = "reached the catch-up window"
        case reachedLimit = "reached the catch-up limit"
    }

    public let botUserID: String
    /// Events sent before this are not fetched.
    public let oldest: Date
    public let limit: Int
    /// The token to request the next (older) page from; nil once finished.
    public private(set) var from: String?
    /// The previous sync position, passed as `to` so paging stops there.
    public let to: String?
    public private(set) var stop: Stop?
    /// Collected events, newest first.
    private var collected: [MatrixEvent] = []

    public init(prevBatch: String?, previousPosition: String?, botUserID: String, oldest: Date, limit: Int) {
        from = prevBatch
        to = previousPosition
        self.botUserID = botUserID
        self.oldest = oldest
        self.limit = limit
        if prevBatch == nil { stop = .reachedPreviousPosition }
        if limit <= 0 { stop = .reachedLimit }
    }

    /// True when no more pages are needed.
    public var isFinished: Bool { stop != nil }

    /// The events of the gap, oldest first.
    public var events: [MatrixEvent] { collected.reversed() }

    /// Takes one page (newest first, as `dir=b` returns it).
    public mutating func add(_ page: MatrixMessagesPage, isHandled: (String) -> Bool) {
        guard stop == nil else { return }
        for event in page.chunk {
            if let id = event.eventID, isHandled(id) { return finish(.reachedHandledEvent) }
            if MatrixTimeline.isOwnJoin(event, botUserID: botUserID) { return finish(.reachedOwnJoin) }
            if let sent = event.sentAt, sent < oldest { return finish(.reachedWindow) }
            if collected.count >= limit { return finish(.reachedLimit) }
            collected.append(event)
        }
        if page.chunk.isEmpty || page.end == nil || page.end == from {
            finish(.reachedPreviousPosition)
        } else {
            from = page.end
        }
    }

    private mutating func finish(_ reason: Stop) {
        stop = reason
        from = nil
    }
}
