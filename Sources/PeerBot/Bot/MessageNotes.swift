/// What features have learned about the message being handled, for the
/// features after them in the same transaction.
public final class MessageNotes {
    /// The message reads as crisis language: gentler nudges (a content-warning
    /// reminder) stand down, because a nudge is the wrong reply to someone in crisis.
    public var crisisLanguage = false
    /// The author is sending private messages faster than the command rate
    /// limit allows: what they cause (relays) should not crowd the urgent lane.
    /// Such messages are still read by every feature, the crisis scan included.
    public var overRateLimit = false

    public init() {}
}
