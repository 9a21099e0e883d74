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
