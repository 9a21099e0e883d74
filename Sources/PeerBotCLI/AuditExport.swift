import Foundation
import PeerBot

/// Audit events as CSV (RFC 4180) or JSON, times in UTC ISO 8601.
enum AuditExport {
    static let columns = ["ticket", "at", "event", "actor", "target", "detail"]

    static func fields(_ event: AuditEvent) -> [String] {
        [
            String(event.ticket), TimestampText.iso8601(event.at), event.kind.rawValue, event.actorHandle ?? "",
            event.targetHandle ?? "", event.detail ?? "",
        ]
    }

    static func csv(_ events: [AuditEvent]) -> String {
        var text = columns.joined(separator: ",") + "\r\n"
        for event in events {
            text += fields(event).map(quoted).joined(separator: ",") + "\r\n"
        }
        return text
    }

    /// One event as JSON: the ticket number as a number, absent fields left out.
    struct JSONRow: Encodable {
        var ticket: Int
        var at: String
        var event: String
        var actor: String?
        var target: String?
        var detail: String?
    }

    static func json(_ events: [AuditEvent]) throws -> String {
        let rows = events.map { event in
            JSONRow(
                ticket: event.ticket, at: TimestampText.iso8601(event.at), event: event.kind.rawValue,
                actor: event.actorHandle, target: event.targetHandle, detail: event.detail)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(rows), as: UTF8.self)
    }

    /// A CSV field, quoted when it holds a comma, quote or line break; a leading
    /// `=`, `+`, `-` or `@` gets a `'` so spreadsheets do not run it as a formula.
    static func quoted(_ field: String) -> String {
        var value = field
        if let first = value.first, "=+-@".contains(first) { value = "'" + value }
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
