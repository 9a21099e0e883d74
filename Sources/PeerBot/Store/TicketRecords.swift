import Foundation

/// Facilitator tickets (`!facilitator` … `!resolve`).
public protocol TicketRecords {
    /// Stores a new ticket and returns its number (the `id` passed in is ignored).
    func insertTicket(_ ticket: Ticket) throws -> Int
    func ticket(number: Int) throws -> Ticket?
    /// The member's open or acknowledged ticket, if any.
    func activeTicket(ofMember memberKey: String) throws -> Ticket?
    /// Open and acknowledged tickets, oldest first.
    func activeTickets() throws -> [Ticket]
    /// Every ticket the member opened.
    func tickets(ofMember memberKey: String) throws -> [Ticket]
    /// Tickets the member holds as facilitator.
    func tickets(assignedTo memberKey: String) throws -> [Ticket]
    /// Writes every field of an existing ticket.
    func updateTicket(_ ticket: Ticket) throws
    /// Replaces a member's key and handle, as asker or assignee, with a pseudonym.
    func pseudonymiseTickets(memberKey: String, as pseudonym: String) throws
    /// Deletes resolved and withdrawn tickets closed before `instant`, with
    /// their audit events; returns how many tickets went.
    func deleteClosedTickets(before instant: Date) throws -> Int
}
