/// The kinds of ticket events.
public enum AuditEventKind: String, Sendable, CaseIterable {
    case opened
    case paged
    case acknowledged
    case handedOff = "handed-off"
    case relayed
    /// The last tier timed out and the member was told no one has answered yet.
    case unanswered
    case resolved
    case cancelled
}
