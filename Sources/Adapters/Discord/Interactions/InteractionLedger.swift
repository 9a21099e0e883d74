/// Decides how each answer to an interaction is delivered, so every
/// interaction gets its first response inside Discord's 3 seconds
/// (receiving-and-responding.mdx "Interaction Callback": "you must send an
/// initial response within 3 seconds"; tokens last 15 minutes).
///
/// - The first private answer is the callback (type 4) with the ephemeral
///   flag; a public answer in the interaction's channel is a type 4 without it.
/// - If no answer has come `deferAfter` after the interaction arrived, it is
///   deferred (type 5, ephemeral — private is the safe default); the answer
///   then edits the original response.
/// - Later private answers are ephemeral follow-ups through the webhook.
/// A value type, tested with a virtual clock.
public struct InteractionLedger: Sendable {
    /// How the adapter delivers one answer.
    public enum Delivery: Sendable, Equatable {
        /// Create Interaction Response, type 4.
        case callback(ephemeral: Bool)
        /// Edit Original Interaction Response (after a deferral).
        case editOriginal
        /// Create Followup Message.
        case followup(ephemeral: Bool)
        /// Post in the channel as usual, then delete the deferred "thinking" response.
        case channelMessageDeletingOriginal
    }

    /// Discord's deadline for the first response.
    public static let responseDeadline: Duration = .seconds(3)
    /// How long the token can send follow-ups.
    public static let tokenLifetime: Duration = .seconds(15 * 60)

    public let deferAfter: Duration
    public private(set) var interactions: [String: PendingInteraction] = [:]

    public init(deferAfter: Duration) {
        self.deferAfter = min(max(deferAfter, .zero), .milliseconds(2500))
    }

    /// Records an interaction that just arrived.
    public mutating func register(_ interaction: PendingInteraction) {
        interactions[interaction.id] = interaction
    }

    /// When the interaction should be deferred if still unanswered.
    public func deferralDue(for id: String) -> Duration? {
        interactions[id].map { $0.receivedAt + deferAfter }
    }

    /// Starts deferring `id` if it is still unanswered and the deadline has not passed; returns it then.
    public mutating func beginDeferral(_ id: String, now: Duration) -> PendingInteraction? {
        guard var interaction = interactions[id], interaction.state == .awaiting else { return nil }
        guard now < interaction.receivedAt + Self.responseDeadline else {
            interaction.state = .expired
            interactions[id] = interaction
            return nil
        }
        interaction.state = .deferring
        interactions[id] = interaction
        return interaction
    }

    /// Records how the deferred response went.
    public mutating func finishDeferral(_ id: String, succeeded: Bool) {
        guard var interaction = interactions[id], interaction.state == .deferring else { return }
        interaction.state = succeeded ? .deferred : .expired
        interactions[id] = interaction
    }

    /// How to deliver a private answer to interaction `id`; nil when it is
    /// not a live interaction (deliver it as a direct message instead).
    public mutating func routePrivate(to id: String, now: Duration) -> (PendingInteraction, Delivery)? {
        guard var interaction = live(id, now: now) else { return nil }
        let delivery: Delivery
        switch interaction.state {
        case .awaiting: delivery = .callback(ephemeral: true)
        case .deferred: delivery = .editOriginal
        case .answered: delivery = .followup(ephemeral: true)
        case .deferring, .expired: return nil
        }
        interaction.state = .answered
        interactions[id] = interaction
        return (interaction, delivery)
    }

    /// How to deliver a public message in `channelID`: as the first response
    /// of an interaction from that channel still waiting for one, else nil (post as usual).
    public mutating func routePublic(in channelID: String, now: Duration) -> (PendingInteraction, Delivery)? {
        let candidates = interactions.values
            .filter { $0.channelID == channelID && ($0.state == .awaiting || $0.state == .deferred) }
            .sorted { $0.receivedAt < $1.receivedAt }
        for candidate in candidates {
            guard var interaction = live(candidate.id, now: now) else { continue }
            let delivery: Delivery = interaction.state == .awaiting ? .callback(ephemeral: false) : .channelMessageDeletingOriginal
            interaction.state = .answered
            interactions[interaction.id] = interaction
            return (interaction, delivery)
        }
        return nil
    }

    /// Marks a delivery that failed: the token is not used again for a first response.
    public mutating func markFailed(_ id: String) {
        guard var interaction = interactions[id], interaction.state != .answered else { return }
        interaction.state = .expired
        interactions[id] = interaction
    }

    /// Forgets interactions whose token has expired.
    public mutating func prune(now: Duration) {
        interactions = interactions.filter { now < $0.value.receivedAt + Self.tokenLifetime }
    }

    /// The interaction if its token still works for the answer its state calls for.
    private mutating func live(_ id: String, now: Duration) -> PendingInteraction? {
        guard var interaction = interactions[id] else { return nil }
        let age = now - interaction.receivedAt
        if age >= Self.tokenLifetime {
            interactions[id] = nil
            return nil
        }
        if interaction.state == .awaiting, age >= Self.responseDeadline {
            interaction.state = .expired
            interactions[id] = interaction
            return nil
        }
        return interaction
    }
}
