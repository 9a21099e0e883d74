import Foundation

/// What a message from PeerBot is, read from its text (the escalation texts
/// are fixed in `EscalationText`; anything else in a direct room answers a command).
enum SoakMessage: Equatable {
    /// To the member: "I've paged … (request #N)".
    case confirmation(ticket: Int)
    /// To the member: "… has seen your request #N and picked it up".
    case acknowledged(ticket: Int)
    /// To the member: "Your request #N is now closed".
    case closed(ticket: Int)
    /// To the member, about a request, but none of the above (unanswered, still open, passed on).
    case otherAboutRequest(ticket: Int)
    /// In the facilitators' room: "Ticket #N: … asked for a facilitator".
    case page(ticket: Int)
    /// In the facilitators' room: "Ticket #N still has no answer" (a re-page).
    case repage(ticket: Int)
    /// In the facilitators' room: "Ticket #N: … has it".
    case taken(ticket: Int)
    /// In the facilitators' room: "Ticket #N resolved by …".
    case resolved(ticket: Int)
    /// Anything else: an answer to a command.
    case answer

    init(_ body: String) {
        if let number = Self.number(after: "request #", in: body) {
            if body.contains("I've paged") {
                self = .confirmation(ticket: number)
            } else if body.contains("picked it up") {
                self = .acknowledged(ticket: number)
            } else if body.contains("is now closed") {
                self = .closed(ticket: number)
            } else {
                self = .otherAboutRequest(ticket: number)
            }
        } else if let number = Self.number(after: "Ticket #", in: body) {
            if body.contains("asked for a facilitator") {
                self = .page(ticket: number)
            } else if body.contains("still has no answer") || body.contains("has had no answer") {
                self = .repage(ticket: number)
            } else if body.contains(" has it") {
                self = .taken(ticket: number)
            } else if body.contains(" resolved by ") {
                self = .resolved(ticket: number)
            } else {
                self = .answer
            }
        } else {
            self = .answer
        }
    }

    /// The number right after the first `marker` in `text`.
    static func number(after marker: String, in text: String) -> Int? {
        guard let range = text.range(of: marker) else { return nil }
        return Int(text[range.upperBound...].prefix { $0.isNumber })
    }
}
