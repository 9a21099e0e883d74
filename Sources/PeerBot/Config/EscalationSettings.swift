import Foundation

/// `[escalation]`: how a request for a facilitator is paged and re-paged.
public struct EscalationSettings: Sendable {
    /// How long a page waits for `!ack` (or ✅) before the next tier is paged. Default 5 minutes.
    public var ackTimeout: TimeInterval = 300
    /// Where pages go unless a tier names another place. Default: on the console,
    /// `console:<[console] facilitator_channel>`.
    public var destination = EscalationDestination(platform: .console, channelID: "facilitators")
    /// True when the file set `destination` (else the assembly derives it).
    public var destinationConfigured = false
    /// Facilitators to mention, as member keys (`console:sam`). Default: on the
    /// console, `[console] facilitators`.
    public var facilitators: [String] = []
    public var facilitatorsConfigured = false
    /// Whom the backup tier mentions. Default: on the console, `[console] admins`.
    public var backup: [String] = []
    public var backupConfigured = false
    /// Tell the member the names of the facilitators paged (default: roles only).
    public var showPagedNames = false
    /// Notes longer than this (characters) are shortened in pages. Default 300.
    public var maxNoteLength = 300
    /// The ladder, first tier first. Default: on-duty → all → backup.
    public var tiers = EscalationTier.defaultLadder

    public init() {}

    /// The destination of tier `number` (1-based).
    public func destination(ofTier number: Int) -> EscalationDestination {
        guard tiers.indices.contains(number - 1) else { return destination }
        return tiers[number - 1].destination ?? destination
    }
}
