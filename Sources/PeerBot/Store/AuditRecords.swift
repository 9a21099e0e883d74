import Foundation

/// The audit trail of ticket events.
public protocol AuditRecords {
    func appendAudit(_ event: AuditEvent) throws
    /// Events of one ticket, or of all tickets (nil), in order.
    func auditEvents(ticket: Int?) throws -> [AuditEvent]
    /// How many events name the member as actor or target.
    func auditEventCount(involving memberKey: String) throws -> Int
    /// Replaces a member's key and handle, as actor or target, with a pseudonym.
    func pseudonymiseAudit(memberKey: String, as pseudonym: String) throws
}
