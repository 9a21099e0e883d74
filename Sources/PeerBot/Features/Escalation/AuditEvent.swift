import Foundation

/// One thing that happened to a ticket, kept for the audit trail. Events
/// record who and when, never message text.
public struct AuditEvent: Sendable, Equatable {
    public var id: Int64
    public var ticket: Int
    public var at: Date
    public var kind: AuditEventKind
    /// Who did it (member key), or nil for the bot itself.
    public var actorKey: String?
    /// How the actor was shown (`alice`, `sam`, `anonymous`).
    public var actorHandle: String?
    /// Whom it was done to (the facilitator a ticket was handed to).
    public var targetKey: String?
    public var targetHandle: String?
    /// Non-identifying detail (`tier 2 → console:facilitators`, `to the member`).
    public var detail: String?

    public init(
        id: Int64 = 0, ticket: Int, at: Date, kind: AuditEventKind, actorKey: String? = nil, actorHandle: String? = nil,
        targetKey: String? = nil, targetHandle: String? = nil, detail: String? = nil
    ) {
        self.id = id
        self.ticket = ticket
        self.at = at
        self.kind = kind
        self.actorKey = actorKey
        self.actorHandle = actorHandle
        self.targetKey = targetKey
        self.targetHandle = targetHandle
        self.detail = detail
    }
}
