import Foundation

/// Deduplication of platform events delivered at least once.
public protocol SeenEventRecords {
    /// Records the event; returns false when it had been seen before.
    func markSeen(platform: Platform, eventID: String, at now: Date) throws -> Bool
    /// True when the event was recorded (an adapter checks before handing a replayed event on).
    func hasSeen(platform: Platform, eventID: String) throws -> Bool
    /// Forgets events seen before `instant`.
    func pruneSeenEvents(before instant: Date) throws
}
