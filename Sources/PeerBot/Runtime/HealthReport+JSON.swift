import Foundation

extension HealthReport {
    private struct Body: Encodable {
        struct Adapter: Encodable {
            var platform: String
            var state: String
            var connected: Bool
            var reconnects: Int
            var rateLimitWaits: Int
        }
        struct Outbox: Encodable {
            var pending: Int
            var oldestPendingSeconds: Int
            var stuck: Bool
        }
        struct Tickets: Encodable {
            var open: Int
            var unacknowledged: Int
        }
        var status: String
        var database: String
        var adapters: [Adapter]
        var outbox: Outbox
        var tickets: Tickets
    }

    /// The report as `/healthz` serves it (keys sorted, one line).
    public var json: String {
        let body = Body(
            status: status, database: storeReadable ? "ok" : "unreadable",
            adapters: adapters.map {
                Body.Adapter(
                    platform: $0.platform.rawValue, state: $0.state.rawValue, connected: $0.connected,
                    reconnects: $0.reconnects, rateLimitWaits: $0.rateLimitWaits)
            },
            outbox: Body.Outbox(
                pending: outboxDepth, oldestPendingSeconds: Int((oldestPendingAge ?? 0).rounded(.down)), stuck: outboxStuck),
            tickets: Body.Tickets(open: openTickets, unacknowledged: unacknowledgedTickets))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        let data = (try? encoder.encode(body)) ?? Data("{\"status\":\"\(status)\"}".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
