/// One rung of the re-paging ladder: where its page goes and whom it mentions.
public struct EscalationTier: Sendable, Equatable {
    /// Whom a tier's page mentions.
    public enum Audience: String, Sendable, CaseIterable {
        /// The facilitators on duty now, or every facilitator when nobody is.
        case onDuty = "on-duty"
        /// Every facilitator.
        case all
        /// The backup list (`escalation.backup`), or every facilitator when it is empty.
        case backup
        /// Nobody by name: the page is posted without mentions.
        case none
    }

    public var mention: Audience
    /// Where the page goes; nil means `escalation.destination`.
    public var destination: EscalationDestination?
    /// Extra member keys this tier mentions.
    public var members: [String]

    public init(mention: Audience, destination: EscalationDestination? = nil, members: [String] = []) {
        self.mention = mention
        self.destination = destination
        self.members = members
    }

    /// On-duty facilitators → every facilitator → the backup list.
    public static let defaultLadder = [
        EscalationTier(mention: .onDuty), EscalationTier(mention: .all), EscalationTier(mention: .backup),
    ]
}
