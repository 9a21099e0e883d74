/// What PeerBot does when a message uses crisis language.
public enum CrisisMode: String, Sendable, CaseIterable {
    /// Nothing: messages are not scanned.
    case off
    /// The author alone gets a private message with crisis lines and the `!facilitator` offer.
    case offer
    /// As `offer`, and facilitators get a minimal notice (who, where, when).
    case offerAndNotify = "offer+notify"
}
