/// The life of a ticket.
public enum TicketState: String, Sendable, Codable {
    /// Paged; nobody has acknowledged yet.
    case open
    /// A facilitator has it.
    case acknowledged
    case resolved
    /// Withdrawn by the member (or because they asked to be forgotten).
    case cancelled

    /// Open or acknowledged: relays flow and `!tickets` lists it.
    public var isActive: Bool { self == .open || self == .acknowledged }
}
