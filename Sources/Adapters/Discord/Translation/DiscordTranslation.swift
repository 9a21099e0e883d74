import PeerBot

/// What one dispatch means for the adapter.
public struct DiscordTranslation: Sendable, Equatable {
    /// The event for the core, if any (READY, GUILD_CREATE and the like only update the adapter).
    public var event: InboundEvent?
    /// For INTERACTION_CREATE: what the responder needs to answer it.
    public var interaction: InteractionHandle?
    /// A key for `SeenEventRecords`, for events a resume may replay.
    public var dedupeKey: String?

    public init(event: InboundEvent?, interaction: InteractionHandle? = nil, dedupeKey: String? = nil) {
        self.event = event
        self.interaction = interaction
        self.dedupeKey = dedupeKey
    }

    /// Nothing for the core.
    public static let none = DiscordTranslation(event: nil)
}

/// The parts of an interaction needed to answer it.
public struct InteractionHandle: Sendable, Equatable {
    public var id: String
    /// Secret: never logged.
    public var token: String
    public var applicationID: String
    public var channelID: String
    /// True for a button press whose `custom_id` PeerBot does not know:
    /// acknowledged silently (type 6) instead of waiting for a core answer.
    public var acknowledgeOnly: Bool

    public init(id: String, token: String, applicationID: String, channelID: String, acknowledgeOnly: Bool = false) {
        self.id = id
        self.token = token
        self.applicationID = applicationID
        self.channelID = channelID
        self.acknowledgeOnly = acknowledgeOnly
    }
}
