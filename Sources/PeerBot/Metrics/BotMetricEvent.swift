/// Something a feature counts. Recorded in a `MetricsTally` inside the
/// handler's transaction and reported only after it commits, so a rolled-back
/// handler counts nothing.
public enum BotMetricEvent: Sendable, Equatable {
    /// A ticket's first page (tier 1).
    case page
    /// A later tier paged after an acknowledgement timeout.
    case repage
    /// The last tier timed out with no acknowledgement.
    case unanswered
    /// A private crisis-line offer.
    case crisisOffer(Platform)
}
